package io.liaison.mailimport.internal;

import static io.liaison.mailimport.internal.Mails.mail;
import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityData;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.MailDetails;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.SyncRun;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the import asks the CRM about a mail's keys before it creates the mail's activity: the key and the keys
 * earlier versions gave the mail, in one call ({@code ActivityStore.findByKeys}) instead of one look-up per key and
 * kind (the benchmark's profile: two shared-mail look-ups and one by key for most mails), with the same answers,
 * also from a CRM that relies on the SPI's default.
 */
class KeyLookupsTest {
    private static final EmployeeId COLLEAGUE = EmployeeId.of("colleague");

    @TempDir
    Path dir;
    private MailFlow flow;

    @BeforeEach
    void setUp() {
        flow = new MailFlow(dir, 1);
    }

    /** A Message-ID whose domain is written in upper case has an earlier key: the ID as written. */
    @Test
    void aNewMailsKeysAreLookedUpInOneCall() throws IOException {
        mail().id("Angebot-60@Liaison.Example").subject("Angebot 60").writeTo(flow.importFolder(), "angebot.eml");

        SyncRun run = flow.run();

        assertThat(run.count(Outcome.CREATED)).isEqualTo(1);
        assertThat(flow.activityCalls("findByKeys")).isEqualTo(1);
        assertThat(flow.activityCalls("findSharedMail")).isZero();
        assertThat(flow.activityCalls("findBySourceKey")).isZero();
    }

    @Test
    void aMailImportedUnderItsMessageIdAsWrittenBeforeIsFoundByTheOneCall() throws IOException {
        Activity before = importedBefore(MailFlow.DEMO, "Angebot-61@Liaison.Example", "Angebot 61");
        mail().id("Angebot-61@Liaison.Example").subject("Angebot 61").writeTo(flow.importFolder(), "angebot.eml");

        SyncRun run = flow.run();

        assertUnchanged(run, before);
        assertThat(flow.activityCalls("findBySourceKey")).isZero();
    }

    @Test
    void withTheSpisDefaultAMailImportedUnderItsMessageIdAsWrittenBeforeIsFound() throws IOException {
        flow.defaultKeyLookups = true;
        Activity before = importedBefore(MailFlow.DEMO, "Angebot-62@Liaison.Example", "Angebot 62");
        mail().id("Angebot-62@Liaison.Example").subject("Angebot 62").writeTo(flow.importFolder(), "angebot.eml");

        SyncRun run = flow.run();

        assertUnchanged(run, before);
        assertThat(flow.activityCalls("findBySourceKey")).as("the default's single look-ups").isPositive();
    }

    /** A colleague imported the mail under the ID as written (before IDs were normalised): one activity for both. */
    @Test
    void withTheSpisDefaultAColleaguesMailUnderItsEarlierKeyIsShared() throws IOException {
        flow.defaultKeyLookups = true;
        flow.colleague(COLLEAGUE, dir.resolve("colleague"));
        Activity theirs = importedBefore(COLLEAGUE, "Angebot-63@Liaison.Example", "Angebot 63");
        mail().id("Angebot-63@Liaison.Example").subject("Angebot 63").writeTo(flow.importFolder(), "angebot.eml");

        SyncRun run = flow.run();

        assertThat(run.count(Outcome.LINKED)).isEqualTo(1);
        assertThat(flow.entries(run)).filteredOn(e -> e.outcome() == Outcome.LINKED).singleElement()
                .satisfies(e -> assertThat(e.crmId()).contains(theirs.id().value()));
        assertThat(flow.activityCalls("findSharedMail")).as("the default's single look-ups").isPositive();
    }

    @Test
    void aColleaguesMailUnderItsEarlierKeyIsSharedThroughTheOneCall() throws IOException {
        flow.colleague(COLLEAGUE, dir.resolve("colleague"));
        Activity theirs = importedBefore(COLLEAGUE, "Angebot-64@Liaison.Example", "Angebot 64");
        mail().id("Angebot-64@Liaison.Example").subject("Angebot 64").writeTo(flow.importFolder(), "angebot.eml");

        SyncRun run = flow.run();

        assertThat(run.count(Outcome.LINKED)).isEqualTo(1);
        assertThat(flow.entries(run)).filteredOn(e -> e.outcome() == Outcome.LINKED).singleElement()
                .satisfies(e -> assertThat(e.crmId()).contains(theirs.id().value()));
        assertThat(flow.activityCalls("findSharedMail")).isZero();
    }

    /** The mail as a version before the normalised keys imported it: under the Message-ID as written. */
    private Activity importedBefore(EmployeeId owner, String asWritten, String subject) {
        return flow.crm.activities().create(owner, ActivityData.builder(ActivityType.MAIL_IN, owner)
                .subject(subject).mail(new MailDetails(asWritten, Optional.empty(), List.of(), "anna.berger@kunde.de",
                        "Anna Berger", List.of(), List.of(), Optional.of(Instant.parse("2026-11-24T08:15:00Z")),
                        Optional.empty())).build(), Optional.of(asWritten));
    }

    private void assertUnchanged(SyncRun run, Activity before) {
        assertThat(run.count(Outcome.CREATED)).isZero();
        assertThat(flow.entries(run)).filteredOn(e -> e.outcome() == Outcome.UNCHANGED).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("already imported as activity " + before.id().value()));
    }
}
