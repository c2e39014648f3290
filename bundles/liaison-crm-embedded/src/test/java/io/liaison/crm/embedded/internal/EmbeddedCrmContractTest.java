package io.liaison.crm.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.crm.ActivityCreation;
import io.liaison.api.crm.ActivityQuery;
import io.liaison.api.crm.ContactPersonAbsence;
import io.liaison.api.crm.CrmCatalog;
import io.liaison.api.crm.CrmEvents;
import io.liaison.api.crm.CrmException;
import io.liaison.api.crm.CrmStaleVersionException;
import io.liaison.api.crm.DocumentUpload;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityData;
import io.liaison.api.domain.ActivityId;
import io.liaison.api.domain.BusinessPartner;
import io.liaison.api.domain.BusinessPartnerId;
import io.liaison.api.domain.Classification;
import io.liaison.api.domain.Communication;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.ContactPersonData;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.domain.Employee;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.NewDocument;
import io.liaison.api.domain.StatusKey;
import io.liaison.crm.tck.CrmTestData;
import io.liaison.crm.tck.HostCrmContractTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The contract suite on the embedded CRM, plus what only the embedded CRM promises: creates that race on one key
 * still make one item, and changes are announced after they commit. Subclasses supply the database.
 */
abstract class EmbeddedCrmContractTest extends HostCrmContractTest {
    static final EmployeeId DEMO = EmployeeId.of("demo");
    static final EmployeeId OTHER = EmployeeId.of("other");

    /** The CRM on a fresh database, with a second employee, announcing to {@code listener}. */
    static JdbcHostCrm open(javax.sql.DataSource dataSource, RecordingListener listener) {
        JdbcHostCrm crm = new JdbcHostCrm(dataSource, listener);
        crm.saveEmployee(new Employee(OTHER, "other", "Other User", "other@example.com"));
        listener.checkVisibilityWith(change -> {
            boolean exists = change.topic().equals(CrmEvents.TOPIC_ACTIVITY_CHANGED)
                    ? crm.activities().get(DEMO, ActivityId.of(change.id())).isPresent()
                    : crm.contactPersons().get(DEMO, ContactPersonId.of(change.id())).isPresent();
            return exists == (change.change() != ChangeKind.DELETED);
        });
        return crm;
    }

    abstract RecordingListener listener();

    @Override
    public boolean renameBusinessPartner(BusinessPartnerId id, String newName) {
        ((JdbcHostCrm) crm()).renameBusinessPartner(DEMO, id, newName);
        return true;
    }

    @Override
    public boolean mergeContactPerson(ContactPersonId merged, ContactPersonId survivor) {
        ((JdbcHostCrm) crm()).mergeContactPerson(DEMO, merged, survivor);
        return true;
    }

    /** The database under the CRM, for checks past the SPI. */
    abstract javax.sql.DataSource dataSource();

    @Override
    public EmployeeId employee() {
        return DEMO;
    }

    @Override
    public Optional<EmployeeId> otherEmployee() {
        return Optional.of(OTHER);
    }

    @Override
    public long largeDocumentBytes() {
        return 50L * 1024 * 1024;
    }

    /** The embedded CRM records why a contact person is gone: deleted, not "unknown". */
    @Test
    void aDeletedContactPersonIsAbsentAsDeleted() {
        ContactPerson p = crm().contactPersons().create(DEMO, new ContactPersonData(Optional.empty(), "", "", "Del",
                CrmTestData.unique("Eted"), "", "", List.of()), Optional.empty());
        crm().contactPersons().delete(DEMO, p.id(), p.version());
        assertThat(crm().contactPersons().absence(DEMO, p.id())).contains(ContactPersonAbsence.deleted());
    }

