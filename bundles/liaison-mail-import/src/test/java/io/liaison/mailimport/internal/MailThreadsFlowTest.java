package io.liaison.mailimport.internal;

import static io.liaison.mailimport.internal.Mails.mail;
import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.address.internal.AddressResolverComponent;
import io.liaison.address.internal.AddressResolverConfig;
import io.liaison.api.crm.ActivityRelation;
import io.liaison.api.crm.Quicksearch;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.BusinessPartner;
import io.liaison.api.domain.Communication;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.ContactPersonData;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.SyncRun;
import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mail threads through the whole import: a reply is related to the mail it answers (its {@code In-Reply-To}, RFC 5322
 * 3.6.4) and, when its sender resolves to no one, takes that mail's business partner and contact person, whatever
 * order the mails of the thread are imported in.
 */
class MailThreadsFlowTest {
    @TempDir
    Path dir;
    private MailFlow flow;
    private BusinessPartner kunde;
    private ContactPerson max;

    @BeforeEach
    void setUp() {
        flow = new MailFlow(dir);
        kunde = flow.crm.businessPartners().create(MailFlow.DEMO, "Kunde GmbH", List.of("kunde.example"));
        max = flow.crm.contactPersons().create(MailFlow.DEMO, new ContactPersonData(Optional.of(kunde.id()), "", "",
                "Max", "Kunde", "", "", List.of(Communication.email("max@kunde.example", true))), Optional.empty());
        flow.mailImport.setAddressResolver(new AddressResolverComponent(flow.crm, new AddressResolverConfig() {
            @Override public Class<? extends Annotation> annotationType() { return AddressResolverConfig.class; }
            @Override public String[] additionalFreeMailDomains() { return new String[0]; }
            @Override public boolean fullDomainFirst() { return true; }
        }));
    }

    private static Mails message(int n) {
        // the first mail is the customer's; every reply comes from an address that resolves to no one
        Mails m = mail().id("thread-" + n + "@kunde.example").subject(n == 0 ? "Anfrage" : "Re: Anfrage (" + n + ")")
                .date("Tue, 3 Mar 2026 " + (10 + n / 6) + ":" + String.format("%02d", n % 6 * 10) + ":00 +0100")
                .from(n == 0 ? "Max Kunde <max@kunde.example>" : "Sam <sam" + n + "@unknown-provider.example>");
        return n == 0 ? m : m.inReplyTo("thread-" + (n - 1) + "@kunde.example");
    }

    @Test
    void twentyRepliesInMixedOrderEndRelatedAndAssignedAndARepeatChangesNothing() {
        List<Integer> order = new ArrayList<>(IntStream.rangeClosed(0, 20).boxed().toList());
        Collections.shuffle(order, new Random(7)); // replies before their parents, the first mail somewhere between
        assertThat(order.indexOf(0)).as("the first mail is not imported first").isGreaterThan(0);
        for (int n : order) {
            message(n).writeTo(flow.importFolder(), "m" + n + ".eml");
            assertThat(flow.run().count(Outcome.CREATED)).isEqualTo(1);
        }

        Map<String, Activity> bySubject = imported();
        assertThat(bySubject).hasSize(21);
        for (int n = 1; n <= 20; n++) {
            Activity reply = bySubject.get("Re: Anfrage (" + n + ")");
            Activity answered = bySubject.get(n == 1 ? "Anfrage" : "Re: Anfrage (" + (n - 1) + ")");
            assertThat(flow.crm.activities().relations(MailFlow.DEMO, reply.id())).as("reply %d", n)
                    .contains(new ActivityRelation(reply.id(), answered.id(), ActivityRelation.Kind.REPLY_TO));
            assertThat(reply.data().businessPartner()).as("partner of reply %d", n).contains(kunde.id());
            assertThat(reply.data().contactPerson()).as("contact of reply %d", n).contains(max.id());
        }

        Map<String, Long> versions = imported().values().stream()
                .collect(Collectors.toMap(a -> a.data().subject(), Activity::version));
        for (int n = 0; n <= 20; n++) {
            message(n).writeTo(flow.importFolder(), "again-m" + n + ".eml");
        }
        SyncRun again = flow.run();
        assertThat(again.count(Outcome.CREATED)).isZero();
        assertThat(again.count(Outcome.UNCHANGED)).isEqualTo(21);
        assertThat(imported().values().stream().collect(Collectors.toMap(a -> a.data().subject(), Activity::version)))
                .isEqualTo(versions);
        assertThat(flow.crm.activities().relations(MailFlow.DEMO, bySubject.get("Re: Anfrage (10)").id())).hasSize(2);
    }

    @Test
    void aReplyWhoseSenderResolvesKeepsItsOwnAssignment() {
        BusinessPartner other = flow.crm.businessPartners().create(MailFlow.DEMO, "Andere AG", List.of("andere.example"));
        message(0).writeTo(flow.importFolder(), "m0.eml");
        flow.run();
        mail().id("thread-x@andere.example").inReplyTo("thread-0@kunde.example").subject("Re: Anfrage von Andere")
                .from("Eva <eva@andere.example>").writeTo(flow.importFolder(), "x.eml");
        SyncRun run = flow.run();

        Activity reply = imported().get("Re: Anfrage von Andere");
        assertThat(reply.data().businessPartner()).contains(other.id());
        assertThat(flow.crm.activities().relations(MailFlow.DEMO, reply.id())).hasSize(1);
        assertThat(flow.entries(run)).filteredOn(e -> e.outcome() == Outcome.CREATED).singleElement()
                .satisfies(e -> assertThat(e.message()).doesNotContain("from its thread"));
    }

    private Map<String, Activity> imported() {
        return flow.crm.activities().quicksearch(MailFlow.DEMO, Quicksearch.ALL_IMPORTED_MAILS, 100).stream()
                .collect(Collectors.toMap(a -> a.data().subject(), Function.identity()));
    }
}
