package io.liaison.graph.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Request and response values shared by the HTTP front end and the $batch processor. */
final class Exchange {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ODATA_JSON = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

    private Exchange() {
    }

    /** One request: method, path below the host (no query), decoded query, headers (case-insensitive), body. */
    record Req(String method, String path, Map<String, String> query, Map<String, String> headers, byte[] body) {

        static Req of(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
            String path = pathAndQuery;
            Map<String, String> query = new LinkedHashMap<>();
            int q = pathAndQuery.indexOf('?');
            if (q >= 0) {
                path = pathAndQuery.substring(0, q);
                for (String pair : pathAndQuery.substring(q + 1).split("&")) {
                    if (pair.isEmpty()) {
                        continue;
                    }
                    int eq = pair.indexOf('=');
                    String k = decode(eq < 0 ? pair : pair.substring(0, eq));
                    String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
                    query.put(k, v);
                }
            }
            Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            h.putAll(headers);
            return new Req(method.toUpperCase(Locale.ROOT), path, query, h, body == null ? new byte[0] : body);
        }

        String header(String name) {
            return headers.get(name);
        }

        /** @return a query option, with or without its {@code $} (Graph accepts both) */
        String option(String name) {
            String v = query.get("$" + name);
            return v != null ? v : query.get(name);
        }

        JsonNode json() {
            if (body.length == 0) {
                return JSON.createObjectNode();
            }
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new GraphError(400, "BadRequest", "Unable to read JSON request payload: " + e.getMessage());
            }
        }

        /** @return the values of every Prefer header, split at commas */
        List<String> prefers() {
            String p = header("Prefer");
            if (p == null) {
                return List.of();
            }
            return List.of(p.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")).stream().map(String::trim).toList();
        }

        String prefer(String name) {
            for (String p : prefers()) {
                int eq = p.indexOf('=');
                String k = eq < 0 ? p : p.substring(0, eq).trim();
                if (k.equalsIgnoreCase(name)) {
                    String v = eq < 0 ? "" : p.substring(eq + 1).trim();
                    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                        v = v.substring(1, v.length() - 1);
                    }
                    return v;
                }
            }
            return null;
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** One response. */
    record Resp(int status, Map<String, String> headers, byte[] body) {

        static Resp json(int status, JsonNode body) {
            Map<String, String> h = new LinkedHashMap<>();
            h.put("Content-Type", ODATA_JSON);
            return new Resp(status, h, write(body));
        }

        static Resp empty(int status) {
            return new Resp(status, new LinkedHashMap<>(), new byte[0]);
        }

        static Resp bytes(int status, String contentType, byte[] body) {
            Map<String, String> h = new LinkedHashMap<>();
            h.put("Content-Type", contentType);
            return new Resp(status, h, body);
        }

        Resp with(String header, String value) {
            headers.put(header, value);
            return this;
        }

        boolean isJson() {
            String ct = headers.get("Content-Type");
            return ct != null && ct.toLowerCase(Locale.ROOT).startsWith("application/json");
        }
    }

    static byte[] write(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Graph error body {@code {"error":{"code","message","innerError":{...}}}}. */
    static ObjectNode errorBody(String code, String message) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("code", code);
        error.put("message", message);
        ObjectNode inner = error.putObject("innerError");
        inner.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", ""));
        String id = UUID.randomUUID().toString();
        inner.put("request-id", id);
        inner.put("client-request-id", id);
        return root;
    }

    /** A Graph error raised anywhere below the router; becomes an error response. */
    static final class GraphError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String code;
        final Map<String, String> headers = new LinkedHashMap<>();

        GraphError(int status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }

        GraphError header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Resp toResp() {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put("Content-Type", "application/json");
            return new Resp(status, h, write(errorBody(code, getMessage())));
        }
    }

    static GraphError notFound() {
        return new GraphError(404, "ErrorItemNotFound", "The specified object was not found in the store.");
    }
}