    /**
     * A merge loses nothing the merged person held: the survivor gains the communications it lacked (one it has
     * already is not doubled), and the merged person's activities name the survivor, each a change in its feed.
     */
    @Test
    void aMergeMovesCommunicationsAndActivitiesToTheSurvivor() {
        String shared = CrmTestData.unique("both") + "@customer.example";
        String own = CrmTestData.unique("own") + "@customer.example";
        ContactPerson merged = crm().contactPersons().create(DEMO, new ContactPersonData(Optional.empty(), "", "",
                "Max", CrmTestData.unique("Doppelt"), "", "", List.of(Communication.email(shared.toUpperCase(), true),
                Communication.email(own, false))), Optional.empty());
        ContactPerson survivor = crm().contactPersons().create(DEMO, new ContactPersonData(Optional.empty(), "", "",
                "Max", CrmTestData.unique("Doppelt"), "", "", List.of(Communication.email(shared, true))),
                Optional.empty());
        Activity call = crm().activities().create(DEMO, CrmTestData.task(DEMO, "about Max")
                .contactPerson(merged.id()).build(), Optional.empty());
        var token = CrmTestData.drain(t -> crm().activities().changesSince(DEMO, t, 500), Activity::id,
                Optional.empty()).next();

        ContactPerson after = ((JdbcHostCrm) crm()).mergeContactPerson(DEMO, merged.id(), survivor.id());

        assertThat(after.data().communications()).extracting(c -> c.value()).containsExactly(shared, own);
        assertThat(after.version()).isGreaterThan(survivor.version());
        Activity moved = crm().activities().get(DEMO, call.id()).orElseThrow();
        assertThat(moved.data().contactPerson()).contains(survivor.id());
        assertThat(CrmTestData.drain(t -> crm().activities().changesSince(DEMO, t, 500), Activity::id,
                Optional.of(token)).changed(call.id())).contains(moved);
        assertThat(crm().contactPersons().absence(DEMO, merged.id()))
                .contains(ContactPersonAbsence.mergedInto(survivor.id()));
    }

