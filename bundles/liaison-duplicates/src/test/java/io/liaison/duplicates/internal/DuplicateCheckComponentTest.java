package io.liaison.duplicates.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.crm.CrmEvents;
import io.liaison.api.domain.Communication;
import io.liaison.api.domain.CommunicationType;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.ContactPersonData;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.domain.Employee;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.duplicates.ContactCandidate;
import io.liaison.api.duplicates.DuplicateMatch;
import io.liaison.api.duplicates.DuplicateResult;
import io.liaison.api.duplicates.DuplicateStatus;
import io.liaison.crm.embedded.internal.JdbcHostCrm;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

/**
 * The duplicate check over the real embedded host CRM (JdbcHostCrm on H2) and its JDBC index on H2, its look-ups
 * answered from memory; {@link DuplicateCheckWithTableLookupsTest} runs the same with look-ups in the tables.
 */
class DuplicateCheckComponentTest {
    private JdbcHostCrm crm;
    private JdbcDataSource liaison;
    private EmployeeId demo;
    private ContactPerson anna;
    private ContactPerson hans;

    @BeforeEach
    void setUp() {
        crm = new JdbcHostCrm(JdbcMatchKeyIndexOnH2Test.h2());
        liaison = JdbcMatchKeyIndexOnH2Test.h2();
        demo = crm.employees().findByLogin("demo").orElseThrow().id();
        anna = create("Anna", "Müller", List.of(Communication.email("Anna.Mueller@firma.de", true),
                new Communication(CommunicationType.MOBILE, "0171 1234567", true),
                new Communication(CommunicationType.PHONE, "030 1234567", true)));
        hans = create("Hans", "Schmidt", List.of(Communication.email("info@schmidt-bau.de", true)));
    }

    private ContactPerson create(String first, String last, List<Communication> comms) {
        return crm.contactPersons().create(demo, new ContactPersonData(Optional.empty(), "", "", first, last, "", "", comms),
                Optional.empty());
    }

    /** Whether the component answers look-ups from memory (the default) or from the tables. */
    boolean lookupsInMemory() {
        return true;
    }

    private DuplicateCheckComponent component(int maxStalenessSeconds) {
        return new DuplicateCheckComponent(crm, liaison, Fixtures.config("", maxStalenessSeconds, lookupsInMemory()));
    }

    private static ContactCandidate candidate(String first, String last, String email, String phone, String mobile) {
        return new ContactCandidate("", first, last, email == null ? List.of() : List.of(email),
                phone == null ? List.of() : List.of(phone), mobile == null ? List.of() : List.of(mobile), "");
    }

    @Test
    void aConfigurationChangeAppliesToTheNextCheckWithoutReloadingTheIndex() {
        DuplicateCheckComponent check = component(3600);
        ContactCandidate both = new ContactCandidate("", "Anna", "Müller",
                List.of("anna.mueller@firma.de", "info@schmidt-bau.de"), List.of(), List.of(), "");
        assertThat(check.check(demo, both).matches()).hasSize(2);
        // a contact created after the index was loaded: a reload would see it, the change of settings must not
        crm.contactPersons().create(demo, new ContactPersonData(Optional.empty(), "", "", "Anna", "Mueller", "", "",
                List.of(Communication.email("anna.mueller@firma.de", true))), Optional.empty());

        check.modified(Fixtures.config("", 3600, lookupsInMemory(), 1, "AT"));

        assertThat(check.check(demo, both).matches()).as("the new match limit applies at once").hasSize(1);
        check.modified(Fixtures.config("", 3600, lookupsInMemory(), 50, "AT"));
        assertThat(check.check(demo, both).matches()).as("the index was not reloaded (no change event came)")
                .hasSize(2);
    }

