package io.liaison.graph.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.graph.emulator.Exchange.GraphError;
import io.liaison.graph.emulator.Exchange.Req;
import io.liaison.graph.emulator.Exchange.Resp;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.liaison.graph.emulator.Exchange.JSON;

/** The {@code /_emulator/...} endpoints: seeding, faults and stats over HTTP (no authentication). */
final class AdminApi {

    private final GraphEmulator emulator;

    AdminApi(GraphEmulator emulator) {
        this.emulator = emulator;
    }

    Resp handle(Req req) {
        List<String> seg = new ArrayList<>();
        for (String s : req.path().substring("/_emulator/".length()).split("/")) {
            if (!s.isEmpty()) {
                seg.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        try {
            return route(req, seg);
        } catch (IllegalArgumentException e) {
            return new GraphError(400, "BadRequest", e.getMessage()).toResp();
        }
    }

    @SuppressWarnings("unchecked")
    private Resp route(Req req, List<String> s) {
        String m = req.method();
        int n = s.size();
        if (n == 0) {
            throw new IllegalArgumentException("no such emulator endpoint");
        }
        switch (s.get(0)) {
            case "applications" -> {
                if (n == 1 && m.equals("POST")) {
                    JsonNode b = req.json();
                    emulator.registerApplication(required(b, "tenantId"), required(b, "clientId"), required(b, "clientSecret"));
                    return Resp.empty(204);
                }
            }
            case "delegated-users" -> {
                if (n == 1 && m.equals("POST")) {
                    JsonNode b = req.json();
                    String rt = emulator.registerDelegatedUser(required(b, "tenantId"), required(b, "clientId"), required(b, "userPrincipalName"));
                    return ok(JSON.createObjectNode().put("refreshToken", rt));
                }
            }
            case "devicecodes" -> {
                if (n == 3 && s.get(2).equals("approve") && m.equals("POST")) {
                    emulator.approveDeviceCode(s.get(1), required(req.json(), "userPrincipalName"));
                    return Resp.empty(204);
                }
            }
            case "faults" -> {
                if (n == 1 && m.equals("POST")) {
                    applyFaults(req.json());
                    return Resp.empty(204);
                }
            }
            case "stats" -> {
                if (n == 1 && m.equals("GET")) {
                    return ok(JSON.createObjectNode().put("tokenRequests", emulator.stats().tokenRequests()));
                }
                if (n == 2 && s.get(1).equals("reset") && m.equals("POST")) {
                    emulator.stats().reset();
                    return Resp.empty(204);
                }
                if (n == 2 && m.equals("GET")) {
                    Stats st = emulator.stats();
                    String upn = s.get(1);
                    ObjectNode o = JSON.createObjectNode();
                    o.put("tokenRequests", st.tokenRequests());
                    o.put("requests", st.requests(upn));
                    o.put("batchSubRequests", st.batchSubRequests(upn));
                    o.put("maxConcurrent", st.maxConcurrent(upn));
                    o.put("throttled", st.throttled(upn));
                    o.put("runningAtOutlook", st.runningAtOutlook(upn));
                    o.put("requestsWithoutImmutableIdPreference", st.requestsWithoutImmutableIdPreference(upn));
                    o.set("requestsByKind", JSON.valueToTree(st.requestsByKind(upn)));
                    return ok(o);
                }
            }
            case "mailboxes" -> {
                if (n >= 2) {
                    return mailbox(req, emulator.mailbox(s.get(1)), s.subList(2, n));
                }
            }
            default -> {
            }
        }
        throw new IllegalArgumentException("no emulator endpoint " + m + " /_emulator/" + String.join("/", s));
    }

    @SuppressWarnings("unchecked")
    private Resp mailbox(Req req, Mailbox mb, List<String> s) {
        String m = req.method();
        int n = s.size();
        if (n == 0 && (m.equals("POST") || m.equals("GET"))) {
            ObjectNode o = JSON.createObjectNode();
            o.put("userId", mb.userId()).put("userPrincipalName", mb.userPrincipalName());
            ObjectNode folders = o.putObject("folders");
            for (String wk : List.of("msgfolderroot", "inbox", "drafts", "sentitems", "deleteditems", "archive", "junkemail", "outbox",
                    "calendar", "contacts", "tasks")) {
                folders.put(wk, mb.folderId(wk));
            }
            return ok(o);
        }
        String what = s.get(0);
        if (what.equals("folder-id") && n == 1 && m.equals("GET")) {
            return ok(JSON.createObjectNode().put("id", mb.folderId(query(req, "path"))));
        }
        if (what.equals("folders") && n == 1 && m.equals("POST")) {
            JsonNode b = req.json();
            String parent = b.hasNonNull("parentFolderId") ? b.get("parentFolderId").asText() : mb.folderId(required(b, "parentPath"));
            return ok(JSON.createObjectNode().put("id", mb.createFolder(parent, required(b, "displayName"))));
        }
        if (what.equals("messages") && n == 1 && m.equals("POST")) {
            return ok(JSON.createObjectNode().put("id", mb.addMessage(mb.folderId(query(req, "folder")), req.body())));
        }
        if (what.equals("messages") && n == 1 && m.equals("GET")) {
            ObjectNode o = JSON.createObjectNode();
            mb.messageIds(mb.folderId(query(req, "folder"))).forEach(o.putArray("ids")::add);
            if (!o.has("ids")) {
                o.putArray("ids");
            }
            return ok(o);
        }
        if (what.equals("events") && n == 1 && m.equals("POST")) {
            return ok(JSON.createObjectNode().put("id", mb.addEvent(JSON.convertValue(req.json(), Map.class))));
        }
        if (what.equals("todo-tasks") && n == 1 && m.equals("POST")) {
            String list = req.query().containsKey("list") ? mb.folderId(req.query().get("list")) : mb.folderId("tasks");
            return ok(JSON.createObjectNode().put("id", mb.addTodoTask(list, JSON.convertValue(req.json(), Map.class))));
        }
        if (what.equals("contacts") && n == 1 && m.equals("POST")) {
            String folder = req.query().containsKey("folder") ? mb.folderId(req.query().get("folder")) : mb.folderId("contacts");
            return ok(JSON.createObjectNode().put("id", mb.addContact(folder, JSON.convertValue(req.json(), Map.class))));
        }
        if (what.equals("items") && n == 2 && m.equals("GET")) {
            return ok(JSON.valueToTree(mb.item(s.get(1))));
        }
        if (what.equals("items") && n == 2 && m.equals("DELETE")) {
            mb.remove(s.get(1));
            return Resp.empty(204);
        }
        if (what.equals("items") && n == 3 && s.get(2).equals("touch") && m.equals("POST")) {
            mb.touch(s.get(1));
            return Resp.empty(204);
        }
        throw new IllegalArgumentException("no emulator endpoint " + m + " /_emulator/mailboxes/{upn}/" + String.join("/", s));
    }

    private void applyFaults(JsonNode b) {
        Faults f = emulator.faults();
        if (b.path("clear").asBoolean(false)) {
            f.clear();
        }
        if (b.has("refuseSignIns")) {
            f.refuseSignIns(b.get("refuseSignIns").path("count").asInt(1),
                    Faults.SignInRefusal.valueOf(b.get("refuseSignIns").path("error").asText("invalid_client").toUpperCase(java.util.Locale.ROOT)));
        }
        if (b.has("rejectSignIns")) {
            f.rejectSignIns(b.get("rejectSignIns").asInt());
        }
        if (b.has("throttle")) {
            JsonNode t = b.get("throttle");
            f.throttle(t.path("ratio").asDouble(), t.path("retryAfterSeconds").asInt(1), t.path("seed").asLong(1));
        }
        if (b.has("serviceUnavailable")) {
            JsonNode t = b.get("serviceUnavailable");
            f.serviceUnavailable(t.path("count").asInt(1), t.path("retryAfterSeconds").asInt(1));
        }
        if (b.path("expireDeltaTokens").asBoolean(false)) {
            f.expireDeltaTokens();
        }
        if (b.path("expireAccessTokens").asBoolean(false)) {
            f.expireAccessTokens();
        }
        if (b.has("latencyMillis")) {
            f.latency(Duration.ofMillis(b.get("latencyMillis").asLong()));
        }
    }

    private static String query(Req req, String name) {
        String v = req.query().get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("the query parameter '" + name + "' is required");
        }
        return v;
    }

    private static String required(JsonNode b, String name) {
        if (!b.hasNonNull(name) || b.get(name).asText().isBlank()) {
            throw new IllegalArgumentException("the JSON property '" + name + "' is required");
        }
        return b.get(name).asText();
    }

    private static Resp ok(JsonNode body) {
        return Resp.bytes(200, "application/json; charset=utf-8", Exchange.write(body));
    }
}
