package io.liaison.contactreplication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.item.ContactData;
import io.liaison.api.domain.BusinessPartner;
import io.liaison.api.domain.CommunicationType;
import io.liaison.api.domain.ConflictPolicy;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.ContactPersonData;
import io.liaison.api.runtime.Link;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crashes a replication run at every write it makes (CRM and groupware updates, deletes, the CRM id taken off a
 * kept contact, the keep-both copy, link saves and deletes, token saves), one scenario per write, then runs cleanly
 * twice: every contact has exactly one linked groupware copy, no edit made before the crash is lost, and a further
 * run writes nothing.
 */
abstract class FaultInjectionCases {

    /** The groupware of the flows. */
    abstract ContactFlow.Backend backend();

    @TempDir
    Path dir;

    /** The contacts of the scenario, by first name. */
    private record Fixture(Map<String, ContactPerson> people) {
        ContactPerson get(String name) {
            return people.get(name);
        }
    }

    @Test
    void aRunCrashedAtAnyWriteIsRepairedByTheNextRuns() {
        int scenarios = 0;
        for (int k = 1; k < 200; k++) {
            ContactFlow flow = new ContactFlow(dir.resolve("k" + k), ConflictPolicy.KEEP_BOTH, backend());
            Fixture f = setUp(flow);
            flow.writes.reset();
            flow.writes.crashAt = k;
            boolean crashed = !flow.runMayCrash();
            flow.writes.crashAt = -1;
            flow.run();
            flow.run();

            assertRepaired(flow, f, "after a crash at write " + k);
            flow.writes.reset();
            flow.run();
            assertThat(flow.writes.written()).as("writes of a run after the repair (crash at " + k + ")").isZero();
            scenarios++;
            if (!crashed) {
                break; // k is past the last write of the run
            }
        }
        System.out.println("Contact fault injection (" + backend() + "): " + scenarios + " crash scenarios (one per write of the run)");
        assertThat(scenarios).isGreaterThan(12);
    }

    /**
     * Eight exported contacts, replicated once; then: Anna edited in the CRM, Bert in the groupware, Carl deleted in
     * the CRM, Dora deleted in the groupware, Emil edited on both sides (KEEP_BOTH), Frida's notes edited in the
     * groupware, Gustav exported by a run that died before its link, Hanna deleted in the CRM but edited in the
     * groupware.
     */
    private static Fixture setUp(ContactFlow flow) {
        BusinessPartner firma = flow.partner("Firma GmbH", "firma.de");
        Map<String, ContactPerson> people = new java.util.LinkedHashMap<>();
        for (String name : List.of("Anna", "Bert", "Carl", "Dora", "Emil", "Frida", "Hanna")) {
            people.put(name, flow.person(firma, name, "Test", name.toLowerCase() + "@firma.de", null));
        }
        flow.replication.export(flow.account.id(), people.values().stream().map(ContactPerson::id).toList(), true);
        flow.run();
        ContactPerson gustav = flow.person(firma, "Gustav", "Test", "gustav@firma.de", null);
        flow.failingLinkSaves.set(1);
        flow.replication.export(flow.account.id(), List.of(gustav.id()), true);
        people.put("Gustav", gustav);

        position(flow, people.get("Anna"), "Anna edited in the CRM");
        groupwareEdit(flow, people.get("Bert"), d -> withMobile(d, "0171 Bert"));
        deleteInCrm(flow, people.get("Carl"));
        flow.groupware(store -> {
            GroupwareItem<ContactData> g = store.findByCrmId(people.get("Dora").id().value()).orElseThrow();
            store.delete(g.id(), g.version());
            return null;
        });
        position(flow, people.get("Emil"), "Emil edited in the CRM");
        groupwareEdit(flow, people.get("Emil"), d -> withMobile(d, "0171 Emil"));
        groupwareEdit(flow, people.get("Frida"), d -> new ContactData(d.title(), d.givenName(), d.surname(),
                d.displayName(), d.company(), d.department(), d.jobTitle(), d.emails(), d.businessPhones(),
                d.mobilePhone(), d.homePhones(), "met Frida at the fair", d.photo()));
        groupwareEdit(flow, people.get("Hanna"), d -> withMobile(d, "0171 Hanna"));
        deleteInCrm(flow, people.get("Hanna"));
        return new Fixture(people);
    }