    @Test
    void findsCertainPossibleAndNoDuplicatesInTheCrm() {
        DuplicateCheckComponent check = component(3600);

        DuplicateResult byEmail = check.check(demo, candidate("", "", " ANNA.MUELLER@FIRMA.DE", null, null));
        assertThat(byEmail.status()).isEqualTo(DuplicateStatus.CERTAIN);
        assertThat(byEmail.matches()).extracting(DuplicateMatch::contactPerson).containsExactly(anna.id());
        assertThat(byEmail.matches().get(0).reasons()).containsExactly("same e-mail address anna.mueller@firma.de");

        DuplicateResult byMobile = check.check(demo, candidate("A.", "Mueller", null, "0049-171-1234567", null));
        assertThat(byMobile.status()).isEqualTo(DuplicateStatus.CERTAIN);
        assertThat(byMobile.matches().get(0).reasons()).contains("same last name (mueller) and same mobile number +491711234567");

        DuplicateResult family = check.check(demo, candidate("Peter", "Müller", null, "+49 (0)30 1234567", null));
        assertThat(family.status()).isEqualTo(DuplicateStatus.POSSIBLE);

        DuplicateResult misspelt = check.check(demo, candidate("Dr. Ana", "Muller", "anna@privat.de", null, null));
        assertThat(misspelt.status()).isEqualTo(DuplicateStatus.POSSIBLE);
        assertThat(misspelt.matches().get(0).reasons().get(0)).startsWith("similar name");

        DuplicateResult colleague = check.check(demo, candidate("Eva", "Weber", "info@schmidt-bau.de", null, null));
        assertThat(colleague.status()).isEqualTo(DuplicateStatus.POSSIBLE);
        assertThat(colleague.matches()).extracting(DuplicateMatch::contactPerson).containsExactly(hans.id());

        assertThat(check.check(demo, candidate("Eva", "Weber", "eva@weber.de", "040 555666", null)).status())
                .isEqualTo(DuplicateStatus.NONE);
        assertThat(check.check(demo, candidate("Eva", "Weber", "eva@weber.de", null, null)).matches()).isEmpty();
    }

    @Test
    void followsTheCrmsChangeFeedWhenAChangeEventArrives() {
        DuplicateCheckComponent check = component(3600);
        ContactCandidate eva = candidate("Eva", "Weber", "eva@weber.de", null, null);
        assertThat(check.check(demo, eva).status()).isEqualTo(DuplicateStatus.NONE);

        ContactPerson created = create("Eva", "Weber", List.of(Communication.email("eva@weber.de", true)));
        check.handleEvent(new Event(CrmEvents.TOPIC_CONTACT_CHANGED, Map.of(CrmEvents.PROPERTY_ID, created.id().value())));
        assertThat(check.check(demo, eva).matches()).extracting(DuplicateMatch::contactPerson).containsExactly(created.id());

        crm.contactPersons().update(demo, anna.id(), anna.version(), new ContactPersonData(Optional.empty(), "", "", "Anna",
                "Müller", "", "", List.of(Communication.email("anna@neu.de", true))));
        crm.contactPersons().delete(demo, hans.id(), hans.version());
        check.handleEvent(new Event(CrmEvents.TOPIC_CONTACT_CHANGED, Map.of()));
        assertThat(check.check(demo, candidate("", "", "anna.mueller@firma.de", null, null)).status()).isEqualTo(DuplicateStatus.NONE);
        assertThat(check.check(demo, candidate("", "", "anna@neu.de", null, null)).status()).isEqualTo(DuplicateStatus.CERTAIN);
        assertThat(check.check(demo, candidate("", "", "info@schmidt-bau.de", null, null)).status()).isEqualTo(DuplicateStatus.NONE);
    }

    @Test
    void confirmsMatchesAgainstTheCrmSoThatADeletedContactIsNeverReported() {
        DuplicateCheckComponent check = component(3600);
        check.catchUp();
        crm.contactPersons().delete(demo, hans.id(), hans.version());
        // no event, index stale: the index still files Hans, but the CRM no longer has him
        assertThat(check.check(demo, candidate("", "", "info@schmidt-bau.de", null, null)).status()).isEqualTo(DuplicateStatus.NONE);
    }

