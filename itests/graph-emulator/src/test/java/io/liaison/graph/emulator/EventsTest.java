package io.liaison.graph.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.liaison.graph.emulator.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

class EventsTest extends MailboxTestSupport {

    static final String UPN = "dan@contoso.com";

    EventsTest() {
        super(UPN);
    }

    static Map<String, Object> event(String subject, String start, String end, String tz) {
        return Map.of("subject", subject, "start", Map.of("dateTime", start, "timeZone", tz),
                "end", Map.of("dateTime", end, "timeZone", tz),
                "attendees", List.of(Map.of("emailAddress", Map.of("address", "x@example.com", "name", "X"), "type", "required")));
    }

    @Test
    void transactionIdCreatesTheEventOnce() throws Exception {
        Map<String, Object> body = new java.util.HashMap<>(event("Offer call", "2024-05-02T10:00:00", "2024-05-02T11:00:00", "W. Europe Standard Time"));
        body.put("transactionId", "tx-1");
        HttpResponse<String> a = client.send("POST", "/users/" + UPN + "/events", body);
        HttpResponse<String> b = client.send("POST", "/users/" + UPN + "/events", body);
        assertThat(a.statusCode()).isEqualTo(201);
        assertThat(json(a).get("id").asText()).isEqualTo(json(b).get("id").asText());
        JsonNode e = json(a);
        assertThat(e.get("type").asText()).isEqualTo("singleInstance");
        assertThat(e.get("start").get("timeZone").asText()).isEqualTo("UTC");
        assertThat(e.get("start").get("dateTime").asText()).isEqualTo("2024-05-02T08:00:00.0000000");
        assertThat(e.get("attendees").get(0).get("status").get("response").asText()).isEqualTo("none");
        JsonNode local = json(client.get("/users/" + UPN + "/events/" + e.get("id").asText(),
                "Prefer", "outlook.timezone=\"Pacific Standard Time\", IdType=\"ImmutableId\""));
        assertThat(local.get("start").get("dateTime").asText()).isEqualTo("2024-05-02T01:00:00.0000000");
        assertThat(local.get("start").get("timeZone").asText()).isEqualTo("Pacific Standard Time");
        assertThat(json(client.get("/users/" + UPN + "/events")).get("value")).hasSize(1);
    }

    /** A test can tell which properties each PATCH carried. */
    @Test
    void recordsThePropertiesOfEachPatch() throws Exception {
        String id = json(client.send("POST", "/users/" + UPN + "/events", event("A", "2024-05-02T10:00:00", "2024-05-02T11:00:00", "UTC")))
                .get("id").asText();
        client.send("PATCH", "/users/" + UPN + "/events/" + id, Map.of("subject", "B"));
        client.send("PATCH", "/users/" + UPN + "/events/" + id, Map.of("subject", "C", "body", Map.of("contentType", "text", "content", "x")));

        assertThat(mailbox.patches(id)).containsExactly(java.util.Set.of("subject"), java.util.Set.of("subject", "body"));
    }

    /**
     * "Update event" (https://learn.microsoft.com/en-us/graph/api/event-update, "body property and online meetings"):
     * a body that drops the meeting blob disables the online meeting; one that keeps it keeps the meeting.
     */
    @Test
    void aBodyWithoutTheMeetingBlobDisablesTheOnlineMeeting() throws Exception {
        Map<String, Object> meeting = new java.util.HashMap<>(event("Call", "2024-05-02T10:00:00", "2024-05-02T11:00:00", "UTC"));
        meeting.put("isOnlineMeeting", true);
        meeting.put("body", Map.of("contentType", "html", "content", "Agenda"));
        String id = mailbox.addEvent(meeting);
        JsonNode html = json(client.get("/users/" + UPN + "/events/" + id));
        String joinUrl = html.get("onlineMeeting").get("joinUrl").asText();
        String content = html.get("body").get("content").asText();
        assertThat(content).startsWith("Agenda").contains("Join the meeting now", joinUrl.replace("&", "&amp;"));
        assertThat(json(client.get("/users/" + UPN + "/events/" + id, "Prefer", "outlook.body-content-type=\"text\""))
                .get("body").get("content").asText()).startsWith("Agenda").contains("____", "Join the meeting now");

        client.send("PATCH", "/users/" + UPN + "/events/" + id,
                Map.of("body", Map.of("contentType", "html", "content", content.replace("Agenda", "New agenda"))));
        assertThat(json(client.get("/users/" + UPN + "/events/" + id)).get("isOnlineMeeting").asBoolean()).isTrue();

        client.send("PATCH", "/users/" + UPN + "/events/" + id, Map.of("body", Map.of("contentType", "text", "content", "New agenda")));
        JsonNode dropped = json(client.get("/users/" + UPN + "/events/" + id));
        assertThat(dropped.get("isOnlineMeeting").asBoolean()).isFalse();
        assertThat(dropped.get("onlineMeeting").isNull()).isTrue();
    }