    @Test
    void concurrentCreatesWithOneKeyMakeOneActivity() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 5; round++) {
                String key = CrmTestData.unique("race") + "@mail.example";
                Instant t = CrmTestData.uniqueWindow();
                List<Activity> results = race(pool, 8, () -> crm().activities().create(DEMO,
                        CrmTestData.mail(DEMO, "raced", t).build(), Optional.of(key)));
                assertThat(results.stream().map(Activity::id).collect(Collectors.toSet())).hasSize(1);
                assertThat(crm().activities().search(DEMO, new ActivityQuery(Optional.empty(), Optional.empty(),
                        Optional.of(t), Optional.of(t.plus(Duration.ofHours(1))), List.of(), 100))).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentCreatesWithOneExternalKeyMakeOneContact() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 5; round++) {
                String key = CrmTestData.unique("csv");
                List<ContactPerson> results = race(pool, 8, () -> crm().contactPersons().create(DEMO,
                        new ContactPersonData(Optional.empty(), "", "", "Race", "Condition", "", "", List.of()), Optional.of(key)));
                assertThat(results.stream().map(ContactPerson::id).collect(Collectors.toSet())).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentWritesNumberTheChangeFeedWithoutGaps() throws Exception {
        var token = CrmTestData.drain(t -> crm().activities().changesSince(DEMO, t, 500), Activity::id, Optional.empty()).next();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Activity> created = race(pool, 40, () -> crm().activities().create(DEMO,
                    CrmTestData.task(DEMO, "parallel").build(), Optional.empty()));
            var feed = CrmTestData.drain(t -> crm().activities().changesSince(DEMO, t, 7), Activity::id, Optional.of(token));
            assertThat(feed.last().keySet()).containsAll(created.stream().map(Activity::id).toList());
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> List<T> race(ExecutorService pool, int n, Callable<T> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get(60, TimeUnit.SECONDS));
        }
        return results;
    }

    @Test
    void changesAreAnnouncedOnceCommittedAndFailedWritesAreNot() {
        Activity a = crm().activities().create(DEMO, CrmTestData.task(DEMO, "announced").build(), Optional.empty());
        Activity b = crm().activities().update(DEMO, a.id(), a.version(), a.data().toBuilder().subject("again").build());
        assertThatThrownBy(() -> crm().activities().update(DEMO, a.id(), a.version(), a.data()))
                .isInstanceOf(CrmStaleVersionException.class);
        crm().activities().delete(DEMO, b.id(), b.version());

        var seen = listener().about(CrmEvents.TOPIC_ACTIVITY_CHANGED, a.id().value());
        assertThat(seen).extracting(s -> s.change().change())
                .containsExactly(ChangeKind.CREATED, ChangeKind.UPDATED, ChangeKind.DELETED);
        assertThat(seen).allSatisfy(s -> {
            assertThat(s.committed()).as("visible to others when announced").isTrue();
            assertThat(s.change().topic()).isEqualTo(CrmEvents.TOPIC_ACTIVITY_CHANGED);
            assertThat(s.change().employee()).isEqualTo(DEMO.value());
        });

        ContactPerson c = crm().contactPersons().create(DEMO,
                new ContactPersonData(Optional.empty(), "", "", "Ann", "Ounced", "", "", List.of()), Optional.empty());
        assertThat(listener().about(CrmEvents.TOPIC_CONTACT_CHANGED, c.id().value())).singleElement().satisfies(s -> {
            assertThat(s.change().topic()).isEqualTo(CrmEvents.TOPIC_CONTACT_CHANGED);
            assertThat(s.change().change()).isEqualTo(ChangeKind.CREATED);
            assertThat(s.committed()).isTrue();
        });
    }

    @Test
    void anIdempotentRepeatAnnouncesNothing() {
        String key = CrmTestData.unique("once");
        Activity a = crm().activities().create(DEMO, CrmTestData.task(DEMO, "once").build(), Optional.of(key));
        crm().activities().create(DEMO, CrmTestData.task(DEMO, "once").build(), Optional.of(key));
        assertThat(listener().about(CrmEvents.TOPIC_ACTIVITY_CHANGED, a.id().value())).hasSize(1);
    }

    @Test
    void aContentThatCannotBeOpenedLeavesNeitherTheActivityNorAnyDocument() {
        String key = CrmTestData.unique("atomic") + "@mail.example";
        Instant t = CrmTestData.uniqueWindow();
        ActivityData data = CrmTestData.mail(DEMO, "atomic", t).build();
        List<DocumentUpload> uploads = List.of(
                new DocumentUpload(new NewDocument("message.eml", "message/rfc822", Classification.NONE),
                        () -> new ByteArrayInputStream(new byte[] {1, 2, 3})),
                new DocumentUpload(new NewDocument("gone.pdf", "application/pdf", Classification.NONE), () -> {
                    throw new IOException("the spool file is gone");
                }));

        assertThatThrownBy(() -> crm().createWithDocuments(DEMO, data, Optional.of(key), uploads))
                .isInstanceOf(CrmException.class)
                .hasMessageContaining("gone.pdf")
                .hasMessageContaining("the spool file is gone");

        assertNothingStored(key, t);
    }

    @Test
    void aContentThatFailsWhileBeingReadLeavesNeitherTheActivityNorAnyDocument() {
        String key = CrmTestData.unique("atomic") + "@mail.example";
        Instant t = CrmTestData.uniqueWindow();
        ActivityData data = CrmTestData.mail(DEMO, "atomic", t).build();
        // more than one chunk, then a read error: chunks are already written when it fails
        InputStream broken = new SequenceInputStream(new ByteArrayInputStream(new byte[JdbcDocumentStore.CHUNK_SIZE + 10]),
                new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("connection reset");
                    }
                });
        List<DocumentUpload> uploads = List.of(
                new DocumentUpload(new NewDocument("message.eml", "message/rfc822", Classification.NONE),
                        () -> new ByteArrayInputStream(new byte[] {1, 2, 3})),
                new DocumentUpload(new NewDocument("big.bin", "application/octet-stream", Classification.NONE),
                        () -> broken));

        assertThatThrownBy(() -> crm().createWithDocuments(DEMO, data, Optional.of(key), uploads))
                .isInstanceOf(CrmException.class)
                .hasMessageContaining("big.bin")
                .hasMessageContaining("connection reset");

        assertNothingStored(key, t);
        // the key is still free: the import that failed can be repeated
        ActivityCreation again = crm().createWithDocuments(DEMO, data, Optional.of(key), List.of(uploads.get(0)));
        assertThat(again.created()).isTrue();
        assertThat(crm().documents().list(DEMO, again.activity().id())).isEqualTo(again.documents());
    }

    private void assertNothingStored(String key, Instant t) {
        assertThat(crm().activities().findBySourceKey(DEMO, key)).isEmpty();
        assertThat(crm().activities().search(DEMO, new ActivityQuery(Optional.empty(), Optional.empty(),
                Optional.of(t), Optional.of(t.plus(Duration.ofHours(1))), List.of(), 100))).isEmpty();
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM crm_document d WHERE NOT EXISTS "
                     + "(SELECT 1 FROM crm_activity a WHERE a.id = d.activity_id)")) {
            rs.next();
            assertThat(rs.getLong(1)).as("documents without activity").isZero();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void whatACreateReturnsEqualsWhatALaterReadReturnsAlsoBeyondTheColumnsPrecision() {
        BusinessPartner partner = crm().businessPartners().create(DEMO, CrmTestData.unique("Precise"), List.of());
        ContactPerson contact = crm().contactPersons().create(DEMO,
                new ContactPersonData(Optional.empty(), "", "", "Nano", "Second", "", "", List.of()), Optional.empty());
        Instant t = CrmTestData.uniqueWindow().plusNanos(123_456_789);
        ActivityData data = CrmTestData.mail(DEMO, "precise", t)
                .end(t.plusNanos(1))
                .due(t.plusNanos(999))
                .completedAt(t.plusNanos(1_001))
                .reminder(Duration.ofMillis(1_500))
                .businessPartner(new BusinessPartnerId("000" + partner.id().value()))
                .contactPerson(new ContactPersonId("0" + contact.id().value()))
                .build();

        Activity created = crm().activities().create(DEMO, data, Optional.of(CrmTestData.unique("precise")));
        ActivityCreation withDocuments = crm().createWithDocuments(DEMO, data, Optional.of(CrmTestData.unique("precise")),
                List.of());

        for (Activity a : List.of(created, withDocuments.activity())) {
            assertThat(crm().activities().get(DEMO, a.id())).contains(a);
            assertThat(a.data().start()).contains(t.truncatedTo(ChronoUnit.MICROS));
            assertThat(a.data().reminder()).contains(Duration.ofSeconds(1));
            assertThat(a.data().businessPartner()).contains(partner.id());
            assertThat(a.data().contactPerson()).contains(contact.id());
            assertThat(a.data().mail().orElseThrow().receivedAt()).contains(t.truncatedTo(ChronoUnit.MICROS));
        }
    }

    /** The contract lets a CRM without the UID column find nothing; this one keeps the UID (V9) and finds by it. */
    @Test
    void anAppointmentKeepsTheCalendarUidOfItsEventAndIsFoundByIt() {
        String uid = "040000008200E00074C5B7101A82E008" + CrmTestData.unique("").replaceAll("[^0-9A-Za-z]", "");
        Instant start = CrmTestData.uniqueWindow();
        Activity created = crm().activities().create(DEMO, ActivityData.builder(io.liaison.api.domain.ActivityType.APPOINTMENT,
                DEMO).subject("Review").start(start).end(start.plusSeconds(3600)).calendarUid(uid).build(), Optional.empty());

        assertThat(crm().activities().get(DEMO, created.id()).orElseThrow().data().calendarUid()).contains(uid);
        assertThat(crm().activities().findAppointment(DEMO, uid)).map(Activity::id).contains(created.id());
    }

    /** The contract lets a CRM drop a mail's fingerprint; this one keeps it (V10). */
    @Test
    void anImportedMailKeepsItsFingerprint() {
        ActivityData.Builder builder = CrmTestData.mail(DEMO, "fingerprinted", CrmTestData.uniqueWindow());
        String fingerprint = "content-sha256:" + "fedcba9876543210".repeat(4);
        Activity created = crm().activities().create(DEMO, builder.mail(builder.build().mail().orElseThrow()
                .withFingerprint(fingerprint)).build(), Optional.empty());

        assertThat(crm().activities().get(DEMO, created.id()).orElseThrow().data().mail().orElseThrow().fingerprint())
                .contains(fingerprint);
    }

    @Test
    void aStatusKeyUnknownAtFirstIsAcceptedOnceTheCatalogHasIt() {
        // the CRM remembers the catalog entries it has seen, never the ones it has not
        StatusKey key = new StatusKey("K" + Long.toString(System.nanoTime(), 36).toUpperCase(java.util.Locale.ROOT));
        ActivityData data = CrmTestData.task(DEMO, "late status").status(key).build();
        assertThatThrownBy(() -> crm().activities().create(DEMO, data, Optional.empty()))
                .isInstanceOf(CrmException.class)
                .hasMessageContaining("'" + key.key() + "' is not known");

        ((JdbcHostCrm) crm()).defineStatusKeys(List.of(new CrmCatalog.StatusDefinition(key, "Late")));

        Activity created = crm().activities().create(DEMO, data, Optional.empty());
        assertThat(crm().activities().get(DEMO, created.id())).contains(created);
        assertThat(crm().activities().create(DEMO, data, Optional.empty()).data().status()).isEqualTo(key);
    }

    @Test
    void theSeededEmployeeAndCatalogAreThere() {
        assertThat(crm().employees().findByLogin("DEMO")).map(Employee::displayName).contains("Demo User");
        assertThat(crm().catalog().activityTypes()).extracting(d -> d.type().key())
                .containsAll(Set.of("APPOINTMENT", "MEETING", "FOLLOW_UP", "TASK", "MAILIN", "CALL", "VISIT"));
        assertThat(crm().catalog().statusKeys()).extracting(d -> d.key().key()).containsAll(Set.of("I", "E", "O"));
    }
}
