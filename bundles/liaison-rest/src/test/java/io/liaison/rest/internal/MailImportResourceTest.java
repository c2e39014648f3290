package io.liaison.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.liaison.api.domain.Classification;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.StatusKey;
import io.liaison.api.mailimport.AttachmentProposal;
import io.liaison.api.mailimport.ImportCandidate;
import io.liaison.api.mailimport.ImportSelection;
import io.liaison.api.runtime.AccountRequest;

/** {@code /api/mail-import/{account}}: the waiting messages, the import of chosen ones, bad input, two employees. */
class MailImportResourceTest {
    static ApiServer api;
    GroupwareAccount demos;
    GroupwareAccount annas;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiServer();
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    @BeforeEach
    void twoMessagesWaitingForDemo() {
        api.runtime.accounts.clear();
        api.mailImport = api.fakeMailImport;
        api.fakeMailImport.waiting.clear();
        api.fakeMailImport.imported.clear();
        api.fakeMailImport.editDocumentStep = true;
        demos = api.runtime.create(new AccountRequest(api.demo, "local", Map.of(), false, null, null, null));
        annas = api.runtime.create(new AccountRequest(api.anna, "local", Map.of(), false, null, null, null));
        api.fakeMailImport.waiting.put(demos.id(), List.of(
                new ImportCandidate("<offer-45@kunde.de>", "CRM Import", StatusKey.IMPORTED, "Angebot 45",
                        "anna.berger@kunde.de", Optional.of(Instant.parse("2026-11-24T08:15:00Z")),
                        List.of(new AttachmentProposal("angebot.pdf", "application/pdf", 48_213,
                                new Classification("Offer", List.of("Angebot", "45")))), List.of()),
                new ImportCandidate("<done@kunde.de>", "CRM Erledigt [E]", StatusKey.DONE, "Erledigt",
                        "info@kunde.de", Optional.empty(), List.of(), List.of("no sender address"))));
        api.fakeMailImport.waiting.put(annas.id(), List.of(new ImportCandidate("<annas@x.de>", "CRM Import",
                StatusKey.IMPORTED, "Annas", "x@x.de", Optional.empty(), List.of(), List.of())));
    }

    @Test
    void theWaitingMessagesComeWithTheirDocumentsProposalsAndProblems() {
        ApiServer.Answer a = api.get("demo", "mail-import/" + demos.id());
        assertThat(a.status()).as(a.toString()).isEqualTo(200);
        JsonNode preview = a.json();
        assertThat(preview.get("account").asText()).isEqualTo(demos.id().value());
        assertThat(preview.get("editDocumentStep").asBoolean()).isTrue();
        JsonNode offer = preview.get("messages").get(0);
        assertThat(offer.get("messageId").asText()).isEqualTo("<offer-45@kunde.de>");
        assertThat(offer.get("status").asText()).isEqualTo("I");
        assertThat(offer.get("date").asText()).isEqualTo("2026-11-24T08:15:00Z");
        JsonNode document = offer.get("documents").get(0);
        assertThat(document.get("fileName").asText()).isEqualTo("angebot.pdf");
        assertThat(document.get("size").asLong()).isEqualTo(48_213);
        assertThat(document.get("category").asText()).isEqualTo("Offer");
        assertThat(document.get("keywords").toString()).isEqualTo("[\"Angebot\",\"45\"]");
        JsonNode done = preview.get("messages").get(1);
        assertThat(done.get("status").asText()).isEqualTo("E");
        assertThat(done.has("date")).isFalse();
        assertThat(done.get("problems").get(0).asText()).isEqualTo("no sender address");
    }

    @Test
    void anotherEmployeesImportFoldersAreNotFound() {
        assertThat(api.get("demo", "mail-import/" + annas.id()).status()).isEqualTo(404);
        ApiServer.Answer a = api.send("demo", "POST", "mail-import/" + annas.id(), "{}");
        assertThat(a.status()).isEqualTo(404);
        assertThat(api.fakeMailImport.imported).isEmpty();
        assertThat(api.get("anna", "mail-import/" + annas.id()).json().get("messages")).hasSize(1);
        assertThat(api.get("boss", "mail-import/" + demos.id()).json().get("messages")).hasSize(2);
        assertThat(api.get("demo", "mail-import/no-such-account").status()).isEqualTo(404);
    }

