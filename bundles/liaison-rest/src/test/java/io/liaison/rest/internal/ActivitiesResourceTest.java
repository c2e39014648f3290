package io.liaison.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityData;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.Classification;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.MailDetails;
import io.liaison.api.domain.NewDocument;

/** {@code /api/activities/{id}/original}: the stored original of an imported mail, as a file to save. */
class ActivitiesResourceTest {
    static final String EML = "From: Anna Berger <anna.berger@kunde.de>\r\nSubject: Angebot 45\r\n"
            + "Message-ID: <offer-45@kunde.de>\r\n\r\nSehr geehrte Damen und Herren,\r\n";
    static ApiServer api;
    Activity demosMail;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiServer();
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    @BeforeEach
    void anImportedMail() {
        api.mailImport = api.fakeMailImport;
        api.crm = api.hostCrm;
        demosMail = importedMail(api.demo, "Angebot 45 – Müller \"final\".eml", false);
    }

    private static Activity importedMail(EmployeeId owner, String fileName, boolean privateActivity) {
        String key = "<" + System.nanoTime() + "@kunde.de>";
        Activity mail = api.hostCrm.activities().create(owner, ActivityData.builder(ActivityType.MAIL_IN, owner)
                .subject("Angebot 45").privateActivity(privateActivity)
                .mail(new MailDetails(key, Optional.empty(), List.of(), "anna.berger@kunde.de", "Anna Berger",
                        List.of(), List.of(), Optional.of(Instant.parse("2026-11-24T08:15:00Z")), Optional.empty()))
                .build(), Optional.of(key));
        api.hostCrm.documents().attach(owner, mail.id(), new NewDocument(fileName, "message/rfc822",
                Classification.NONE), new ByteArrayInputStream(EML.getBytes(StandardCharsets.UTF_8)));
        return mail;
    }

    @Test
    void theOriginalIsTheStoredFileAsAnAttachmentWithItsNameAndType() {
        ApiServer.Answer a = api.get("demo", "activities/" + demosMail.id().value() + "/original");
        assertThat(a.status()).as(a.toString()).isEqualTo(200);
        assertThat(a.contentType()).startsWith("message/rfc822");
        assertThat(a.body()).isEqualTo(EML);
        // RFC 6266 section 4.3/5: an ASCII filename for old agents and the exact name as RFC 8187 filename*
        assertThat(a.response().headers().firstValue("Content-Disposition").orElseThrow()).isEqualTo(
                "attachment; filename=\"Angebot 45 _ M_ller _final_.eml\"; "
                        + "filename*=UTF-8''Angebot%2045%20%E2%80%93%20M%C3%BCller%20%22final%22.eml");
        assertThat(a.response().headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void anotherEmployeesPrivateMailHasNoOriginalForTheCaller() {
        Activity annas = importedMail(api.anna, "private.eml", true);
        ApiServer.Answer a = api.get("demo", "activities/" + annas.id().value() + "/original");
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.body()).doesNotContain("Sehr geehrte");
        assertThat(api.get("anna", "activities/" + annas.id().value() + "/original").status()).isEqualTo(200);
    }

    @Test
    void anUnknownActivityOrOneWithoutOriginalIsNotFound() {
        assertThat(api.get("demo", "activities/999999/original").status()).isEqualTo(404);
        Activity task = api.hostCrm.activities().create(api.demo,
                ActivityData.builder(ActivityType.TASK, api.demo).subject("call back").build(), Optional.empty());
        ApiServer.Answer a = api.get("demo", "activities/" + task.id().value() + "/original");
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.json().get("detail").asText()).contains("no stored original");
    }

    @Test
    void anAdministratorWithoutEmployeeAndAMissingModuleAreProblems() {
        assertThat(api.get("boss", "activities/" + demosMail.id().value() + "/original").status()).isEqualTo(403);
        api.mailImport = null;
        assertThat(api.get("demo", "activities/" + demosMail.id().value() + "/original").status()).isEqualTo(503);
    }
}