    @Test
    void survivesARestartAndRebuildsWhenTheIndexIsMissing() throws Exception {
        assertThat(component(3600).catchUp().rebuilt()).isTrue();
        MatchIndexUpdater.Report afterRestart = component(3600).catchUp();
        assertThat(afterRestart.rebuilt()).isFalse();
        assertThat(afterRestart.changed()).isZero();
        assertThat(new JdbcMatchKeyIndex(liaison).size()).isEqualTo(2);

        try (Connection c = liaison.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM dup_index_state");
        }
        DuplicateCheckComponent check = component(3600);
        assertThat(check.catchUp().rebuilt()).isTrue();
        assertThat(check.check(demo, candidate("", "", "anna.mueller@firma.de", null, null)).status()).isEqualTo(DuplicateStatus.CERTAIN);
    }

    @Test
    void activationBringsTheIndexUpToDateInTheBackground() throws Exception {
        DuplicateCheckComponent check = component(3600);
        Thread warmUp = check.startWarmUp();
        warmUp.join(60_000);
        assertThat(warmUp.isAlive()).isFalse();

        JdbcMatchKeyIndex tables = new JdbcMatchKeyIndex(liaison);
        assertThat(tables.state()).isPresent();
        assertThat(tables.size()).isEqualTo(2);
        assertThat(check.catchUp().rebuilt()).isFalse();
        assertThat(check.check(demo, candidate("", "", "anna.mueller@firma.de", null, null)).status()).isEqualTo(DuplicateStatus.CERTAIN);
    }

    @Test
    void aStoppedBuildEndsAfterItsPageLeavesTheIndexIncompleteAndIsStartedAgainNextTime() {
        for (int i = 0; i < 5; i++) {
            create("Person" + i, "Nummer" + i, List.of(Communication.email("p" + i + "@firma.de", true)));
        }
        JdbcMatchKeyIndex tables = new JdbcMatchKeyIndex(liaison);
        IndexSchema.migrate(liaison);
        MatchIndexUpdater[] updater = new MatchIndexUpdater[1];
        int[] pages = new int[1];
        MatchKeyIndex stoppingAfterTwoPages = new MatchKeyIndex() {
            @Override public Optional<IndexState> state() { return tables.state(); }
            @Override public void clear() { tables.clear(); }
            @Override public List<IndexedContact> candidates(Collection<String> keys, int limit) { return tables.candidates(keys, limit); }
            @Override public long size() { return tables.size(); }
            @Override public int erase(ContactPersonId id) { return tables.erase(id); }
            @Override
            public void apply(Collection<IndexedContact> upserts, Collection<ContactPersonId> removed,
                              Optional<IndexState> newState) {
                tables.apply(upserts, removed, newState);
                if (++pages[0] == 2) {
                    updater[0].stop(); // the duplicate check is deactivated while the build runs
                }
            }
        };
        ContactNormalizer normalizer = new ContactNormalizer("DE");
        updater[0] = new MatchIndexUpdater(crm, stoppingAfterTwoPages, normalizer, Optional.empty(), 2, Clock.systemUTC());

        assertThatThrownBy(updater[0]::catchUp).hasMessageContaining("was stopped");
        assertThat(pages[0]).isEqualTo(2);
        assertThat(tables.size()).isEqualTo(4);
        assertThat(tables.state()).as("incomplete: to be built again").isEmpty();
        assertThatThrownBy(updater[0]::catchUp).hasMessageContaining("was stopped");

        MatchIndexUpdater.Report next = new MatchIndexUpdater(crm, tables, normalizer, Optional.empty(), 2,
                Clock.systemUTC()).catchUp();
        assertThat(next.rebuilt()).isTrue();
        assertThat(tables.size()).isEqualTo(7);
        assertThat(tables.state()).isPresent();
    }

    @Test
    void buildsForTheConfiguredEmployeeAndRebuildsWhenItChanges() {
        Employee other = crm.saveEmployee(new Employee(EmployeeId.of("e-2"), "vertrieb", "Vertrieb", ""));
        DuplicateCheckComponent first = component(3600);
        first.catchUp();
        DuplicateCheckComponent configured = new DuplicateCheckComponent(crm, liaison, Fixtures.config("vertrieb", 3600, lookupsInMemory()));
        assertThat(configured.catchUp().rebuilt()).isTrue();
        assertThat(new JdbcMatchKeyIndex(liaison).state().orElseThrow().actor()).isEqualTo(other.id());

        DuplicateCheckComponent unknown = new DuplicateCheckComponent(crm, liaison, Fixtures.config("nobody", 3600, lookupsInMemory()));
        assertThatThrownBy(unknown::catchUp).hasMessageContaining("'nobody' is neither the login nor the id of an employee");
    }

