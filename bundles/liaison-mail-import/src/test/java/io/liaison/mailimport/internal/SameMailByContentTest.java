package io.liaison.mailimport.internal;

import static io.liaison.mailimport.internal.Mails.mail;
import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.content.ParsedAttachment;
import io.liaison.api.content.ParsedMessage;
import io.liaison.api.crm.Quicksearch;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityData;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.Classification;
import io.liaison.api.domain.Document;
import io.liaison.api.domain.NewDocument;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.SyncRun;
import io.liaison.content.internal.MessageParserComponent;
import io.liaison.content.internal.ParseLimits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22 point 1 on the corpus (mime4j's test messages, as {@link CorpusImportTest} imports them): a mail without
 * Message-ID is the same mail as another only when their content agrees, attached mails included; and a copy of a mail
 * stores none of its attachments twice, whatever they are named in it.
 */
class SameMailByContentTest {
    @TempDir
    Path dir;
    private MailFlow flow;

    @BeforeEach
    void setUp() {
        flow = new MailFlow(dir);
    }

    /**
     * A headerless file, a multipart without its boundary and a part holding an attached mail (the corpus' 048, 052 and
     * 084): no sender, date or subject, no body text; the fingerprint of such content was the same for all three, and
     * two of them were reported as the first one again.
     */
    @Test
    void mailsWithTooLittleContentToTellThemApartAreNotOneMail() {
        drop("testmsgs/malformedHeader-noheader.msg", "048-malformedHeader-noheader.msg");
        drop("testmsgs/missing-boundary.msg", "052-missing-boundary.msg");
        drop("mimetools-testmsgs/infinite.msg", "084-infinite.msg");

        SyncRun run = flow.run();

        assertThat(run.count(Outcome.CREATED)).isEqualTo(3);
        assertThat(run.count(Outcome.UNCHANGED)).isZero();
        assertThat(imported()).hasSize(3);
    }

    /**
     * Five mails of one sender and second, empty but for their structure (the corpus' 055 to 059), were one. 056, 058
     * and 059 have empty parts or none: each is a mail of its own. 055 (a digest) and 057 both carry one attached mail,
     * the same byte for byte, and nothing else: their content agrees, they are one mail.
     */
    @Test
    void mailsOfOneSenderAndSecondWithNothingButEmptyPartsAreNotOneMail() {
        drop("testmsgs/multipartdigestnestedemptyparts.msg", "055-multipartdigestnestedemptyparts.msg");
        drop("testmsgs/multipartemptypart.msg", "056-multipartemptypart.msg");
        drop("testmsgs/multipartnestedemptyparts.msg", "057-multipartnestedemptyparts.msg");
        drop("testmsgs/multipartnestedemptypartsnorfc822.msg", "058-multipartnestedemptypartsnorfc822.msg");
        drop("testmsgs/multipartnopart.msg", "059-multipartnopart.msg");

        SyncRun run = flow.run();

        assertThat(imported()).hasSize(4);
        assertThat(flow.entries(run)).filteredOn(e -> e.outcome() == Outcome.UNCHANGED)
                .extracting(e -> e.item().substring(e.item().lastIndexOf('/') + 1))
                .containsExactly("057-multipartnestedemptyparts.msg");
    }

    /** Two mails that are nothing but another attached mail each (the corpus' 035 and 090). */
    @Test
    void mailsThatCarryDifferentMailsAreNotOneMail() {
        drop("testmsgs/bad-newlines-multiple-parts-base64.msg", "035-bad-newlines-multiple-parts-base64.msg");
        drop("mimetools-testmsgs/multi-2gifs-base64.msg", "090-multi-2gifs-base64.msg");

        SyncRun run = flow.run();

        assertThat(run.count(Outcome.CREATED)).isEqualTo(2);
        assertThat(imported()).hasSize(2);
    }

    /**
     * MIME-tools' {@code mp-msg-rfc822} is {@code ak-0696} (the corpus' 088 and 068) out of an mbox file: a
     * {@code From } line before it, LF instead of CRLF, a header value in lower case. The same mail, forwarding the same
     * mail, whose line ends changed with it: the forwarded mail is not stored a second time either.
     */
    @Test
    void theSameForwardSavedWithOtherLineEndsIsTheSameMail() {
        drop("mimetools-testmsgs/ak-0696.msg", "068-ak-0696.msg");
        drop("mimetools-testmsgs/mp-msg-rfc822.msg", "088-mp-msg-rfc822.msg");

        SyncRun run = flow.run();

        assertThat(run.count(Outcome.CREATED)).isEqualTo(1);
        assertThat(run.count(Outcome.UNCHANGED)).isEqualTo(1);
        assertThat(imported()).hasSize(1);
        assertThat(documents(imported().get(0))).as("the original and the forwarded mail, once")
                .containsExactly("068-ak-0696.msg", "s Netz.eml");
    }

    /**
     * MIME-tools' {@code multi-2evil} is {@code multi-2gifs} with hostile attachment names (an encoded word in a
     * parameter, a name of 120 characters): the same mail, whose GIFs were stored a second time under the copy's names.
     */
    @Test
    void theSameMailWithItsAttachmentsNamedOtherwiseStoresNothingTwice() {
        drop("mimetools-testmsgs/multi-2evil.msg", "089-multi-2evil.msg");
        flow.run();
        Activity mail = imported().get(0);
        List<String> before = documents(mail);
        drop("mimetools-testmsgs/multi-2gifs.msg", "091-multi-2gifs.msg");

        SyncRun again = flow.run();

        assertThat(again.count(Outcome.UNCHANGED)).isEqualTo(1);
        assertThat(imported()).hasSize(1);
        assertThat(documents(mail)).containsExactlyElementsOf(before);
    }

    /** The same for {@code multi-nested} and {@code multi-nested3}, whose third part is named in one only. */
    @Test
    void theSameNestedMailWithAnAttachmentNamedOnlyInOneCopyStoresNothingTwice() {
        drop("mimetools-testmsgs/multi-nested.msg", "099-multi-nested.msg");
        flow.run();
        Activity mail = imported().get(0);
        List<String> before = documents(mail);
        drop("mimetools-testmsgs/multi-nested3.msg", "101-multi-nested3.msg");

        SyncRun again = flow.run();

        assertThat(again.count(Outcome.UNCHANGED)).isEqualTo(1);
        assertThat(documents(mail)).containsExactlyElementsOf(before);
    }

    /**
     * One mail (same Message-ID, sender and date) dropped again with its attachment renamed is the same mail and stores
     * nothing (attachments count by content); with an attachment of another content it is another mail (its whole
     * fingerprint differs), which before was added to the first one's activity.
     */
    @Test
    void aRenamedAttachmentIsTheSameMailAndADifferentOneAnotherMail() {
        mail().id("angebot-52@kunde.example").subject("Angebot 52").attach("Angebot_52.txt", "Preis: 1200 EUR")
                .writeTo(flow.importFolder(), "angebot.eml");
        flow.run();
        Activity offer = imported().get(0);
        mail().id("angebot-52@kunde.example").subject("Angebot 52").attach("Angebot 52 (1).txt", "Preis: 1200 EUR")
                .writeTo(flow.importFolder(), "angebot-kopie.eml");

        SyncRun renamed = flow.run();

        assertThat(renamed.count(Outcome.UNCHANGED)).isEqualTo(1);
        assertThat(documents(offer)).containsExactly("angebot.eml", "Angebot_52.txt");

        mail().id("angebot-52@kunde.example").subject("Angebot 52").attach("Angebot_52.txt", "Preis: 1100 EUR")
                .writeTo(flow.importFolder(), "angebot-neu.eml");
        SyncRun changed = flow.run();

        // another attachment under the same Message-ID is another mail: an activity of its own, not a document more
        assertThat(changed.count(Outcome.CREATED)).isEqualTo(1);
        assertThat(documents(offer)).containsExactly("angebot.eml", "Angebot_52.txt");
    }

    /**
     * A mail without Message-ID that forwards another, imported by the version whose fingerprint left attached mails
     * out, is found by that fingerprint when its activity holds the forwarded mail (as that version stored it); a mail
     * that differs from it only in the mail it forwards has the same old fingerprint and is a mail of its own.
     */
    @Test
    void aMailKeyedBeforeByTheFingerprintWithoutAttachedMailsIsFoundOnlyWithThem() throws Exception {
        String priceList = mail().id("preise-7@kunde.example").subject("Preisliste").body("Preise 2026").text();
        String deliveryTimes = mail().id("liefer-8@kunde.example").subject("Lieferzeiten").body("3 Wochen").text();
        Mails forward = mail().subject("Fwd: Preisliste").body("Zur Info.").attach("weitergeleitet.eml", priceList);
        Mails otherForward = mail().subject("Fwd: Preisliste").body("Zur Info.")
                .attach("weitergeleitet.eml", deliveryTimes);
        String oldKey = fingerprintWithoutAttachedMails(forward.text());
        assertThat(fingerprintWithoutAttachedMails(otherForward.text())).isEqualTo(oldKey);
        Activity before = flow.crm.activities().create(MailFlow.DEMO, ActivityData.builder(ActivityType.MAIL_IN,
                MailFlow.DEMO).subject("Fwd: Preisliste").build(), Optional.of(oldKey));
        flow.crm.documents().attach(MailFlow.DEMO, before.id(), new NewDocument("weitergeleitet.eml",
                "message/rfc822", Classification.NONE), new ByteArrayInputStream(bytes(priceList)));

        otherForward.writeTo(flow.importFolder(), "lieferzeiten.eml");
        SyncRun other = flow.run();
        forward.writeTo(flow.importFolder(), "preisliste.eml");
        SyncRun same = flow.run();

        assertThat(other.count(Outcome.CREATED)).as("another mail").isEqualTo(1);
        assertThat(same.count(Outcome.CREATED)).isZero();
        assertThat(flow.entries(same)).filteredOn(e -> e.outcome() == Outcome.UNCHANGED).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("already imported as activity " + before.id().value()));
    }

    /**
     * The key the version before gave a mail without Message-ID: SHA-256 of sender, Date in epoch seconds, subject,
     * body with white space collapsed and the sorted hashes of the attachments that are no mails, one a line.
     */
    /**
     * Tika's testRFC822_encrypted_zip and testRFC822_normal_zip (the corpus' 015 and 018): the same Message-ID, sender,
     * date, subject and body, one with a password-protected zip, the other with a plain one. Two mails, as their whole
     * fingerprints say: the second is an activity of its own holding its own zip (it was added to the first's
     * activity), and the journal warns, naming the first; either dropped again under another name imports nothing.
     */
    @Test
    void twoMailsWithOneMessageIdThatDifferInTheirAttachmentsAreTwoActivities() {
        drop("test-documents/testRFC822_encrypted_zip", "015-testRFC822_encrypted_zip.eml");
        SyncRun first = flow.run();
        drop("test-documents/testRFC822_normal_zip", "018-testRFC822_normal_zip.eml");
        SyncRun second = flow.run();

        assertThat(first.count(Outcome.CREATED)).isEqualTo(1);
        assertThat(second.count(Outcome.CREATED)).isEqualTo(1);
        List<Activity> mails = imported();
        assertThat(mails).hasSize(2);
        Activity encrypted = mails.stream().filter(a -> !a.sourceKey().orElseThrow().contains("#")).findFirst()
                .orElseThrow();
        Activity normal = mails.stream().filter(a -> a != encrypted).findFirst().orElseThrow();
        assertThat(documents(encrypted)).containsExactlyInAnyOrder("015-testRFC822_encrypted_zip.eml", "test.zip");
        assertThat(documents(normal)).containsExactlyInAnyOrder("018-testRFC822_normal_zip.eml", "test.zip");
        assertThat(flow.entries(second)).filteredOn(e -> e.outcome() == Outcome.WARNING).singleElement()
                .satisfies(e -> assertThat(e.message()).contains(
                        "CAO2Pydsg81Q7Pb4SB+2gt02-8pEFgmQ7qVW5zqfe5xage6wP1Q@mail.gmail.com", encrypted.id().value(),
                        "attachments", "an activity of its own"));

        drop("test-documents/testRFC822_encrypted_zip", "encrypted again.eml");
        drop("test-documents/testRFC822_normal_zip", "normal again.eml");
        SyncRun again = flow.run();

        assertThat(again.count(Outcome.CREATED)).isZero();
        assertThat(imported()).hasSize(2);
        assertThat(documents(encrypted)).hasSize(2);
        assertThat(documents(normal)).hasSize(2);
    }

    private String fingerprintWithoutAttachedMails(String raw) throws Exception {
        try (ParsedMessage m = new MessageParserComponent(ParseLimits.DEFAULTS, dir)
                .parse(new ByteArrayInputStream(bytes(raw)), "message/rfc822", "mail.eml")) {
            assertThat(m.attachments()).extracting(ParsedAttachment::mediaType).containsExactly("message/rfc822");
            String fields = String.join("\n", m.from().toLowerCase(Locale.ROOT),
                    String.valueOf(m.sentAt().orElseThrow().getEpochSecond()), m.subject().strip(),
                    m.text().replaceAll("\\s+", " ").strip(), "");
            return "content-sha256:" + HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(bytes(fields)));
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private void drop(String resource, String fileName) {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Files.createDirectories(flow.importFolder());
            Files.copy(in, flow.importFolder().resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Activity> imported() {
        return flow.crm.activities().quicksearch(MailFlow.DEMO, Quicksearch.ALL_IMPORTED_MAILS, 100);
    }

    private List<String> documents(Activity activity) {
        return flow.crm.documents().list(MailFlow.DEMO, activity.id()).stream().map(Document::fileName).toList();
    }
}
