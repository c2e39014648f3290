package io.liaison.connector.graph.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.liaison.api.connector.ConnectorException;
import io.liaison.api.connector.CredentialsStore;
import io.liaison.api.connector.Credentials;
import io.liaison.api.connector.Secret;
import io.liaison.api.connector.SignInFailedException;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Delegated sign-in: the OAuth 2.0 refresh-token grant against {@code {authorityHost}{tenant}/oauth2/v2.0/token},
 * with the refresh token obtained once by device code and kept in the named secret {@value #REFRESH_TOKEN}.
 * azure-identity offers no credential that starts from a stored refresh token and reports the rotated one, so
 * this grant is written out here; a rotated refresh token is saved through the account's credentials store.
 */
final class RefreshTokenGrant implements AccessTokens.TokenGrant {

    /** The named secret that holds the refresh token. */
    static final String REFRESH_TOKEN = "refreshToken";

    private final OkHttpClient http;
    private final String tokenUrl;
    private final String scope;
    private final String account;
    private final CredentialsStore store;
    private final Clock clock;
    private Credentials credentials;

    RefreshTokenGrant(GraphSettings settings, Credentials credentials, CredentialsStore store, OkHttpClient http,
                      String scope, String account, Clock clock) {
        if (credentials.username().isBlank()) {
            throw new ConnectorException(account + ": the credentials name no client id (user name)");
        }
        if (credentials.named(REFRESH_TOKEN).isEmpty()) {
            throw new ConnectorException(account + ": delegated sign-in needs the named secret '" + REFRESH_TOKEN + "'");
        }
        this.http = http;
        this.tokenUrl = settings.authorityHost() + settings.tenantId() + "/oauth2/v2.0/token";
        this.scope = scope + " offline_access";
        this.account = account;
        this.store = store;
        this.clock = clock;
        this.credentials = credentials;
    }

    @Override
    public synchronized AccessTokens.Token fetch() {
        String refreshToken = credentials.named(REFRESH_TOKEN).orElseThrow().reveal();
        FormBody.Builder form = new FormBody.Builder()
                .add("grant_type", "refresh_token")
                .add("client_id", credentials.username())
                .add("refresh_token", refreshToken)
                .add("scope", scope);
        if (!credentials.secret().isEmpty()) {
            form.add("client_secret", credentials.secret().reveal());
        }
        Request request = new Request.Builder().url(tokenUrl).post(form.build()).build();
        try (Response response = http.newCall(request).execute()) {
            JsonObject json = parse(response.body());
            if (!response.isSuccessful()) {
                String error = string(json, "error").orElse("HTTP " + response.code());
                if (SignInErrors.refused(error)) {
                    throw new SignInFailedException(account + ": the identity platform refused the refresh token ("
                            + SignInErrors.reason(error) + ")");
                }
                throw new ConnectorException(account + ": sign-in failed (" + error + ", HTTP " + response.code() + ")");
            }
            String accessToken = string(json, "access_token").orElseThrow(() ->
                    new ConnectorException(account + ": the token response holds no access_token"));
            long expiresIn = Optional.ofNullable(json.get("expires_in")).map(JsonElement::getAsLong).orElse(3600L);
            string(json, "refresh_token").filter(rotated -> !rotated.equals(refreshToken)).ifPresent(this::saveRotated);
            return new AccessTokens.Token(accessToken, clock.instant().plusSeconds(expiresIn));
        } catch (IOException e) {
            throw new ConnectorException(account + ": the identity platform cannot be reached: " + e, e);
        }
    }

    private void saveRotated(String rotated) {
        Map<String, Secret> more = new HashMap<>(credentials.more());
        more.put(REFRESH_TOKEN, Secret.of(rotated));
        credentials = new Credentials(credentials.username(), credentials.secret(), more);
        store.store(credentials);
    }

    private JsonObject parse(ResponseBody body) throws IOException {
        String text = body == null ? "" : body.string();
        try {
            JsonElement element = JsonParser.parseString(text);
            return element.isJsonObject() ? element.getAsJsonObject() : new JsonObject();
        } catch (JsonParseException e) {
            return new JsonObject();
        }
    }

    private static Optional<String> string(JsonObject json, String name) {
        JsonElement e = json.get(name);
        return e == null || e.isJsonNull() ? Optional.empty() : Optional.of(e.getAsString());
    }
}
