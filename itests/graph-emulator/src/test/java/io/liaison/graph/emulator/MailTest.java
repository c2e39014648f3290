package io.liaison.graph.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.liaison.graph.emulator.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

class MailTest extends MailboxTestSupport {

    static final String UPN = "carla@contoso.com";

    MailTest() {
        super(UPN);
    }

    static byte[] mime(int i) {
        return ("From: \"Dora Diaz\" <dora@example.com>\r\nTo: carla@contoso.com, \"Eve\" <eve@example.com>\r\n"
                + "Subject: =?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(("Offer nº " + i).getBytes(StandardCharsets.UTF_8)) + "?=\r\n"
                + "Date: Tue, 5 Mar 2024 10:15:00 +0100\r\nMessage-ID: <m" + i + "@example.com>\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\nHello " + i + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Messages keep If-Match: a stale change key is 412 ErrorIrresolvableConflict, as Graph answers for messages. */
    @Test
    void ifMatchWithAStaleChangeKeyAnswers412ForMessages() throws Exception {
        String id = mailbox.addMessage(mailbox.folderId("inbox"), mime(1));
        String etag = json(client.get("/users/" + UPN + "/messages/" + id)).get("@odata.etag").asText();
        assertThat(client.send("PATCH", "/users/" + UPN + "/messages/" + id, Map.of("isRead", true), "If-Match", etag)
                .statusCode()).isEqualTo(200);
        HttpResponse<String> stale = client.send("PATCH", "/users/" + UPN + "/messages/" + id, Map.of("isRead", false),
                "If-Match", etag);
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(json(stale).get("error").get("code").asText()).isEqualTo("ErrorIrresolvableConflict");
        assertThat(client.send("DELETE", "/users/" + UPN + "/messages/" + id, null, "If-Match", etag).statusCode()).isEqualTo(412);
    }

    /** Follows nextLinks to the deltaLink; returns [items..., deltaLink]. */
    List<JsonNode> round(String first, List<String> deltaLinkOut, int[] pages) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        String url = first;
        while (true) {
            HttpResponse<String> r = client.get(url, "Prefer", "IdType=\"ImmutableId\", odata.maxpagesize=10");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            pages[0]++;
            JsonNode body = json(r);
            body.get("value").forEach(items::add);
            if (body.has("@odata.nextLink")) {
                assertThat(body.has("@odata.deltaLink")).isFalse();
                url = body.get("@odata.nextLink").asText();
            } else {
                deltaLinkOut.add(body.get("@odata.deltaLink").asText());
                return items;
            }
        }
    }

    @Test
    void messagesDeltaPagesAndReportsChangesAndRemovals() throws Exception {
        String importFolder = mailbox.createFolder(mailbox.folderId("inbox"), "Import folder");
        String offers = mailbox.createFolder(importFolder, "CRM Offers [E]");
        assertThat(mailbox.folderId("inbox/Import folder/CRM Offers [E]")).isEqualTo(offers);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            ids.add(mailbox.addMessage(offers, mime(i)));
        }
        List<String> links = new ArrayList<>();
        int[] pages = {0};
        List<JsonNode> initial = round("/users/" + UPN + "/mailFolders/" + offers + "/messages/delta?$select=subject,from,receivedDateTime", links, pages);
        assertThat(pages[0]).isEqualTo(3);
        assertThat(initial).hasSize(25);
        assertThat(initial.get(0).get("subject").asText()).isEqualTo("Offer nº 0");
        assertThat(initial.get(0).get("from").get("emailAddress").get("address").asText()).isEqualTo("dora@example.com");
        assertThat(initial.get(0).has("body")).isFalse();
        assertThat(initial.get(0).get("@odata.etag").asText()).startsWith("W/\"");

        // unchanged: one request, nothing
        pages[0] = 0;
        List<String> links2 = new ArrayList<>();
        assertThat(round(links.get(0), links2, pages)).isEmpty();
        assertThat(pages[0]).isEqualTo(1);

        // a move out (immutable id kept), a deletion, a change, an addition
        HttpResponse<String> moved = client.send("POST", "/users/" + UPN + "/messages/" + ids.get(1) + "/move",
                Map.of("destinationId", "archive"));
        assertThat(moved.statusCode()).isEqualTo(201);
        assertThat(json(moved).get("id").asText()).isEqualTo(ids.get(1));
        assertThat(json(moved).get("parentFolderId").asText()).isEqualTo(mailbox.folderId("archive"));
        mailbox.remove(ids.get(2));
        mailbox.touch(ids.get(3));
        String added = mailbox.addMessage(offers, mime(99));
        List<JsonNode> changes = round(links2.get(0), new ArrayList<>(), pages);
        Set<String> removed = new HashSet<>();
        Set<String> changed = new HashSet<>();
        for (JsonNode c : changes) {
            if (c.has("@removed")) {
                assertThat(c.get("@removed").get("reason").asText()).isEqualTo("deleted");
                removed.add(c.get("id").asText());
            } else {
                changed.add(c.get("id").asText());
            }
        }
        assertThat(removed).containsExactlyInAnyOrder(ids.get(1), ids.get(2));
        assertThat(changed).containsExactlyInAnyOrder(ids.get(3), added);
    }

    @Test
    void expiredDeltaTokensAnswer410SyncStateNotFound() throws Exception {
        String inbox = mailbox.folderId("inbox");
        for (int i = 0; i < 12; i++) {
            mailbox.addMessage(inbox, mime(i));
        }
        HttpResponse<String> first = client.get("/users/" + UPN + "/mailFolders/inbox/messages/delta");
        String next = json(first).get("@odata.nextLink").asText();
        emulator.faults().expireDeltaTokens();
        HttpResponse<String> gone = client.get(next);
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(json(gone).get("error").get("code").asText()).isEqualTo("SyncStateNotFound");
        // a full re-read works again
        List<String> links = new ArrayList<>();
        assertThat(round("/users/" + UPN + "/mailFolders/inbox/messages/delta", links, new int[1])).hasSize(12);
        assertThat(client.get(links.get(0)).statusCode()).isEqualTo(200);
    }

    @Test
    void rawMimeFoldersAndPaging() throws Exception {
        String id = mailbox.addMessage("inbox", mime(7));
        HttpResponse<String> raw = client.get("/users/" + UPN + "/messages/" + id + "/$value");
        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.headers().firstValue("Content-Type")).hasValue("text/plain");
        assertThat(raw.body()).contains("Message-ID: <m7@example.com>");

        JsonNode msg = json(client.get("/users/" + UPN + "/messages/" + id));
        assertThat(msg.get("internetMessageId").asText()).isEqualTo("<m7@example.com>");
        assertThat(msg.get("toRecipients")).hasSize(2);
        assertThat(msg.get("receivedDateTime").asText()).isEqualTo("2024-03-05T09:15:00Z");

        HttpResponse<String> folders = client.get("/users/" + UPN + "/mailFolders?$top=3");
        assertThat(json(folders).get("value")).hasSize(3);
        assertThat(json(folders).get("@odata.nextLink").asText()).contains("$skip=3");
        JsonNode rest = json(client.get(json(folders).get("@odata.nextLink").asText()));
        assertThat(rest.get("value")).hasSize(3);

        HttpResponse<String> created = client.send("POST", "/users/" + UPN + "/mailFolders/inbox/childFolders", Map.of("displayName", "Sub"));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json(created).get("parentFolderId").asText()).isEqualTo(mailbox.folderId("inbox"));
        assertThat(client.send("POST", "/users/" + UPN + "/mailFolders/inbox/childFolders", Map.of("displayName", "Sub")).statusCode()).isEqualTo(409);
    }
}
