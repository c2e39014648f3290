package io.liaison.mailimport.internal;

import static io.liaison.mailimport.internal.Mails.mail;
import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.crm.ActivityRelation;
import io.liaison.api.crm.Quicksearch;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityData;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.Classification;
import io.liaison.api.domain.Document;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.MailDetails;
import io.liaison.api.domain.StatusKey;
import io.liaison.api.mailimport.ImportCandidate;
import io.liaison.api.mailimport.ImportSelection;
import io.liaison.api.runtime.JournalEntry;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.RunStatus;
import io.liaison.api.runtime.SyncRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class MailImportFlowTest {
    @TempDir
    Path dir;
    private MailFlow flow;

    /** The import's parsing threads in these tests; {@link MailImportFlowWithoutParsingThreadsTest} uses none. */
    int parsingThreads() {
        return 1;
    }

    @BeforeEach
    void setUp() {
        flow = new MailFlow(dir, parsingThreads());
    }

    @Test
    void importsEveryImportFolderWithItsStatusAndArchivesTheMails() throws IOException {
        mail().id("offer-1@kunde.de").subject("Angebot 4711")
                .attach("Angebot_4711.txt", "Unser Angebot für Sie: Angebotsnummer 4711")
                .writeTo(flow.importFolder(), "offer.eml");
        mail().id("done-1@kunde.de").subject("Erledigt")
                .writeTo(flow.importFolder().resolve("CRM Erledigt [E]"), "done.eml");
        mail().id("deep-1@kunde.de").subject("Tief")
                .writeTo(flow.importFolder().resolve("Kunden").resolve("CRM Offen [O]"), "deep.eml");
        mail().id("bad-status@kunde.de").subject("Unbekannt")
                .writeTo(flow.importFolder().resolve("CRM Mist [X]"), "unknown.eml");

        SyncRun run = flow.run();

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED_WITH_ERRORS);
        assertThat(run.count(Outcome.CREATED)).isEqualTo(3);
        assertThat(run.createdActivities()).hasSize(3);
        assertThat(statusOf("Angebot 4711")).isEqualTo(StatusKey.IMPORTED);
        assertThat(statusOf("Erledigt")).isEqualTo(StatusKey.DONE);
        assertThat(statusOf("Tief")).isEqualTo(new StatusKey("O"));
        assertThat(flow.entries(run)).anySatisfy(e -> {
            assertThat(e.outcome()).isEqualTo(Outcome.WARNING);
            assertThat(e.message()).contains("CRM Mist [X]").contains("status key 'X' is not known");
        });
        assertThat(filesIn(flow.archive())).containsExactlyInAnyOrder("offer.eml", "done.eml", "deep.eml");
        assertThat(filesIn(flow.importFolder().resolve("CRM Mist [X]"))).containsExactly("unknown.eml");

        Activity offer = activity("Angebot 4711");
        assertThat(offer.data().type()).isEqualTo(ActivityType.MAIL_IN);
        assertThat(offer.data().owner()).isEqualTo(MailFlow.DEMO);
        assertThat(offer.data().text()).contains("anbei unser Angebot");
        assertThat(offer.data().mail()).hasValueSatisfying(m -> {
            assertThat(m.from()).isEqualTo("anna.berger@kunde.de");
            assertThat(m.to()).containsExactly("demo@liaison.example");
            assertThat(m.messageId()).isEqualTo("offer-1@kunde.de");
        });
        List<Document> documents = flow.crm.documents().list(MailFlow.DEMO, offer.id());
        assertThat(documents).extracting(Document::fileName).containsExactly("offer.eml", "Angebot_4711.txt");
        assertThat(documents.get(0).classification().category()).isEqualTo("E-Mail");
        assertThat(documents.get(1).classification().category()).isNotEmpty();
    }

    @Test
    void aBounceIsImportedMarkedAsAutomaticMail() throws IOException {
        Files.createDirectories(flow.importFolder());
        Files.writeString(flow.importFolder().resolve("bounce.eml"), String.join("\r\n",
                "From: Mail Delivery Subsystem <MAILER-DAEMON@mx.kunde.example>", "To: demo@liaison.example",
                "Subject: Undelivered Mail Returned to Sender", "Message-ID: <bounce-7@mx.kunde.example>",
                "Date: Mon, 7 Dec 2026 09:00:00 +0100", "MIME-Version: 1.0",
                "Content-Type: multipart/report; report-type=delivery-status; boundary=\"r\"", "",
                "--r", "Content-Type: text/plain", "", "The mail could not be delivered.",
                "--r", "Content-Type: message/delivery-status", "", "Reporting-MTA: dns; mx.kunde.example", "",
                "Final-Recipient: rfc822; max@kunde.example", "Action: failed", "Status: 5.1.1", "--r--", ""));

        flow.run();

        Activity bounce = flow.crm.activities().findBySourceKey(MailFlow.DEMO, "bounce-7@mx.kunde.example")
                .orElseThrow();
        assertThat(bounce.data().categories()).containsExactly(MailActivityMapper.AUTOMATIC_MAIL);
        assertThat(activity("Undelivered Mail Returned to Sender").data().categories())
                .containsExactly("Automatic mail");
    }

    /**
     * A bounce of a mail imported before (RFC 3464 delivery status report returning only the header, RFC 6522 section
     * 4, as Postfix does) is related to that mail; a second bounce naming a mail never imported relates to nothing.
     */
    @Test
    void aBounceIsRelatedToTheMailItReturns() throws IOException {
        mail().id("angebot-42@liaison.example").from("Anna Berger <anna.berger@kunde.de>").subject("Angebot 42")
                .writeTo(flow.importFolder(), "angebot.eml");
        flow.run();
        Files.writeString(flow.importFolder().resolve("bounce.eml"), bounceOf("angebot-42@liaison.example", 1));
        Files.writeString(flow.importFolder().resolve("bounce-2.eml"), bounceOf("never-imported@liaison.example", 2));

        flow.run();

        Activity sent = activity("Angebot 42");
        Activity bounce = flow.crm.activities().findBySourceKey(MailFlow.DEMO, "bounce-1@mx.kunde.example")
                .orElseThrow();
        assertThat(flow.crm.activities().relations(MailFlow.DEMO, bounce.id()))
                .containsExactly(new ActivityRelation(bounce.id(), sent.id(), ActivityRelation.Kind.RETURNS));
        Activity other = flow.crm.activities().findBySourceKey(MailFlow.DEMO, "bounce-2@mx.kunde.example")
                .orElseThrow();
        assertThat(flow.crm.activities().relations(MailFlow.DEMO, other.id())).isEmpty();
    }

    /**
     * A bounce that arrives before the mail it returns is imported (the sent mail dropped into the import folder a
     * run later): the mail, when it comes, is related to the bounce, as a mail is to the replies imported before it.
     */
    @Test
    void aBounceImportedBeforeTheMailItReturnsIsRelatedToItWhenItComes() throws IOException {
        Files.createDirectories(flow.importFolder());
        Files.writeString(flow.importFolder().resolve("bounce.eml"), bounceOf("angebot-43@liaison.example", 1));
        flow.run();
        mail().id("angebot-43@liaison.example").from("Anna Berger <anna.berger@kunde.de>").subject("Angebot 43")
                .writeTo(flow.importFolder(), "angebot.eml");

        flow.run();

        Activity sent = activity("Angebot 43");
        Activity bounce = flow.crm.activities().findBySourceKey(MailFlow.DEMO, "bounce-1@mx.kunde.example")
                .orElseThrow();
        assertThat(flow.crm.activities().relations(MailFlow.DEMO, sent.id()))
                .containsExactly(new ActivityRelation(bounce.id(), sent.id(), ActivityRelation.Kind.RETURNS));
    }

    /**
     * The domain of a Message-ID compares case-insensitively (RFC 5322 3.6.4: it is a domain; RFC 5321 2.4), its
     * local part does not: a copy whose gateway wrote the domain in other case is the same mail; a reply and a bounce
     * naming it so are related to it.
     */
    @Test
    void aMessageIdsDomainMatchesInAnyCaseItsLocalPartDoesNot() throws IOException {
        mail().id("Angebot-44@Liaison.Example").subject("Angebot 44").writeTo(flow.importFolder(), "angebot.eml");
        flow.run();
        mail().id("Angebot-44@liaison.example").subject("Angebot 44").writeTo(flow.importFolder(), "kopie.eml");
        mail().id("angebot-44@liaison.example").subject("Angebot 44 (anderes)").date("Wed, 25 Nov 2026 09:15:00 +0100")
                .writeTo(flow.importFolder(), "anderes.eml");
        mail().id("antwort-44@kunde.de").inReplyTo("Angebot-44@LIAISON.EXAMPLE").subject("Re: Angebot 44")
                .writeTo(flow.importFolder(), "antwort.eml");
        Files.writeString(flow.importFolder().resolve("bounce.eml"), bounceOf("Angebot-44@liaison.EXAMPLE", 1));

        SyncRun second = flow.run();

        Activity offer = activity("Angebot 44");
        assertThat(imported()).filteredOn(a -> a.data().subject().equals("Angebot 44")).hasSize(1);
        assertThat(second.count(Outcome.UNCHANGED)).as("the copy").isEqualTo(1);
        assertThat(activity("Angebot 44 (anderes)").id()).as("another local part, another mail")
                .isNotEqualTo(offer.id());
        Activity reply = activity("Re: Angebot 44");
        Activity bounce = flow.crm.activities().findBySourceKey(MailFlow.DEMO, "bounce-1@mx.kunde.example")
                .orElseThrow();
        assertThat(flow.crm.activities().relations(MailFlow.DEMO, offer.id())).containsExactlyInAnyOrder(
                new ActivityRelation(reply.id(), offer.id(), ActivityRelation.Kind.REPLY_TO),
                new ActivityRelation(bounce.id(), offer.id(), ActivityRelation.Kind.RETURNS));
    }

    /**
     * A mail imported before Message-IDs were compared case-insensitively keeps the ID as written as its key: it is
     * still found, by a copy and by a reply imported now.
     */
    @Test
    void aMailImportedUnderItsMessageIdAsWrittenBeforeIsFoundByIt() throws IOException {
        String asWritten = "Angebot-45@Liaison.Example";
        Activity before = flow.crm.activities().create(MailFlow.DEMO, ActivityData.builder(ActivityType.MAIL_IN,
                MailFlow.DEMO).subject("Angebot 45").mail(new MailDetails(asWritten, Optional.empty(), List.of(),
                "anna.berger@kunde.de", "Anna Berger", List.of(), List.of(),
                Optional.of(Instant.parse("2026-11-24T08:15:00Z")), Optional.empty())).build(), Optional.of(asWritten));
        mail().id("Angebot-45@Liaison.Example").subject("Angebot 45").writeTo(flow.importFolder(), "angebot.eml");
        mail().id("antwort-45@kunde.de").inReplyTo("Angebot-45@Liaison.Example").subject("Re: Angebot 45")
                .writeTo(flow.importFolder(), "antwort.eml");

        SyncRun run = flow.run();

        assertThat(run.count(Outcome.CREATED)).as("only the reply").isEqualTo(1);
        assertThat(flow.entries(run)).filteredOn(e -> e.outcome() == Outcome.UNCHANGED).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("already imported as activity " + before.id().value()));
        Activity reply = activity("Re: Angebot 45");
        assertThat(flow.crm.activities().relations(MailFlow.DEMO, before.id()))
                .containsExactly(new ActivityRelation(reply.id(), before.id(), ActivityRelation.Kind.REPLY_TO));
    }

    private static String bounceOf(String returnedId, int n) {
        return String.join("\r\n",
                "From: Mail Delivery System <MAILER-DAEMON@mx.kunde.example>", "To: demo@liaison.example",
                "Subject: Undelivered Mail Returned to Sender (" + n + ")", "Message-ID: <bounce-" + n
                        + "@mx.kunde.example>",
                "Date: Mon, 7 Dec 2026 09:00:00 +0100", "Auto-Submitted: auto-replied", "MIME-Version: 1.0",
                "Content-Type: multipart/report; report-type=delivery-status; boundary=\"r\"", "",
                "--r", "Content-Type: text/plain", "", "I'm sorry to have to inform you that your message could not "
                        + "be delivered to one or more recipients.",
                "--r", "Content-Type: message/delivery-status", "", "Reporting-MTA: dns; mx.kunde.example", "",
                "Final-Recipient: rfc822; max@kunde.example", "Action: failed", "Status: 5.1.1", "",
                "--r", "Content-Type: text/rfc822-headers", "", "From: Demo <demo@liaison.example>",
                "To: max@kunde.example", "Subject: Angebot 42", "Message-ID: <" + returnedId + ">", "",
                "--r--", "");
    }

    /**
     * An Outlook meeting request (iMIP, RFC 6047: text, HTML and the text/calendar rendering in multipart/alternative;
     * Outlook's UID is a long hex string that the iCalendar line folding of RFC 5545 3.1 splits) and its cancellation:
     * each mail notes what it asks (METHOD) and which meeting (UID) on its activity and journal entry, so the two are
     * seen as one meeting; each stays one mail activity, no appointment is made from a mail.
     */
    @Test
    void anInvitationNotesItsMethodAndUidAndMakesNoAppointment() throws IOException {
        String uid = "040000008200E00074C5B7101A82E00800000000A0F1D2C3E4B5DC01000000000000000010000000"
                + "7C3BD4A5E6F2A04E8B1C2D3E4F5A6B7C";
        Files.createDirectories(flow.importFolder());
        Files.writeString(flow.importFolder().resolve("einladung.eml"), invitation("REQUEST", uid, 1));
        Files.writeString(flow.importFolder().resolve("absage.eml"), invitation("CANCEL", uid, 2));

        SyncRun run = flow.run();

        assertThat(run.count(Outcome.CREATED)).isEqualTo(2);
        // every activity of the employee, not only the imported mails: no appointment among them
        assertThat(flow.crm.activities().changesSince(MailFlow.DEMO, java.util.Optional.empty(), 100).changed())
                .hasSize(2).allSatisfy(a -> assertThat(a.data().type()).isEqualTo(ActivityType.MAIL_IN));
        assertThat(activity("Einladung: Projektbesprechung").data().text())
                .contains("Wann: 10.12.2026 10:00", "- calendar invitation: METHOD REQUEST, UID " + uid);
        assertThat(activity("Abgesagt: Projektbesprechung").data().text())
                .contains("- calendar invitation: METHOD CANCEL, UID " + uid);
        assertThat(flow.entries(run)).filteredOn(e -> e.outcome() == Outcome.CREATED)
                .anySatisfy(e -> assertThat(e.message()).contains("calendar invitation: METHOD REQUEST, UID " + uid));
    }

    /**
     * The meeting an invitation is about is in the employee's calendar (Exchange puts it there, tentative, when the
     * invitation arrives) and the activity sync keeps it as a CRM appointment with its event's UID: the invitation's
     * and the cancellation's activities are related to that appointment (INVITATION), and it stays the only one.
     * The calendar file is read through the local connector, as the activity sync reads it, so the UID folded in
     * the mail and the one in the calendar must agree as RFC 5545 unfolds them.
     */
    @Test
    void anInvitationIsRelatedToTheAppointmentOfItsMeetingAndMakesNoSecondOne() throws Exception {
        String uid = "040000008200E00074C5B7101A82E00800000000B1C2D3E4F5A6DC01000000000000000010000000"
                + "8D4CE5B6F7A3B15F9C2D3E4F5A6B7C8D";
        Path calendar = flow.root.resolve("Calendar");
        Files.createDirectories(calendar);
        String uidLine = "UID:" + uid;
        Files.writeString(calendar.resolve("projektbesprechung.ics"), String.join("\r\n", "BEGIN:VCALENDAR",
                "PRODID:Microsoft Exchange Server 2010", "VERSION:2.0", "BEGIN:VEVENT",
                uidLine.substring(0, 75), " " + uidLine.substring(75), "ORGANIZER;CN=Max Kunde:mailto:max@kunde.de",
                "ATTENDEE;PARTSTAT=TENTATIVE:mailto:demo@liaison.example", "SUMMARY:Projektbesprechung",
                "DTSTART:20261210T090000Z", "DTEND:20261210T100000Z", "DTSTAMP:20261207T080000Z", "END:VEVENT",
                "END:VCALENDAR", ""));
        io.liaison.api.connector.item.EventData event;
        try (io.liaison.api.connector.ConnectorSession session = new io.liaison.connector.local.internal.LocalConnectorFactory()
                .open(new io.liaison.api.connector.AccountContext(flow.account.id(), MailFlow.DEMO,
                        Map.of("root", flow.root.toString()), io.liaison.api.connector.Credentials.NONE, c -> { }))) {
            event = session.events().orElseThrow().changes(Optional.empty()).changed().get(0).data();
        }
        // the appointment the activity sync made of it (EventMapping: the event's UID kept with the appointment)
        Activity appointment = flow.crm.activities().create(MailFlow.DEMO, ActivityData.builder(ActivityType.MEETING,
                MailFlow.DEMO).status(new StatusKey("O")).subject(event.subject()).start(event.start()).end(event.end())
                .calendarUid(event.iCalUid().orElseThrow()).build(), Optional.empty());
        Files.createDirectories(flow.importFolder());
        Files.writeString(flow.importFolder().resolve("einladung.eml"), invitation("REQUEST", uid, 1));
        Files.writeString(flow.importFolder().resolve("absage.eml"), invitation("CANCEL", uid, 2));

        SyncRun run = flow.run();

        assertThat(run.count(Outcome.CREATED)).isEqualTo(2);
        for (String subject : List.of("Einladung: Projektbesprechung", "Abgesagt: Projektbesprechung")) {
            Activity mail = activity(subject);
            assertThat(flow.crm.activities().relations(MailFlow.DEMO, mail.id())).containsExactly(
                    new ActivityRelation(mail.id(), appointment.id(), ActivityRelation.Kind.INVITATION));
        }
        assertThat(flow.crm.activities().changesSince(MailFlow.DEMO, Optional.empty(), 100).changed())
                .filteredOn(a -> !a.data().type().equals(ActivityType.MAIL_IN)).extracting(Activity::id)
                .containsExactly(appointment.id());
    }

    private static String invitation(String method, String uid, int n) {
        String summary = method.equals("CANCEL") ? "Abgesagt: Projektbesprechung" : "Einladung: Projektbesprechung";
        // content lines of at most 75 octets, longer ones folded (RFC 5545 3.1), as Outlook writes them
        String uidLine = "UID:" + uid;
        String folded = uidLine.substring(0, 75) + "\r\n " + uidLine.substring(75);
        return String.join("\r\n",
                "From: Max Kunde <max@kunde.de>", "To: demo@liaison.example", "Subject: " + summary,
                "Message-ID: <invitation-" + n + "@kunde.de>", "Date: Mon, 7 Dec 2026 09:0" + n + ":00 +0100",
                "MIME-Version: 1.0", "Content-Type: multipart/alternative; boundary=\"alt\"", "",
                "--alt", "Content-Type: text/plain; charset=utf-8", "", "Wann: 10.12.2026 10:00",
                "--alt", "Content-Type: text/html; charset=utf-8", "", "<p>Wann: 10.12.2026 10:00</p>",
                "--alt", "Content-Type: text/calendar; charset=utf-8; method=" + method, "",
                "BEGIN:VCALENDAR", "METHOD:" + method, "PRODID:Microsoft Exchange Server 2010", "VERSION:2.0",
                "BEGIN:VEVENT", folded, "ORGANIZER;CN=Max Kunde:mailto:max@kunde.de",
                "ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:demo@liaison.example", "SUMMARY:Projektbesprechung",
                "DTSTART:20261210T090000Z", "DTEND:20261210T100000Z", "DTSTAMP:20261207T080000Z",
                "STATUS:" + (method.equals("CANCEL") ? "CANCELLED" : "CONFIRMED"), "END:VEVENT", "END:VCALENDAR",
                "--alt--", "");
    }

    /**
     * A mail file dropped into the import folder long after it arrived: its time as a file is today, its Received
     * stamps (RFC 5321 4.4) say when it arrived. A Date far ahead (a sender's clock years off) is clamped to that
     * arrival, and a mail without Date takes it, not the day the file was saved.
     */
    @Test
    void aLocalFileIsReceivedWhenItsNewestReceivedStampSays() throws IOException {
        Files.createDirectories(flow.importFolder());
        Files.writeString(flow.importFolder().resolve("ahead.eml"), stamped("ahead-1@kunde.de", "Uhr falsch",
                "Date: Sat, 1 Mar 2031 08:00:00 +0100"));
        Files.writeString(flow.importFolder().resolve("undated.eml"), stamped("undated-1@kunde.de", "Ohne Datum",
                "X-Mailer: Scanner"));

        flow.run();

        Instant arrived = Instant.parse("2026-03-02T08:15:07Z");
        assertThat(activity("Uhr falsch").data().start()).hasValue(arrived);
        assertThat(activity("Ohne Datum").data().start()).hasValue(arrived);
        assertThat(activity("Ohne Datum").data().mail()).hasValueSatisfying(m ->
                assertThat(m.receivedAt()).hasValue(arrived));
    }

    private static String stamped(String id, String subject, String dateLine) {
        return String.join("\r\n",
                "Received: from mx.liaison.example (mx.liaison.example [192.0.2.10])",
                "\tby mail.liaison.example (Postfix) with ESMTPS id 4Qx1y2;",
                "\tMon, 2 Mar 2026 09:15:07 +0100 (CET)",
                "Received: from out.kunde.de by mx.liaison.example; Mon, 2 Mar 2026 09:14:59 +0100",
                "From: Anna Berger <anna.berger@kunde.de>", "To: demo@liaison.example", "Subject: " + subject,
                "Message-ID: <" + id + ">", dateLine, "", "Guten Tag", "");
    }

    /**
     * A newsletter tool that reuses one Message-ID for every issue (seen in the wild; RFC 5322 3.6.4 says IDs are
     * unique): each issue is a mail of its own with its own documents, not the first one's activity with the
     * others' attachments stored into it. A copy of an issue dropped again under another name adds nothing.
     */
    @Test
    void aReusedMessageIdNeverMergesTwoMails() throws IOException {
        mail().id("news@tool.example").from("news@kunde.example").subject("Newsletter März")
                .date("Mon, 2 Mar 2026 08:00:00 +0100").attach("maerz.txt", "Angebote im März")
                .writeTo(flow.importFolder(), "maerz.eml");
        flow.run();
        mail().id("news@tool.example").from("news@kunde.example").subject("Newsletter April")
                .date("Mon, 6 Apr 2026 08:00:00 +0200").attach("april.txt", "Angebote im April")
                .writeTo(flow.importFolder(), "april.eml");
        SyncRun second = flow.run();
        mail().id("news@tool.example").from("news@kunde.example").subject("Newsletter April")
                .date("Mon, 6 Apr 2026 08:00:00 +0200").attach("april.txt", "Angebote im April")
                .writeTo(flow.importFolder(), "april-copy.eml");
        SyncRun third = flow.run();

        Activity march = activity("Newsletter März");
        Activity april = activity("Newsletter April");
        assertThat(april.id()).isNotEqualTo(march.id());
        assertThat(flow.crm.documents().list(MailFlow.DEMO, march.id())).extracting(Document::fileName)
                .doesNotContain("april.txt");
        assertThat(flow.crm.documents().list(MailFlow.DEMO, april.id())).extracting(Document::fileName)
                .contains("april.txt").doesNotContain("maerz.txt");
        assertThat(flow.entries(second)).filteredOn(e -> e.outcome() == Outcome.WARNING).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("Message-ID news@tool.example",
                        march.id().value(), "another date", "an activity of its own"));
        assertThat(third.count(Outcome.CREATED)).as("the copy is the same mail").isZero();
        assertThat(imported()).filteredOn(a -> a.data().subject().startsWith("Newsletter")).hasSize(2);
        assertThat(flow.crm.documents().list(MailFlow.DEMO, april.id())).extracting(Document::fileName)
                .filteredOn(n -> n.equals("april.txt")).hasSize(1);
    }

    /**
     * The same mail dropped again under another file name (issue 22 point 1; in Tika's test jar
     * {@code testRFC822_x-} is {@code testRFC822} saved again) is found as imported and attaches nothing: no second
     * original under the copy's name.
     */
    @Test
    void theSameMailDroppedAgainUnderAnotherFileNameAttachesNothing() {
        mail().id("angebot-46@kunde.de").subject("Angebot 46").attach("Angebot_46.txt", "Angebot 46")
                .writeTo(flow.importFolder(), "angebot.eml");
        flow.run();
        mail().id("angebot-46@kunde.de").subject("Angebot 46").attach("Angebot_46.txt", "Angebot 46")
                .writeTo(flow.importFolder(), "Angebot 46 (Kopie).eml");

        SyncRun second = flow.run();

        assertThat(second.count(Outcome.UNCHANGED)).isEqualTo(1);
        assertThat(flow.crm.documents().list(MailFlow.DEMO, activity("Angebot 46").id())).extracting(Document::fileName)
                .containsExactlyInAnyOrder("angebot.eml", "Angebot_46.txt");
    }

    /**
     * A mail two employees import (both were on its To line) is one activity for the whole CRM with its documents
     * once, among both employees' imported mails; the second importer's journal says so (Dynamics 365 keeps one e-mail
     * activity per Message-ID for the organisation). Importing it again changes nothing; another mail under the same
     * Message-ID is still an activity of its own.
     */
    @Test
    void aMailTwoEmployeesImportIsOneActivityForTheWholeCrm() throws IOException {
        EmployeeId eva = EmployeeId.of("eva");
        Path evasTree = dir.resolve("eva");
        var evasAccount = flow.colleague(eva, evasTree);
        Path evasImportFolder = evasTree.resolve("Mail").resolve("Inbox").resolve("Import folder");
        mail().id("offer-17@kunde.example").from("sam@kunde.example").subject("Angebot 17")
                .date("Tue, 3 Mar 2026 09:00:00 +0100").attach("angebot.txt", "Angebot 17")
                .writeTo(flow.importFolder(), "angebot.eml");
        flow.run();
        mail().id("offer-17@kunde.example").from("sam@kunde.example").subject("Angebot 17")
                .date("Tue, 3 Mar 2026 09:00:00 +0100").attach("angebot.txt", "Angebot 17")
                .writeTo(evasImportFolder, "angebot.eml");

        SyncRun evas = flow.run(evasAccount);

        Activity offer = activity("Angebot 17");
        assertThat(evas.count(Outcome.CREATED)).isZero();
        assertThat(flow.entries(evas)).filteredOn(e -> e.outcome() == Outcome.LINKED).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("imported by demo", offer.id().value(), "eva added"));
        assertThat(flow.crm.activities().quicksearch(eva, Quicksearch.ALL_IMPORTED_MAILS, 100))
                .extracting(Activity::id).containsExactly(offer.id());
        assertThat(flow.crm.documents().list(MailFlow.DEMO, offer.id())).extracting(Document::fileName)
                .filteredOn(n -> n.equals("angebot.txt")).hasSize(1);
        assertThat(Files.list(evasImportFolder).filter(f -> f.toString().endsWith(".eml")).count())
                .as("archived").isZero();

        // dropped again, and another mail under the same Message-ID
        mail().id("offer-17@kunde.example").from("sam@kunde.example").subject("Angebot 17")
                .date("Tue, 3 Mar 2026 09:00:00 +0100").attach("angebot.txt", "Angebot 17")
                .writeTo(evasImportFolder, "angebot-again.eml");
        mail().id("offer-17@kunde.example").from("news@kunde.example").subject("Newsletter")
                .date("Fri, 6 Mar 2026 09:00:00 +0100").writeTo(evasImportFolder, "newsletter.eml");
        SyncRun again = flow.run(evasAccount);

        assertThat(again.count(Outcome.CREATED)).as("the newsletter only").isEqualTo(1);
        assertThat(flow.crm.activities().quicksearch(eva, Quicksearch.ALL_IMPORTED_MAILS, 100))
                .extracting(a -> a.data().subject()).containsExactlyInAnyOrder("Angebot 17", "Newsletter");
        assertThat(flow.crm.documents().list(MailFlow.DEMO, offer.id())).extracting(Document::fileName)
                .filteredOn(n -> n.equals("angebot.txt")).hasSize(1);
        assertThat(imported()).extracting(a -> a.data().subject()).containsExactly("Angebot 17");
    }

    /**
     * The spec's "open the joined e-mail": the stored original is the mail as it was dropped, also when the mail
     * carries a forwarded mail of its own; an activity that is no imported mail has none.
     */
    @Test
    void theStoredOriginalOfAnImportedMailCanBeOpened() throws IOException {
        String forwarded = mail().id("inner@kunde.example").subject("Weitergeleitet").text();
        Path file = mail().id("outer@kunde.example").subject("Fwd: Angebot")
                .attach("weitergeleitet.eml", forwarded).writeTo(flow.importFolder(), "fwd.eml");
        byte[] dropped = Files.readAllBytes(file);
        flow.run();
        Activity outer = activity("Fwd: Angebot");

        Document original = flow.mailImport.original(MailFlow.DEMO, outer.id()).orElseThrow();

        assertThat(original.mediaType()).isEqualTo("message/rfc822");
        try (var in = flow.crm.documents().open(MailFlow.DEMO, original.id())) {
            assertThat(in.readAllBytes()).isEqualTo(dropped);
        }
        Activity typedIn = flow.crm.activities().create(MailFlow.DEMO, ActivityData.builder(ActivityType.MAIL_IN,
                MailFlow.DEMO).subject("typed in").build(), java.util.Optional.empty());
        assertThat(flow.mailImport.original(MailFlow.DEMO, typedIn.id())).isEmpty();
    }

    @Test
    void aSecondRunImportsNothingTwice() {
        mail().id("once@kunde.de").subject("Einmal").writeTo(flow.importFolder(), "once.eml");
        flow.run();
        // the same mail dropped again (a rule fired twice, a copy from another device)
        mail().id("once@kunde.de").subject("Einmal").writeTo(flow.importFolder(), "once-again.eml");

        SyncRun second = flow.run();

        assertThat(second.count(Outcome.CREATED)).isZero();
        assertThat(second.count(Outcome.UNCHANGED)).isEqualTo(1);
        assertThat(imported()).hasSize(1);
        assertThat(flow.run().count(Outcome.CREATED)).isZero();
    }

    @Test
    void aMailWithoutMessageIdIsKeyedByItsContent() {
        mail().subject("Ohne ID").writeTo(flow.importFolder(), "a.eml");
        flow.run();
        mail().subject("Ohne ID").writeTo(flow.importFolder(), "b.eml");
        mail().subject("Ohne ID, aber anders").writeTo(flow.importFolder(), "c.eml");

        SyncRun second = flow.run();

        assertThat(second.count(Outcome.CREATED)).isEqualTo(1);
        assertThat(imported()).hasSize(2);
        assertThat(activity("Ohne ID").data().mail().orElseThrow().messageId()).startsWith("content-sha256:");
    }

    /**
     * One mail without Message-ID as two clients save it: other transfer encoding, line ends, boundary, header order
     * and case of the address (the text attachment's lines end in CRLF in both once decoded, as RFC 2046 4.1.1 has it).
     */
    private static final String WITHOUT_ID_QP = "From: Kunde <info@kunde.de>\nTo: demo@liaison.io\n"
            + "Subject: =?UTF-8?Q?R=C3=BCckfrage?=\nDate: Mon, 7 Dec 2026 09:30:00 +0100\nMIME-Version: 1.0\n"
            + "Content-Type: multipart/mixed; boundary=\"aaa\"\n\n--aaa\n"
            + "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: quoted-printable\n\n"
            + "Gr=C3=BC=C3=9Fe, eine R=C3=BCckfrage zum Angebot:\nGilt der Preis?\n--aaa\n"
            + "Content-Type: text/csv; name=\"preise.csv\"\nContent-Disposition: attachment; filename=\"preise.csv\"\n"
            + "Content-Transfer-Encoding: quoted-printable\n\nPosition;Preis\nBeratung;1200\n--aaa--\n";
    private static final String WITHOUT_ID_BASE64 = ("Date: Mon, 07 Dec 2026 08:30:00 +0000\nFrom: \"Kunde\" <INFO@kunde.de>\n"
            + "Subject: =?utf-8?B?UsO8Y2tmcmFnZQ==?=\nTo: demo@liaison.io\nMIME-Version: 1.0\n"
            + "Content-Type: multipart/mixed;\n boundary=\"----=_Part_17\"\n\n------=_Part_17\n"
            + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
            + java.util.Base64.getMimeEncoder().encodeToString("Grüße, eine Rückfrage zum Angebot:\r\nGilt der Preis?"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "\n------=_Part_17\n"
            + "Content-Type: text/csv; name=preise.csv\nContent-Disposition: attachment; filename=preise.csv\n"
            + "Content-Transfer-Encoding: base64\n\n" + java.util.Base64.getMimeEncoder().encodeToString(
                    "Position;Preis\r\nBeratung;1200".getBytes(java.nio.charset.StandardCharsets.UTF_8))
            + "\n------=_Part_17--\n").replace("\n", "\r\n");

    private void write(String name, String raw) throws IOException {
        Files.writeString(Files.createDirectories(flow.importFolder()).resolve(name), raw);
    }

    @Test
    void aMailWithoutMessageIdSavedAgainByAnotherClientIsTheSameMail() throws IOException {
        write("rueckfrage.eml", WITHOUT_ID_QP);
        flow.run();
        write("Rückfrage (Kopie).eml", WITHOUT_ID_BASE64);

        SyncRun second = flow.run();

        assertThat(second.count(Outcome.CREATED)).isZero();
        assertThat(second.count(Outcome.UNCHANGED)).isEqualTo(1);
        assertThat(imported()).hasSize(1);
    }

    @Test
    void aMailWithoutMessageIdImportedUnderItsRawHashBeforeIsFoundByIt() throws Exception {
        // imported by a version that keyed such a mail by the SHA-256 of its raw bytes
        byte[] raw = WITHOUT_ID_QP.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String rawKey = "sha256:" + java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(raw));
        Activity before = flow.crm.activities().create(MailFlow.DEMO, io.liaison.api.domain.ActivityData
                .builder(ActivityType.MAIL_IN, MailFlow.DEMO).subject("Rückfrage").build(), java.util.Optional.of(rawKey));
        write("rueckfrage.eml", WITHOUT_ID_QP);

        SyncRun run = flow.run();

        assertThat(run.count(Outcome.CREATED)).isZero();
        assertThat(flow.entries(run)).filteredOn(e -> e.outcome() == Outcome.UNCHANGED).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("already imported as activity " + before.id().value()));
    }

    @Test
    void whatTheParserNotedOnAMailIsInItsJournalEntry() {
        mail().id("nodate@kunde.de").subject("Ohne Datum").noDate().writeTo(flow.importFolder(), "nodate.eml");

        SyncRun run = flow.run();

        assertThat(flow.entries(run)).filteredOn(e -> e.outcome() == Outcome.CREATED).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("parser notes: no Date header"));
    }

    @Test
    void whatTheParserNotedIsOnTheActivityToo() {
        mail().id("nodate2@kunde.de").subject("Ohne Datum").noDate().writeTo(flow.importFolder(), "nodate.eml");

        flow.run();

        assertThat(activity("Ohne Datum").data().text()).endsWith("\n\n---\nNotes from the mail import:\n"
                + "- no Date header");
    }

    @Test
    void anEncryptedMailSaysOnItsActivityThatItCannotBeReadAndKeepsOnlyItsOriginal() throws IOException {
        // GnuPG's output in RFC 3156's structure (liaison-content's test resources, secure-mail/README.md)
        try (var in = getClass().getResourceAsStream("/secure-mail/pgp-encrypted.eml")) {
            Files.copy(in, Files.createDirectories(flow.importFolder()).resolve("pgp.eml"));
        }

        flow.run();

        Activity encrypted = activity("Angebot (PGP)");
        assertThat(encrypted.data().text()).startsWith("Encrypted (PGP/MIME), content not readable.")
                .contains("Notes from the mail import:\n- the mail is encrypted (PGP/MIME)");
        assertThat(flow.crm.documents().list(MailFlow.DEMO, encrypted.id())).extracting(Document::fileName)
                .singleElement().asString().endsWith(".eml");
    }

    @Test
    void aFailedMoveNeverCreatesASecondActivity() {
        mail().id("move@kunde.de").subject("Verschieben").writeTo(flow.importFolder(), "move.eml");
        flow.failingMoves.set(1);

        SyncRun first = flow.run();

        assertThat(first.count(Outcome.CREATED)).isEqualTo(1);
        assertThat(flow.entries(first)).anySatisfy(e -> {
            assertThat(e.outcome()).isEqualTo(Outcome.WARNING);
            assertThat(e.message()).contains("not moved").contains("injected fault");
        });
        assertThat(filesIn(flow.importFolder())).contains("move.eml");

        SyncRun second = flow.run();

        assertThat(second.count(Outcome.CREATED)).isZero();
        assertThat(second.count(Outcome.UNCHANGED)).isEqualTo(1);
        assertThat(imported()).hasSize(1);
        assertThat(filesIn(flow.archive())).containsExactly("move.eml");
    }

    @Test
    void aFailingDocumentLeavesNothingAndTheNextRunImportsTheMailWhole() {
        mail().id("whole@kunde.de").subject("Ganz oder gar nicht").attach("vertrag.txt", "Vertrag zwischen A und B")
                .writeTo(flow.importFolder(), "whole.eml");
        flow.failingAttaches.set(1); // fails after the activity row was written, in the same transaction

        SyncRun first = flow.run();

        assertThat(first.count(Outcome.FAILED)).isEqualTo(1);
        assertThat(flow.entries(first)).anySatisfy(e -> assertThat(e.message()).contains("injected fault"));
        assertThat(imported()).as("no activity without its documents").isEmpty();
        assertThat(filesIn(flow.importFolder())).contains("whole.eml");

        flow.failingAttaches.set(0);
        SyncRun second = flow.run();

        assertThat(second.count(Outcome.CREATED)).isEqualTo(1);
        Activity activity = activity("Ganz oder gar nicht");
        assertThat(flow.crm.documents().list(MailFlow.DEMO, activity.id())).extracting(Document::fileName)
                .containsExactly("whole.eml", "vertrag.txt");
        assertThat(filesIn(flow.archive())).containsExactly("whole.eml");
    }

    @Test
    void aCrashBetweenActivityAndDocumentsIsCompletedByTheNextRun() {
        // a CRM without one-transaction creates: the activity is stored, its documents are not
        flow.atomicCreates = false;
        mail().id("docs@kunde.de").subject("Mit Anhang").attach("vertrag.txt", "Vertrag zwischen A und B")
                .writeTo(flow.importFolder(), "docs.eml");
        flow.failingAttaches.set(1);

        SyncRun first = flow.run();

        assertThat(first.count(Outcome.FAILED)).isEqualTo(1);
        assertThat(flow.entries(first)).anySatisfy(e -> assertThat(e.message()).contains("injected fault"));
        assertThat(filesIn(flow.importFolder())).contains("docs.eml");

        SyncRun second = flow.run();

        assertThat(second.count(Outcome.FAILED)).isZero();
        assertThat(imported()).hasSize(1);
        Activity activity = activity("Mit Anhang");
        assertThat(flow.crm.documents().list(MailFlow.DEMO, activity.id())).extracting(Document::fileName)
                .containsExactly("docs.eml", "vertrag.txt");
        assertThat(filesIn(flow.archive())).containsExactly("docs.eml");
    }

    @Test
    void manyMessagesAreStoredInTheirOrderAndABrokenOneStaysWhileTheOthersGoThrough() throws IOException {
        long copiesBefore = temporaryCopies();
        Files.createDirectories(flow.importFolder());
        for (int i = 0; i < 10; i++) {
            if (i == 4) {
                Files.write(flow.importFolder().resolve("m04.msg"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
            } else {
                Mails mail = mail().id("m" + i + "@kunde.de").subject("Nachricht " + i)
                        .attach("anhang-" + i + ".txt", "Rechnung Nummer " + i);
                if (i == 7) {
                    mail.attach("gross.bin", large()); // copied to a temporary file, not held in memory
                }
                mail.writeTo(flow.importFolder(), String.format("m%02d.eml", i));
            }
        }

        SyncRun run = flow.run();

        assertThat(run.count(Outcome.CREATED)).isEqualTo(9);
        assertThat(flow.entries(run).stream().filter(e -> e.outcome() == Outcome.CREATED || e.outcome() == Outcome.FAILED)
                .map(e -> e.item().substring(e.item().lastIndexOf('/') + 1)))
                .as("stored in the folder's order, the broken one in its place")
                .containsExactly("m00.eml", "m01.eml", "m02.eml", "m03.eml", "m04.msg", "m05.eml", "m06.eml",
                        "m07.eml", "m08.eml", "m09.eml");
        assertThat(filesIn(flow.importFolder())).containsExactly("m04.msg");
        assertThat(filesIn(flow.archive())).hasSize(9);
        for (int i = 0; i < 10; i++) {
            if (i != 4) {
                Activity activity = flow.crm.activities().findBySourceKey(MailFlow.DEMO, "m" + i + "@kunde.de").orElseThrow();
                assertThat(flow.crm.documents().list(MailFlow.DEMO, activity.id())).extracting(Document::fileName)
                        .contains("anhang-" + i + ".txt");
            }
        }
        assertThat(temporaryCopies()).as("the copies of the messages are deleted").isEqualTo(copiesBefore);
    }

    @Test
    void aCancelledRunLeavesTheMessagesItDidNotStoreWhereTheyAre() {
        long copiesBefore = temporaryCopies();
        for (int i = 0; i < 8; i++) {
            Mails mail = mail().id("c" + i + "@kunde.de").subject("Abbruch " + i).attach("a.txt", "Text " + i);
            if (i == 2 || i == 3) {
                mail.attach("gross.bin", large()); // prepared ahead in temporary files when the run is cancelled
            }
            mail.writeTo(flow.importFolder(), "c" + i + ".eml");
        }
        AtomicInteger created = new AtomicInteger();
        flow.afterCreate = () -> {
            if (created.incrementAndGet() == 2) {
                flow.cancelRuns(); // e.g. Karaf stops while the run is under way
            }
        };

        SyncRun run = flow.run();

        assertThat(run.count(Outcome.CREATED)).isEqualTo(2);
        assertThat(run.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(run.error().orElseThrow()).contains("Liaison's runtime is stopping");
        assertThat(filesIn(flow.archive())).hasSize(2);
        assertThat(filesIn(flow.importFolder())).hasSize(6);
        assertThat(flow.crm.activities().findBySourceKey(MailFlow.DEMO, "c2@kunde.de")).isEmpty();
        assertThat(temporaryCopies()).as("what was prepared ahead is released").isEqualTo(copiesBefore);
        assertThat(flow.entries(run)).filteredOn(e -> e.outcome() == Outcome.SKIPPED)
                .as("every message left in place is named")
                .extracting(e -> e.item().substring(e.item().lastIndexOf('/') + 1))
                .containsExactlyInAnyOrder("c2.eml", "c3.eml", "c4.eml", "c5.eml", "c6.eml", "c7.eml");
        assertThat(flow.entries(run)).filteredOn(e -> e.outcome() == Outcome.SKIPPED)
                .allSatisfy(e -> assertThat(e.message()).contains("left in its folder for the next run"));
    }

    @Test
    void theModuleStoppingUnderARunWaitsForTheMessageUnderWayAndLeavesTheRest() throws Exception {
        for (int i = 0; i < 6; i++) {
            mail().id("s" + i + "@kunde.de").subject("Stopp " + i).attach("r.txt", "Rechnung Nummer " + i)
                    .writeTo(flow.importFolder(), "s" + i + ".eml");
        }
        Thread[] stopper = new Thread[1];
        AtomicInteger created = new AtomicInteger();
        flow.afterCreate = () -> {
            if (created.incrementAndGet() == 2) {
                // the bundle stops (SCR deactivates the component) on another thread while this message is stored
                stopper[0] = new Thread(flow.mailImport::deactivate, "bundle-stop");
                stopper[0].start();
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!flow.mailImport.isStopping() && System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
            }
        };

        SyncRun run = flow.run();
        stopper[0].join(TimeUnit.SECONDS.toMillis(40));

        assertThat(stopper[0].isAlive()).as("deactivation returned once the run had stopped").isFalse();
        assertThat(run.count(Outcome.CREATED)).isEqualTo(2);
        assertThat(filesIn(flow.archive())).hasSize(2);
        assertThat(filesIn(flow.importFolder())).hasSize(4);
        assertThat(flow.entries(run)).filteredOn(e -> e.outcome() == Outcome.SKIPPED).hasSize(4)
                .allSatisfy(e -> assertThat(e.message()).contains("mail import module is stopping"));
    }

    @Test
    void theCategoriserStoppingUnderARunLeavesTheMailsAndTheNextRunCategorisesThem() {
        for (int i = 0; i < 6; i++) {
            mail().id("k" + i + "@kunde.de").subject("Kategorie " + i).attach("scan.txt", "Rechnung Nummer " + i)
                    .writeTo(flow.importFolder(), "k" + i + ".eml");
        }
        AtomicInteger created = new AtomicInteger();
        flow.afterCreate = () -> {
            if (created.incrementAndGet() == 2) {
                flow.categoriserStopped = true; // the content bundle is restarted while the run goes on
            }
        };

        SyncRun first = flow.run();
        flow.afterCreate = () -> { };
        flow.categoriserStopped = false;
        SyncRun second = flow.run();

        assertThat(first.count(Outcome.CREATED)).as("the messages prepared ahead before the stop").isBetween(2, 4);
        assertThat(first.count(Outcome.FAILED)).as("nothing counted against the messages").isZero();
        assertThat(flow.entries(first)).filteredOn(e -> e.outcome() == Outcome.SKIPPED).isNotEmpty()
                .allSatisfy(e -> assertThat(e.message()).contains("left in its folder for the next run"));
        assertThat(first.count(Outcome.CREATED) + second.count(Outcome.CREATED)).isEqualTo(6);
        assertThat(filesIn(flow.importFolder())).isEmpty();
        for (int i = 0; i < 6; i++) {
            Activity activity = flow.crm.activities().findBySourceKey(MailFlow.DEMO, "k" + i + "@kunde.de")
                    .orElseThrow();
            assertThat(flow.crm.documents().list(MailFlow.DEMO, activity.id()))
                    .filteredOn(d -> d.fileName().equals("scan.txt"))
                    .as("every invoice categorised with its text, none 'without text'")
                    .singleElement().satisfies(d -> assertThat(d.classification().category()).isEqualTo("Invoice"));
        }
    }

    /** Content that makes a message larger than what the import keeps in memory. */
    private static byte[] large() {
        byte[] content = new byte[SpooledMessage.MEMORY_LIMIT];
        new Random(7).nextBytes(content);
        return content;
    }

    /** The import's temporary copies of messages (SpooledMessage) in the temporary directory. */
    /**
     * The import's temporary copies of messages: in the flow's own directory (its parser's spool directory), so that
     * the copies of tests running beside this one are not counted.
     */
    private long temporaryCopies() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("liaison-mail-")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aBrokenMessageStaysWithAJournalEntryAndTheOthersGoThrough() throws IOException {
        Files.createDirectories(flow.importFolder());
        Files.write(flow.importFolder().resolve("broken.msg"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        mail().id("good@kunde.de").subject("Gut").writeTo(flow.importFolder(), "good.eml");

        SyncRun run = flow.run();

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED_WITH_ERRORS);
        assertThat(run.count(Outcome.CREATED)).isEqualTo(1);
        JournalEntry failure = flow.entries(run).stream().filter(e -> e.outcome() == Outcome.FAILED)
                .findFirst().orElseThrow();
        assertThat(failure.item()).endsWith("broken.msg");
        assertThat(failure.message()).isNotBlank();
        assertThat(filesIn(flow.importFolder())).containsExactly("broken.msg");
    }

    @Test
    void withoutAddressResolutionMailsAreNotAssignedAndShowInThatQuicksearch() {
        mail().id("who@kunde.de").subject("Wer bin ich").writeTo(flow.importFolder(), "who.eml");
        mail().id("done@kunde.de").subject("Fertig").writeTo(flow.importFolder().resolve("CRM Erledigt [E]"), "d.eml");

        flow.run();

        assertThat(flow.crm.activities().quicksearch(MailFlow.DEMO, Quicksearch.NOT_ASSIGNED_IMPORTED_MAILS, 10))
                .extracting(a -> a.data().subject()).containsExactlyInAnyOrder("Wer bin ich", "Fertig");
        assertThat(flow.crm.activities().quicksearch(MailFlow.DEMO, Quicksearch.IMPORTED_MAILS, 10))
                .extracting(a -> a.data().subject()).containsExactly("Wer bin ich");
        assertThat(flow.crm.activities().quicksearch(MailFlow.DEMO, Quicksearch.ALL_IMPORTED_MAILS, 10))
                .hasSize(2);
    }

    @Test
    void manualImportPreviewsThenImportsOnlyTheChosenWithTheirEditedDocuments() {
        mail().id("m1@kunde.de").subject("Erste").attach("scan.txt", "Rechnung Nr. 1")
                .writeTo(flow.importFolder(), "m1.eml");
        mail().id("m2@kunde.de").subject("Zweite").writeTo(flow.importFolder(), "m2.eml");

        List<ImportCandidate> candidates = flow.mailImport.preview(flow.account.id());

        assertThat(candidates).extracting(ImportCandidate::subject).containsExactlyInAnyOrder("Erste", "Zweite");
        assertThat(imported()).isEmpty();
        ImportCandidate first = candidates.stream().filter(c -> c.subject().equals("Erste")).findFirst().orElseThrow();
        assertThat(first.attachments()).extracting(a -> a.fileName()).containsExactly("m1.eml", "scan.txt");
        assertThat(first.problems()).isEmpty();

        Classification chosen = new Classification("Eingangsrechnung", List.of("Projekt A"));
        SyncRun run = flow.mailImport.importMessages(flow.account.id(),
                new ImportSelection(List.of(first.messageId()), Map.of(first.messageId(), Map.of("scan.txt", chosen))));

        assertThat(run.count(Outcome.CREATED)).isEqualTo(1);
        Activity activity = activity("Erste");
        assertThat(flow.crm.documents().list(MailFlow.DEMO, activity.id()))
                .filteredOn(d -> d.fileName().equals("scan.txt"))
                .extracting(Document::classification).containsExactly(chosen);
        assertThat(filesIn(flow.importFolder())).containsExactly("m2.eml");
    }

    @Test
    void anOutOfMemoryErrorWhileParsingOneMessageFailsThatMessageAndTheRunGoesOn() {
        mail().id("a@kunde.de").subject("Davor").writeTo(flow.importFolder(), "a.eml");
        mail().id("bomb@kunde.de").subject("Bombe").writeTo(flow.importFolder(), "b-bomb.eml");
        mail().id("c@kunde.de").subject("Danach").writeTo(flow.importFolder(), "c.eml");
        flow.parserErrors.put("b-bomb.eml", new OutOfMemoryError("Java heap space (injected)"));

        SyncRun run = flow.run();

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED_WITH_ERRORS);
        assertThat(run.count(Outcome.CREATED)).isEqualTo(2);
        assertThat(flow.entries(run)).filteredOn(e -> e.outcome() == Outcome.FAILED).singleElement().satisfies(e -> {
            assertThat(e.item()).endsWith("b-bomb.eml");
            assertThat(e.message()).contains("Java heap space (injected)").contains("attempt 1 of 3");
        });
        assertThat(filesIn(flow.importFolder())).containsExactly("b-bomb.eml");
        assertThat(filesIn(flow.archive())).containsExactlyInAnyOrder("a.eml", "c.eml");
    }

    @Test
    void aMessageThatCannotBeReadInThreeRunsIsMovedToTheNotImportedFolder() throws IOException {
        Files.createDirectories(flow.importFolder());
        Files.write(flow.importFolder().resolve("junk.msg"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        mail().id("stack@kunde.de").subject("Stapel").writeTo(flow.importFolder(), "stack.eml");
        flow.parserErrors.put("stack.eml", new StackOverflowError());

        for (int run = 1; run <= 2; run++) {
            SyncRun failing = flow.run();
            assertThat(failing.count(Outcome.FAILED)).isEqualTo(2);
            assertThat(filesIn(flow.importFolder())).containsExactlyInAnyOrder("junk.msg", "stack.eml");
        }
        SyncRun third = flow.run();

        assertThat(flow.entries(third)).filteredOn(e -> e.outcome() == Outcome.FAILED).hasSize(2)
                .allSatisfy(e -> assertThat(e.message()).contains("failed 3 times, moved to")
                        .contains("Not imported"));
        assertThat(filesIn(flow.importFolder())).isEmpty();
        assertThat(filesIn(flow.notImported())).containsExactlyInAnyOrder("junk.msg", "stack.eml");
        SyncRun fourth = flow.run();
        assertThat(fourth.count(Outcome.FAILED)).isZero();
        assertThat(fourth.status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void failuresOfTheCrmDoNotCountAgainstTheMessage() {
        mail().id("crm-down@kunde.de").subject("CRM weg").attach("a.txt", "Text")
                .writeTo(flow.importFolder(), "crm-down.eml");
        flow.failingAttaches.set(100);

        for (int run = 1; run <= 4; run++) {
            assertThat(flow.run().count(Outcome.FAILED)).isEqualTo(1);
        }

        assertThat(filesIn(flow.importFolder())).containsExactly("crm-down.eml");
        assertThat(filesIn(flow.notImported())).isEmpty();
        flow.failingAttaches.set(0);
        assertThat(flow.run().count(Outcome.CREATED)).isEqualTo(1);
    }

    @Test
    void aMessageImportedAfterAFailureStartsCountingAgain() {
        mail().id("flaky@kunde.de").subject("Wackelig").writeTo(flow.importFolder(), "flaky.eml");
        flow.parserErrors.put("flaky.eml", new OutOfMemoryError("injected"));
        flow.run();
        flow.run();
        flow.parserErrors.clear();
        assertThat(flow.run().count(Outcome.CREATED)).isEqualTo(1);

        // the same name again, failing: counted from one, not from three
        mail().id("flaky-2@kunde.de").subject("Wackelig 2").writeTo(flow.importFolder(), "flaky.eml");
        flow.parserErrors.put("flaky.eml", new OutOfMemoryError("injected"));
        SyncRun run = flow.run();

        assertThat(flow.entries(run)).filteredOn(e -> e.outcome() == Outcome.FAILED).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("attempt 1 of 3"));
        assertThat(filesIn(flow.importFolder())).containsExactly("flaky.eml");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS) // before: each attachment had 30 s of its own (300: 2.5 hours)
    void aMessageWithThreeHundredSlowAttachmentsTakesOneBudget() {
        Mails mail = mail().id("slow@kunde.de").subject("Langsam");
        for (int i = 0; i < 300; i++) {
            mail.attach("anhang-" + i + ".txt", "Text " + i);
        }
        mail.writeTo(flow.importFolder(), "slow.eml");
        flow.parseTimeLimit = Duration.ofSeconds(3);
        flow.slowAttachments = true;

        SyncRun run = flow.run();

        assertThat(run.count(Outcome.CREATED)).isEqualTo(1);
        assertThat(flow.deadlines).hasSize(300).as("one budget for the whole message").containsOnly(flow.deadlines.get(0));
        Activity activity = activity("Langsam");
        assertThat(flow.crm.documents().list(MailFlow.DEMO, activity.id())).as("stored, without categories")
                .hasSize(301);
        assertThat(flow.entries(run)).filteredOn(e -> e.outcome() == Outcome.WARNING)
                .as("each document categorised without its text is named, never silently")
                .hasSize(300)
                .allSatisfy(e -> assertThat(e.message()).contains("categorised by its name and type only"))
                .anySatisfy(e -> assertThat(e.item()).endsWith("slow.eml / anhang-7.txt"));
    }

    private List<Activity> imported() {
        return flow.crm.activities().quicksearch(MailFlow.DEMO, Quicksearch.ALL_IMPORTED_MAILS, 100);
    }

    private Activity activity(String subject) {
        return imported().stream().filter(a -> a.data().subject().equals(subject)).findFirst().orElseThrow();
    }

    private StatusKey statusOf(String subject) {
        return activity(subject).data().status();
    }

    private static List<String> filesIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
