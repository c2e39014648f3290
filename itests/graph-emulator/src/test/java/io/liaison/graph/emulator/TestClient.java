package io.liaison.graph.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A plain java.net.http client that trusts the emulator's certificate and signs in as an application. */
final class TestClient {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TENANT = "contoso.onmicrosoft.com";
    static final String CLIENT = "11111111-2222-3333-4444-555555555555";
    static final String SECRET = "s3cret";
    static final String PREFER_IMMUTABLE = "IdType=\"ImmutableId\"";

    final GraphEmulator emulator;
    final HttpClient http;
    String accessToken;

    TestClient(GraphEmulator emulator) throws Exception {
        this.emulator = emulator;
        http = HttpClient.newBuilder().sslContext(emulator.clientSslContext()).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Registers the test application and fetches an app token. */
    TestClient signIn() throws Exception {
        emulator.registerApplication(TENANT, CLIENT, SECRET);
        HttpResponse<String> r = token("grant_type=client_credentials&client_id=" + CLIENT + "&client_secret=" + SECRET
                + "&scope=" + enc("https://graph.microsoft.com/.default"));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("sign-in failed: " + r.body());
        }
        accessToken = JSON.readTree(r.body()).get("access_token").asText();
        return this;
    }

    HttpResponse<String> token(String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(emulator.authorityHost() + TENANT + "/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    HttpRequest.Builder request(String urlOrPath, String... headers) {
        String url = urlOrPath.startsWith("https://") ? urlOrPath : emulator.graphBaseUrl() + urlOrPath;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + accessToken)
                .header("Prefer", PREFER_IMMUTABLE);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.setHeader(headers[i], headers[i + 1]);
        }
        return b;
    }

    HttpResponse<String> get(String urlOrPath, String... headers) throws Exception {
        return http.send(request(urlOrPath, headers).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(String method, String urlOrPath, Object body, String... headers) throws Exception {
        String json = body == null ? "" : body instanceof String s ? s : JSON.writeValueAsString(body);
        HttpRequest.Builder b = request(urlOrPath, headers).header("Content-Type", "application/json")
                .method(method, json.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.setHeader(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }
}