    @Test
    void pagesThroughMoreContactsThanOnePage() {
        for (int i = 0; i < 120; i++) {
            create("Person" + i, "Nummer" + i, List.of(Communication.email("p" + i + "@firma.de", true)));
        }
        DuplicateCheckComponent check = component(3600);
        assertThat(check.catchUp().changed()).isEqualTo(122);
        assertThat(check.check(demo, candidate("", "", "p119@firma.de", null, null)).status()).isEqualTo(DuplicateStatus.CERTAIN);
    }

    @Test
    void checksTheRestOfAContactWithAnUnreadableValueAndNamesItInANote() {
        DuplicateCheckComponent check = component(3600);
        DuplicateResult result = check.check(demo, candidate("Anna", "Müller", "anna(at)firma.de", "n/a", null));
        assertThat(result.status()).isEqualTo(DuplicateStatus.POSSIBLE);
        assertThat(result.notes()).containsExactly("e-mail address 'anna(at)firma.de' has no @: not compared",
                "phone number 'n/a' is not a phone number (not_a_number): not compared");
        assertThatThrownBy(() -> check.check(demo, candidate("", "", "anna(at)firma.de", null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the contact has no name, no e-mail address and no phone number to compare");
    }

    @Test
    void readsNumbersInThePersonsOrItsPartnersCountryBeforeTheDefaultRegion() {
        // "044 668 18 00" is Zurich in Switzerland (+41 44 …) and a number in Lower Saxony (+49 4466 …) in Germany
        var zurich = crm.businessPartners().create(demo, "Zürich AG", List.of("zuerich-ag.ch"));
        crm.businessPartners().setCountry(demo, zurich.id(), "CH");
        crm.contactPersons().create(demo, new ContactPersonData(Optional.of(zurich.id()), "", "", "Ursula", "Keller", "", "",
                List.of(new Communication(CommunicationType.PHONE, "044 668 18 00", true))), Optional.empty());
        crm.contactPersons().create(demo, new ContactPersonData(Optional.empty(), "", "", "Beat", "Frei", "", "",
                List.of(new Communication(CommunicationType.PHONE, "044 668 18 01", true)), "CH"), Optional.empty());
        crm.contactPersons().create(demo, new ContactPersonData(Optional.empty(), "", "", "Gerda", "Janssen", "", "",
                List.of(new Communication(CommunicationType.PHONE, "044 668 18 02", true))), Optional.empty());
        DuplicateCheckComponent check = component(3600);

        assertThat(check.check(demo, candidate("Ursula", "Keller", null, "+41 44 668 18 00", null)).status())
                .as("the partner's country").isEqualTo(DuplicateStatus.CERTAIN);
        assertThat(check.check(demo, candidate("Beat", "Frei", null, "+41 44 668 18 01", null)).status())
                .as("the person's own country").isEqualTo(DuplicateStatus.CERTAIN);
        assertThat(check.check(demo, candidate("Gerda", "Janssen", null, "+49 4466 81802", null)).status())
                .as("no country: the default region").isEqualTo(DuplicateStatus.CERTAIN);
        // the checked contact's country too
        assertThat(check.check(demo, new ContactCandidate("", "Ursula", "Keller", List.of(), List.of("044 668 18 00"),
                List.of(), "", "CH")).status()).isEqualTo(DuplicateStatus.CERTAIN);
        assertThat(check.check(demo, candidate("Ursula", "Keller", null, "044 668 18 00", null)).status())
                .as("read in Germany it is another number").isEqualTo(DuplicateStatus.POSSIBLE);
        DuplicateResult unknown = check.check(demo, new ContactCandidate("", "Ursula", "Keller", List.of(),
                List.of("044 668 18 00"), List.of(), "", "Schweiz"));
        assertThat(unknown.notes()).containsExactly("country 'Schweiz' is no ISO 3166 code: numbers read in DE");
    }
}
