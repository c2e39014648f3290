package io.liaison.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityData;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.BusinessPartnerId;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.MailDetails;
import io.liaison.api.domain.StatusKey;

/**
 * {@code GET /api/activities?quicksearch=...}: the spec's three quicksearches for imported mails over the embedded
 * CRM, paged, each employee seeing their own. Demo has 60 untouched imported mails (one assigned to a partner), 3
 * done ones (status E) and a task; Anna has 2 imported mails.
 */
class QuicksearchTest {
    static ApiServer api;
    static final List<Activity> demosUntouched = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        api = new ApiServer();
        BusinessPartnerId partner = api.hostCrm.businessPartners().create(api.demo, "Kunde GmbH", List.of("kunde.de"))
                .id();
        for (int i = 0; i < 60; i++) {
            demosUntouched.add(mail(api.demo, "mail " + i, StatusKey.IMPORTED, i == 7 ? partner : null));
        }
        for (int i = 0; i < 3; i++) {
            mail(api.demo, "done " + i, StatusKey.DONE, null);
        }
        api.hostCrm.activities().create(api.demo, ActivityData.builder(ActivityType.TASK, api.demo)
                .subject("call back").build(), Optional.empty());
        mail(api.anna, "anna 1", StatusKey.IMPORTED, null);
        mail(api.anna, "anna 2", StatusKey.IMPORTED, null);
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    private static Activity mail(EmployeeId owner, String subject, StatusKey status, BusinessPartnerId partner) {
        String key = "<" + UUID.randomUUID() + "@kunde.de>";
        return api.hostCrm.activities().create(owner, ActivityData.builder(ActivityType.MAIL_IN, owner)
                .subject(subject).status(status).businessPartner(partner)
                .mail(new MailDetails(key, Optional.empty(), List.of(), "anna.berger@kunde.de", "Anna Berger",
                        List.of(), List.of(), Optional.of(Instant.parse("2026-11-24T08:15:00Z")), Optional.empty()))
                .build(), Optional.of(key));
    }

    @Test
    void theImportedMailsAreTheDefaultAndComeInPages() {
        JsonNode first = api.get("demo", "activities").json();
        assertThat(first.get("offset").asInt()).isZero();
        assertThat(first.get("limit").asInt()).isEqualTo(50);
        assertThat(first.get("items")).hasSize(50);
        assertThat(first.get("more").asBoolean()).isTrue();
        JsonNode row = first.get("items").get(0);
        assertThat(row.get("type").asText()).isEqualTo("MAILIN");
        assertThat(row.get("status").asText()).isEqualTo("I");
        assertThat(row.get("from").asText()).isEqualTo("anna.berger@kunde.de");
        assertThat(row.get("owner").asText()).isEqualTo(api.demo.value());

        JsonNode second = api.get("demo", "activities?quicksearch=IMPORTED_MAILS&offset=50&limit=50").json();
        assertThat(second.get("items")).hasSize(10);
        assertThat(second.get("more").asBoolean()).isFalse();
        List<String> ids = new ArrayList<>();
        first.get("items").forEach(a -> ids.add(a.get("id").asText()));
        second.get("items").forEach(a -> ids.add(a.get("id").asText()));
        assertThat(ids).containsExactlyInAnyOrderElementsOf(demosUntouched.stream().map(a -> a.id().value()).toList());

        JsonNode exact = api.get("demo", "activities?offset=40&limit=20").json();
        assertThat(exact.get("items")).hasSize(20);
        assertThat(exact.get("more").asBoolean()).isFalse();
    }

    @Test
    void theOtherTwoQuicksearches() {
        JsonNode all = api.get("demo", "activities?quicksearch=ALL_IMPORTED_MAILS&limit=500").json();
        assertThat(all.get("items")).hasSize(63);
        JsonNode unassigned = api.get("demo", "activities?quicksearch=not_assigned_imported_mails&limit=500").json();
        assertThat(unassigned.get("items")).hasSize(62);
        unassigned.get("items").forEach(a -> assertThat(a.has("businessPartner")).isFalse());
    }

    @Test
    void eachEmployeeSeesTheirOwnMails() {
        JsonNode annas = api.get("anna", "activities?quicksearch=ALL_IMPORTED_MAILS").json();
        assertThat(annas.get("items")).hasSize(2);
        annas.get("items").forEach(a -> assertThat(a.get("owner").asText()).isEqualTo(api.anna.value()));
        assertThat(api.get("boss", "activities").status()).isEqualTo(403);
    }

    @Test
    void badParametersAreProblemsNamingThem() {
        ApiServer.Answer name = api.get("demo", "activities?quicksearch=EVERYTHING");
        assertThat(name.status()).isEqualTo(400);
        assertThat(name.contentType()).startsWith("application/problem+json");
        assertThat(name.json().get("field").asText()).isEqualTo("quicksearch");
        assertThat(api.get("demo", "activities?limit=0").json().get("field").asText()).isEqualTo("limit");
        assertThat(api.get("demo", "activities?offset=-1").json().get("field").asText()).isEqualTo("offset");
        assertThat(api.get("demo", "activities?offset=10001").json().get("field").asText()).isEqualTo("offset");
    }

    @Test
    void withoutACrmTheQuicksearchesAnswer503() {
        try {
            api.crm = null;
            // an administrator passes Access without a CRM; the quicksearch itself needs one
            assertThat(api.get("demo", "activities").status()).isEqualTo(503);
        } finally {
            api.crm = api.hostCrm;
        }
    }
}
