package io.liaison.connector.graph.internal;

import com.google.gson.JsonParser;
import io.liaison.api.connector.AccountContext;
import io.liaison.api.connector.ConnectorSession;
import io.liaison.api.connector.Credentials;
import io.liaison.api.connector.Secret;
import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.EmployeeId;
import io.liaison.graph.emulator.GraphEmulator;
import io.liaison.graph.emulator.Mailbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Accounts of type {@code graph} on a Graph emulator: each test gets a fresh mailbox. Also plays "a person in
 * Outlook", who edits items through Graph directly, outside Liaison.
 */
final class GraphTestAccounts implements AutoCloseable {

    static final String TENANT = "contoso.onmicrosoft.com";
    static final String CLIENT_ID = "0f6c8e3a-liaison-test";
    static final String SECRET = "test-secret-value";
    private static final AtomicInteger MAILBOXES = new AtomicInteger();

    final GraphEmulator emulator;
    private final OkHttpClient outlook;

    GraphTestAccounts() {
        emulator = GraphEmulator.start();
        emulator.registerApplication(TENANT, CLIENT_ID, SECRET);
        outlook = TrustStores.trust(new OkHttpClient.Builder(), emulator.trustStore(), emulator.trustStorePassword(),
                "test").build();
    }

    /** A new, empty mailbox. */
    String newMailbox() {
        String upn = "user" + MAILBOXES.incrementAndGet() + "@contoso.example";
        emulator.mailbox(upn);
        return upn;
    }

    Mailbox mailbox(String upn) {
        return emulator.mailbox(upn);
    }

    Map<String, String> settings(String upn) {
        Map<String, String> s = EmulatorAccounts.applicationSettings(emulator, TENANT, upn);
        // the contract's samples lie in early 2026
        s.put(GraphSettings.CALENDAR_PAST_DAYS, "3650");
        s.put(GraphSettings.TIME_ZONE, "Europe/Berlin");
        return s;
    }

    AccountContext account(String upn) {
        return account(settings(upn), new Credentials(CLIENT_ID, Secret.of(SECRET), Map.of()), c -> { });
    }

    /** Each mailbox's connector state, kept across its sessions as the runtime keeps it across runs. */
    private static final Map<String, io.liaison.api.connector.ConnectorState> STATES =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The connector state sessions on this mailbox share. */
    static io.liaison.api.connector.ConnectorState state(String upn) {
        return STATES.computeIfAbsent(upn, u -> io.liaison.api.connector.ConnectorState.inMemory());
    }

    static AccountContext account(Map<String, String> settings, Credentials credentials,
                                  io.liaison.api.connector.CredentialsStore store) {
        return new AccountContext(AccountId.of("acc-graph"), EmployeeId.of("emp-1"), settings, credentials, store,
                state(settings.getOrDefault(GraphSettings.MAILBOX, "")));
    }

    ConnectorSession open(String upn) {
        return EmulatorAccounts.factory().open(account(upn));
    }

    /** A session whose clock is {@code clock} (the calendar window moves with it), with these settings. */
    ConnectorSession open(Map<String, String> settings, java.time.Clock clock) {
        return EmulatorAccounts.factory(clock).open(account(settings, new Credentials(CLIENT_ID, Secret.of(SECRET), Map.of()),
                c -> { }));
    }

    /** Changes an item the way Outlook would: a PATCH through Graph, without any change key. */
    void editInOutlook(String upn, String path, String json) {
        Request request = new Request.Builder()
                .url(emulator.graphBaseUrl() + "/users/" + URLEncoder.encode(upn, StandardCharsets.UTF_8) + path)
                .header("Authorization", "Bearer " + token())
                .header("Prefer", "IdType=\"ImmutableId\"")
                .patch(RequestBody.create(json, MediaType.get("application/json"))).build();
        try (Response response = outlook.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new AssertionError("PATCH " + path + " answered " + response.code() + ": " + response.body().string());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String token() {
        Request request = new Request.Builder().url(emulator.authorityHost() + TENANT + "/oauth2/v2.0/token")
                .post(new FormBody.Builder().add("grant_type", "client_credentials").add("client_id", CLIENT_ID)
                        .add("client_secret", SECRET).add("scope", "https://graph.microsoft.com/.default").build())
                .build();
        try (Response response = outlook.newCall(request).execute()) {
            return JsonParser.parseString(response.body().string()).getAsJsonObject().get("access_token").getAsString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        emulator.close();
        outlook.dispatcher().executorService().shutdown();
        outlook.connectionPool().evictAll();
    }
}
