package io.liaison.shell.internal.mail;

import static io.liaison.shell.internal.CommandAssertions.error;
import static io.liaison.shell.internal.CommandAssertions.json;
import static io.liaison.shell.internal.CommandAssertions.output;
import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.crm.DocumentUpload;
import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityData;
import io.liaison.api.domain.ActivityId;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.Classification;
import io.liaison.api.domain.Document;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.NewDocument;
import io.liaison.api.mailimport.ImportCandidate;
import io.liaison.api.mailimport.ImportSelection;
import io.liaison.api.mailimport.MailImportService;
import io.liaison.api.mailimport.MessageInspection;
import io.liaison.api.runtime.SyncRun;
import io.liaison.crm.embedded.internal.JdbcHostCrm;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code liaison:mail-original} on the embedded CRM: shows the original, writes it, never overwrites by surprise. */
class MailOriginalCommandTest {
    private static final byte[] ORIGINAL = "Message-ID: <a@b>\r\nSubject: Angebot\r\n\r\nText\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;
    JdbcHostCrm crm;
    EmployeeId demo;
    Activity mail;

    @BeforeEach
    void setUp() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:original-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        crm = new JdbcHostCrm(ds);
        demo = crm.employees().findByLogin("demo").orElseThrow().id();
        mail = crm.createWithDocuments(demo, ActivityData.builder(ActivityType.MAIL_IN, demo).subject("Angebot").build(),
                Optional.of("a@b"), List.of(new DocumentUpload(new NewDocument("Angebot.eml", "message/rfc822",
                        new Classification("E-Mail", List.of())), () -> new ByteArrayInputStream(ORIGINAL))))
                .activity();
    }

    /** The mail import's answer for this test: the first document of the activity. */
    private MailImportService service() {
        return new MailImportService() {
            @Override public List<ImportCandidate> preview(AccountId account) { return List.of(); }
            @Override public SyncRun importMessages(AccountId account, ImportSelection selection) {
                throw new UnsupportedOperationException();
            }
            @Override public MessageInspection inspect(EmployeeId actor, InputStream raw, String type, String name) {
                throw new UnsupportedOperationException();
            }
            @Override public boolean isEditDocumentStepEnabled() { return true; }
            @Override public Optional<Document> original(EmployeeId actor, ActivityId activity) {
                return activity.equals(mail.id()) ? crm.documents().list(actor, activity).stream().findFirst()
                        : Optional.empty();
            }
        };
    }

    private MailOriginalCommand command(String activity) {
        MailOriginalCommand c = new MailOriginalCommand();
        c.mailImport = service();
        c.crm = crm;
        c.activity = activity;
        return c;
    }

    @Test
    void showsTheOriginalAndWritesItToAFile() throws Exception {
        assertThat(output(command(mail.id().value()))).contains("Angebot.eml", "message/rfc822",
                ORIGINAL.length + " bytes");

        MailOriginalCommand write = command(mail.id().value());
        write.outFile = dir.resolve("copy.eml").toString();
        assertThat(json(write).get("writtenTo").asText()).endsWith("copy.eml");
        assertThat(Files.readAllBytes(dir.resolve("copy.eml"))).isEqualTo(ORIGINAL);
    }

    @Test
    void anExistingFileIsNotOverwrittenWithoutForce() throws Exception {
        Path existing = Files.writeString(dir.resolve("mine.eml"), "mine");
        MailOriginalCommand write = command(mail.id().value());
        write.outFile = existing.toString();
        assertThat(error(write)).contains("exists", "--force");
        assertThat(Files.readString(existing)).isEqualTo("mine");

        write = command(mail.id().value());
        write.outFile = existing.toString();
        write.force = true;
        output(write);
        assertThat(Files.readAllBytes(existing)).isEqualTo(ORIGINAL);
    }

    @Test
    void anActivityWithoutOriginalSaysSo() {
        assertThat(error(command("424242"))).contains("activity 424242 has no stored original mail");
    }
}