    /** "Update event" and "Delete event" document no If-Match: a stale one changes nothing (issue 18, point 4). */
    @Test
    void ifMatchIsIgnoredOnEvents() throws Exception {
        JsonNode e = json(client.send("POST", "/users/" + UPN + "/events", event("A", "2024-05-02T10:00:00", "2024-05-02T11:00:00", "UTC")));
        String id = e.get("id").asText();
        String etag = e.get("@odata.etag").asText();
        HttpResponse<String> ok = client.send("PATCH", "/users/" + UPN + "/events/" + id, Map.of("subject", "B"), "If-Match", etag);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(json(ok).get("changeKey").asText()).isNotEqualTo(e.get("changeKey").asText());
        HttpResponse<String> stale = client.send("PATCH", "/users/" + UPN + "/events/" + id, Map.of("subject", "C"), "If-Match", etag);
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(mailbox.item(id).get("subject")).isEqualTo("C");
        assertThat(client.send("DELETE", "/users/" + UPN + "/events/" + id, null, "If-Match", etag).statusCode()).isEqualTo(204);
    }

    @Test
    void calendarViewDeltaExpandsADailySeriesAndReportsRemovals() throws Exception {
        Map<String, Object> series = new java.util.HashMap<>(event("Standup", "2024-06-03T09:00:00", "2024-06-03T09:15:00", "W. Europe Standard Time"));
        series.put("recurrence", Map.of("pattern", Map.of("type", "daily", "interval", 1),
                "range", Map.of("type", "numbered", "startDate", "2024-06-03", "numberOfOccurrences", 5)));
        String master = mailbox.addEvent(series);
        String single = mailbox.addEvent(event("Lunch", "2024-06-04T12:00:00", "2024-06-04T13:00:00", "UTC"));
        mailbox.addEvent(event("Outside", "2024-08-04T12:00:00", "2024-08-04T13:00:00", "UTC"));
        String url = "/users/" + UPN + "/calendarView/delta?startDateTime=2024-06-01T00:00:00Z&endDateTime=2024-06-30T00:00:00Z";
        List<JsonNode> items = new ArrayList<>();
        String deltaLink = null;
        int pages = 0;
        while (deltaLink == null) {
            JsonNode page = json(client.get(url, "Prefer", "odata.maxpagesize=4"));
            pages++;
            page.get("value").forEach(items::add);
            if (page.has("@odata.nextLink")) {
                url = page.get("@odata.nextLink").asText();
            } else {
                deltaLink = page.get("@odata.deltaLink").asText();
            }
        }
        assertThat(pages).isEqualTo(2);
        assertThat(items).hasSize(6);
        assertThat(items.stream().filter(i -> i.get("type").asText().equals("occurrence")).count()).isEqualTo(5);
        JsonNode occ = items.stream().filter(i -> i.get("type").asText().equals("occurrence")).findFirst().orElseThrow();
        assertThat(occ.get("seriesMasterId").asText()).isEqualTo(master);
        assertThat(json(client.get("/users/" + UPN + "/events/" + occ.get("id").asText())).get("subject").asText()).isEqualTo("Standup");

        mailbox.remove(single);
        assertThat(client.send("DELETE", "/users/" + UPN + "/events/" + occ.get("id").asText(), null).statusCode()).isEqualTo(204);
        JsonNode next = json(client.get(deltaLink));
        List<String> removed = new ArrayList<>();
        next.get("value").forEach(v -> {
            if (v.has("@removed")) {
                removed.add(v.get("id").asText());
            }
        });
        assertThat(removed).containsExactlyInAnyOrder(single, occ.get("id").asText());
        assertThat(next.has("@odata.deltaLink")).isTrue();
    }