    @Test
    void theChosenMessagesAreImportedWithTheirDocumentsClassification() {
        ApiServer.Answer a = api.send("demo", "POST", "mail-import/" + demos.id(),
                "{\"messages\":[\"<offer-45@kunde.de>\"],\"documents\":{\"<offer-45@kunde.de>\":"
                        + "{\"angebot.pdf\":{\"category\":\" Contract \",\"keywords\":[\"Vertrag\",\" \",\"Vertrag\"]}}}}");
        assertThat(a.status()).as(a.toString()).isEqualTo(201);
        assertThat(a.json().get("id").asText()).startsWith("mail-run-");
        assertThat(a.response().headers().firstValue("Location").orElseThrow())
                .endsWith("/liaison/api/runs/" + a.json().get("id").asText());
        ImportSelection selection = api.fakeMailImport.imported.get(demos.id());
        assertThat(selection.messageIds()).containsExactly("<offer-45@kunde.de>");
        assertThat(selection.classifications().get("<offer-45@kunde.de>").get("angebot.pdf"))
                .isEqualTo(new Classification("Contract", List.of("Vertrag")));
    }

    @Test
    void noMessagesNamedImportsEveryOneAsTheServiceDecides() {
        ApiServer.Answer a = api.send("demo", "POST", "mail-import/" + demos.id(), "{}");
        assertThat(a.status()).as(a.toString()).isEqualTo(201);
        assertThat(api.fakeMailImport.imported.get(demos.id())).isEqualTo(ImportSelection.all());
    }

    @Test
    void aStaleOrWrongChoiceIsAProblemNamingTheField() {
        ApiServer.Answer unknown = api.send("demo", "POST", "mail-import/" + demos.id(),
                "{\"messages\":[\"<offer-45@kunde.de>\",\"<annas@x.de>\"]}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().get("field").asText()).isEqualTo("messages[1]");
        ApiServer.Answer file = api.send("demo", "POST", "mail-import/" + demos.id(),
                "{\"documents\":{\"<offer-45@kunde.de>\":{\"other.pdf\":{\"category\":\"Offer\"}}}}");
        assertThat(file.status()).isEqualTo(400);
        assertThat(file.json().get("field").asText()).isEqualTo("documents.<offer-45@kunde.de>.other.pdf");
        ApiServer.Answer notAList = api.send("demo", "POST", "mail-import/" + demos.id(), "{\"messages\":7}");
        assertThat(notAList.status()).isEqualTo(400);
        ApiServer.Answer malformed = api.send("demo", "POST", "mail-import/" + demos.id(), "{\"messages\":[");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(api.fakeMailImport.imported).isEmpty();
    }

    @Test
    void documentsAreRefusedWhileTheAdministratorSwitchedTheStepOff() {
        api.fakeMailImport.editDocumentStep = false;
        assertThat(api.get("demo", "mail-import/" + demos.id()).json().get("editDocumentStep").asBoolean()).isFalse();
        ApiServer.Answer a = api.send("demo", "POST", "mail-import/" + demos.id(),
                "{\"documents\":{\"<offer-45@kunde.de>\":{\"angebot.pdf\":{\"category\":\"Offer\"}}}}");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().get("field").asText()).isEqualTo("documents");
        assertThat(api.fakeMailImport.imported).isEmpty();
    }

    @Test
    void withoutTheMailImportItsResourcesAnswer503AndTheRestWorks() {
        api.mailImport = null;
        ApiServer.Answer a = api.get("demo", "mail-import/" + demos.id());
        assertThat(a.status()).isEqualTo(503);
        assertThat(a.json().get("detail").asText()).contains("liaison-mail-import");
        assertThat(api.get("demo", "accounts").status()).isEqualTo(200);
    }
}