    private static void assertRepaired(ContactFlow flow, Fixture f, String when) {
        List<GroupwareItem<ContactData>> contacts = flow.groupwareContacts();
        Map<String, Long> copiesByCrmId = contacts.stream().flatMap(g -> g.crmId().stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        List<String> linked = flow.links.list(flow.account.id(), ReplicationKeys.SCOPE).stream().map(Link::crmId).toList();
        List<String> expected = List.of("Anna", "Bert", "Emil", "Frida", "Gustav").stream()
                .map(n -> f.get(n).id().value()).toList();

        assertThat(linked).as("linked contacts " + when).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(copiesByCrmId).as("groupware contacts per CRM id " + when)
                .containsOnlyKeys(expected).allSatisfy((id, n) -> assertThat(n).isEqualTo(1L));
        for (Link link : flow.links.list(flow.account.id(), ReplicationKeys.SCOPE)) {
            assertThat(contacts).as("groupware side of " + link + " " + when)
                    .anySatisfy(g -> {
                        assertThat(g.id()).isEqualTo(link.groupwareId());
                        assertThat(g.crmId()).contains(link.crmId());
                    });
        }
        // no edit lost
        assertThat(gw(contacts, f.get("Anna")).jobTitle()).as("Anna " + when).isEqualTo("Anna edited in the CRM");
        assertThat(crm(flow, f.get("Bert")).orElseThrow().valuesOf(CommunicationType.MOBILE)).as("Bert " + when)
                .containsExactly("0171 Bert");
        assertThat(crm(flow, f.get("Carl"))).as("Carl " + when).isEmpty();
        assertThat(crm(flow, f.get("Dora"))).as("Dora stays in the CRM " + when).isPresent();
        assertThat(gw(contacts, f.get("Emil")).jobTitle()).as("Emil " + when).isEqualTo("Emil edited in the CRM");
        assertThat(gw(contacts, f.get("Emil")).mobilePhone()).as("Emil " + when).isEmpty();
        assertThat(gw(contacts, f.get("Frida")).notes()).as("Frida " + when).isEqualTo("met Frida at the fair");
        assertThat(crm(flow, f.get("Hanna"))).as("Hanna " + when).isEmpty();
        List<GroupwareItem<ContactData>> unlinked = contacts.stream().filter(g -> g.crmId().isEmpty()).toList();
        assertThat(unlinked).as("contacts without CRM id (Emil's groupware edit, Hanna kept) " + when)
                .extracting(g -> g.data().givenName() + " " + g.data().mobilePhone())
                .containsExactlyInAnyOrder("Emil 0171 Emil", "Hanna 0171 Hanna");
        assertThat(flow.contactCount()).as("contact files " + when).isEqualTo(7);
    }

    private static ContactData gw(List<GroupwareItem<ContactData>> contacts, ContactPerson p) {
        return contacts.stream().filter(g -> g.crmId().equals(Optional.of(p.id().value()))).findFirst()
                .orElseThrow().data();
    }

    private static Optional<ContactPersonData> crm(ContactFlow flow, ContactPerson p) {
        return flow.crm.contactPersons().get(ContactFlow.DEMO, p.id()).map(ContactPerson::data);
    }

    private static void position(ContactFlow flow, ContactPerson p, String position) {
        ContactPerson now = flow.crm.contactPersons().get(ContactFlow.DEMO, p.id()).orElseThrow();
        ContactPersonData d = now.data();
        flow.crm.contactPersons().update(ContactFlow.DEMO, p.id(), now.version(), new ContactPersonData(
                d.businessPartner(), d.salutation(), d.title(), d.firstName(), d.lastName(), position, d.department(),
                d.communications()));
    }

    private static void deleteInCrm(ContactFlow flow, ContactPerson p) {
        ContactPerson now = flow.crm.contactPersons().get(ContactFlow.DEMO, p.id()).orElseThrow();
        flow.crm.contactPersons().delete(ContactFlow.DEMO, p.id(), now.version());
    }

    private static void groupwareEdit(ContactFlow flow, ContactPerson p, Function<ContactData, ContactData> edit) {
        flow.groupware(store -> {
            GroupwareItem<ContactData> g = store.findByCrmId(p.id().value()).orElseThrow();
            return store.update(g.id(), g.version(), edit.apply(g.data()), g.crmId());
        });
    }

    private static ContactData withMobile(ContactData d, String mobile) {
        return new ContactData(d.title(), d.givenName(), d.surname(), d.displayName(), d.company(), d.department(),
                d.jobTitle(), d.emails(), d.businessPhones(), mobile, d.homePhones(), d.notes(), d.photo());
    }
}