    /**
     * "event: delta" (https://learn.microsoft.com/en-us/graph/api/event-delta, Response): {@code @removed} with reason
     * {@code deleted} is also returned for events outside the requested range that were added, updated or deleted;
     * the client filters them by date. A change inside the range is reported as a change.
     */
    @Test
    void calendarViewDeltaReportsChangesOutsideItsRangeAsRemoved() throws Exception {
        String inside = mailbox.addEvent(event("Inside", "2024-06-04T12:00:00", "2024-06-04T13:00:00", "UTC"));
        String updatedOutside = mailbox.addEvent(event("Later", "2024-08-04T12:00:00", "2024-08-04T13:00:00", "UTC"));
        String deletedOutside = mailbox.addEvent(event("Earlier", "2024-04-04T12:00:00", "2024-04-04T13:00:00", "UTC"));
        String untouchedOutside = mailbox.addEvent(event("Untouched", "2024-09-04T12:00:00", "2024-09-04T13:00:00", "UTC"));
        JsonNode first = json(client.get("/users/" + UPN + "/calendarView/delta?startDateTime=2024-06-01T00:00:00Z&endDateTime=2024-06-30T00:00:00Z"));
        assertThat(first.get("value")).extracting(v -> v.get("id").asText()).containsExactly(inside);

        String addedOutside = json(client.send("POST", "/users/" + UPN + "/events",
                event("Added later", "2024-07-10T12:00:00", "2024-07-10T13:00:00", "UTC"))).get("id").asText();
        assertThat(client.send("PATCH", "/users/" + UPN + "/events/" + updatedOutside, Map.of("subject", "Later, renamed")).statusCode()).isEqualTo(200);
        assertThat(client.send("DELETE", "/users/" + UPN + "/events/" + deletedOutside, null).statusCode()).isEqualTo(204);
        assertThat(client.send("PATCH", "/users/" + UPN + "/events/" + inside, Map.of("subject", "Inside, renamed")).statusCode()).isEqualTo(200);

        JsonNode next = json(client.get(first.get("@odata.deltaLink").asText()));
        Map<String, String> removed = new java.util.HashMap<>();
        List<String> changed = new ArrayList<>();
        next.get("value").forEach(v -> {
            if (v.has("@removed")) {
                removed.put(v.get("id").asText(), v.get("@removed").get("reason").asText());
            } else {
                changed.add(v.get("id").asText());
            }
        });
        assertThat(removed).containsOnlyKeys(addedOutside, updatedOutside, deletedOutside).containsValue("deleted")
                .doesNotContainValue("changed");
        assertThat(changed).containsExactly(inside);
        assertThat(removed).doesNotContainKey(untouchedOutside);
        assertThat(json(client.get("/users/" + UPN + "/events/" + updatedOutside)).get("subject").asText()).isEqualTo("Later, renamed");
    }

    @Test
    void allDayEventsMustStartAndEndAtMidnight() throws Exception {
        Map<String, Object> bad = new java.util.HashMap<>(event("Holiday", "2024-06-03T09:00:00", "2024-06-04T00:00:00", "UTC"));
        bad.put("isAllDay", true);
        assertThat(client.send("POST", "/users/" + UPN + "/events", bad).statusCode()).isEqualTo(400);
        Map<String, Object> good = new java.util.HashMap<>(event("Holiday", "2024-06-03T00:00:00", "2024-06-04T00:00:00", "W. Europe Standard Time"));
        good.put("isAllDay", true);
        JsonNode e = json(client.send("POST", "/users/" + UPN + "/events", good));
        assertThat(e.get("start").get("dateTime").asText()).isEqualTo("2024-06-03T00:00:00.0000000");
    }
}
