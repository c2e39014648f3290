package io.liaison.contactreplication.internal;

import io.liaison.connector.graph.internal.EmulatorAccounts;
import io.liaison.api.connector.Credentials;
import io.liaison.api.connector.Secret;
import io.liaison.api.domain.Photo;
import io.liaison.graph.emulator.GraphEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Graph emulator for every Graph test of this JVM (closed when the JVM ends), with the application Liaison signs
 * in as, a fresh mailbox per flow, and "a person in Outlook" who uploads contact photos through Graph directly.
 * The settings are those of the Graph connector's own tests ({@code EmulatorAccounts} from its test jar).
 */
final class GraphWorld {

    static final String TENANT = "contoso.onmicrosoft.com";
    static final String CLIENT_ID = "0f6c8e3a-liaison-contacts-test";
    static final String SECRET = "test-secret-value";
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static GraphWorld instance;

    final GraphEmulator emulator;
    private final AtomicInteger mailboxes = new AtomicInteger();
    private final HttpClient outlook;

    private GraphWorld() {
        emulator = GraphEmulator.start();
        emulator.registerApplication(TENANT, CLIENT_ID, SECRET);
        outlook = HttpClient.newBuilder().sslContext(emulator.clientSslContext()).build();
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "graph-emulator-stop"));
    }

    static synchronized GraphWorld get() {
        if (instance == null) {
            instance = new GraphWorld();
        }
        return instance;
    }

    /** A new, empty mailbox. */
    String newMailbox() {
        String upn = "contacts" + mailboxes.incrementAndGet() + "@contoso.example";
        emulator.mailbox(upn);
        return upn;
    }

    /** The settings of a {@code graph} account on that mailbox (application permissions). */
    Map<String, String> settings(String upn) {
        return EmulatorAccounts.applicationSettings(emulator, TENANT, upn);
    }

    Credentials credentials() {
        return new Credentials(CLIENT_ID, Secret.of(SECRET), Map.of());
    }

    /** Uploads a contact's photo as Outlook does: {@code PUT /contacts/{id}/photo/$value}, whatever the bytes are. */
    void putPhoto(String upn, String contactId, Photo photo) {
        HttpRequest put = HttpRequest.newBuilder(URI.create(emulator.graphBaseUrl() + "/users/"
                        + URLEncoder.encode(upn, StandardCharsets.UTF_8) + "/contacts/" + contactId + "/photo/$value"))
                .header("Authorization", "Bearer " + token()).header("Content-Type", photo.mediaType())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(photo.bytes())).build();
        HttpResponse<String> response = send(put);
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError("PUT photo of " + contactId + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    private String token() {
        String form = "grant_type=client_credentials&client_id=" + CLIENT_ID + "&client_secret=" + SECRET
                + "&scope=" + URLEncoder.encode("https://graph.microsoft.com/.default", StandardCharsets.UTF_8);
        HttpRequest post = HttpRequest.newBuilder(URI.create(emulator.authorityHost() + TENANT + "/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = send(post);
        Matcher m = ACCESS_TOKEN.matcher(response.body());
        if (!m.find()) {
            throw new AssertionError("no access token: " + response.statusCode());
        }
        return m.group(1);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return outlook.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
