package io.liaison.graph.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static io.liaison.graph.emulator.TestClient.CLIENT;
import static io.liaison.graph.emulator.TestClient.SECRET;
import static io.liaison.graph.emulator.TestClient.enc;
import static io.liaison.graph.emulator.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

class IdentityTest {

    static GraphEmulator emulator;
    static TestClient client;

    @BeforeAll
    static void start() throws Exception {
        emulator = GraphEmulator.start();
        client = new TestClient(emulator).signIn();
        emulator.mailbox("anna@contoso.com");
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void clientCredentialsGivesAStandardTokenResponseThatGraphAccepts() throws Exception {
        HttpResponse<String> r = client.token("grant_type=client_credentials&client_id=" + CLIENT + "&client_secret=" + SECRET
                + "&scope=" + enc("https://graph.microsoft.com/.default"));
        JsonNode body = json(r);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asInt()).isPositive();
        assertThat(body.has("ext_expires_in")).isTrue();
        client.accessToken = body.get("access_token").asText();
        HttpResponse<String> me = client.get("/users/anna@contoso.com");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me).get("userPrincipalName").asText()).isEqualTo("anna@contoso.com");
    }

    @Test
    void rejectedSignInAnswers401InvalidClientOnceAndIsCounted() throws Exception {
        int before = emulator.stats().tokenRequests();
        emulator.faults().rejectSignIns(1);
        String form = "grant_type=client_credentials&client_id=" + CLIENT + "&client_secret=" + SECRET + "&scope=" + enc("https://graph.microsoft.com/.default");
        HttpResponse<String> refused = client.token(form);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(json(refused).get("error").asText()).isEqualTo("invalid_client");
        assertThat(json(refused).get("error_description").asText()).startsWith("AADSTS7000215: Invalid client secret provided.");
        assertThat(json(refused).get("error_codes").get(0).asInt()).isEqualTo(7000215);
        assertThat(client.token(form).statusCode()).isEqualTo(200);
        assertThat(emulator.stats().tokenRequests()).isEqualTo(before + 2);
    }

    /**
     * Configuration faults an administrator must fix come back as the identity platform's OAuth errors
     * ("Microsoft Entra authentication and authorization error codes"): an unknown resource, a Conditional Access block.
     */
    @Test
    void configurationFaultsAnswerTheirOAuthErrorOnce() throws Exception {
        String form = "grant_type=client_credentials&client_id=" + CLIENT + "&client_secret=" + SECRET + "&scope=" + enc("https://graph.microsoft.com/.default");
        for (Faults.SignInRefusal refusal : List.of(Faults.SignInRefusal.INVALID_RESOURCE, Faults.SignInRefusal.ACCESS_DENIED,
                Faults.SignInRefusal.INVALID_SCOPE)) {
            emulator.faults().refuseSignIns(1, refusal);
            HttpResponse<String> refused = client.token(form);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(json(refused).get("error").asText()).isEqualTo(refusal.name().toLowerCase(java.util.Locale.ROOT));
            assertThat(json(refused).get("error_description").asText()).startsWith("AADSTS");
            assertThat(client.token(form).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void wrongSecretAndNonDefaultScopeAreRefused() throws Exception {
        HttpResponse<String> wrong = client.token("grant_type=client_credentials&client_id=" + CLIENT + "&client_secret=nope&scope="
                + enc("https://graph.microsoft.com/.default"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        HttpResponse<String> scope = client.token("grant_type=client_credentials&client_id=" + CLIENT + "&client_secret=" + SECRET
                + "&scope=" + enc("https://graph.microsoft.com/Mail.Read"));
        assertThat(scope.statusCode()).isEqualTo(400);
        assertThat(json(scope).get("error").asText()).isEqualTo("invalid_scope");
    }

    @Test
    void refreshTokenRotatesAndGivesAMeToken() throws Exception {
        String rt = emulator.registerDelegatedUser(TestClient.TENANT, "public-client", "bert@contoso.com");
        HttpResponse<String> r = client.token("grant_type=refresh_token&client_id=public-client&refresh_token=" + enc(rt)
                + "&scope=" + enc("https://graph.microsoft.com/Mail.ReadWrite offline_access"));
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(body.get("refresh_token").asText()).isNotEqualTo(rt);
        assertThat(body.get("id_token").asText().split("\\.")).hasSize(3);
        HttpResponse<String> reused = client.token("grant_type=refresh_token&client_id=public-client&refresh_token=" + enc(rt));
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(json(reused).get("error").asText()).isEqualTo("invalid_grant");

        TestClient delegated = new TestClient(emulator);
        delegated.accessToken = body.get("access_token").asText();
        HttpResponse<String> inbox = delegated.get("/me/mailFolders/inbox");
        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(json(inbox).get("displayName").asText()).isEqualTo("Inbox");
        assertThat(delegated.get("/users/anna@contoso.com/mailFolders").statusCode()).isEqualTo(403);
    }

    @Test
    void graphWithoutOrWithExpiredTokenAnswers401InvalidAuthenticationToken() throws Exception {
        TestClient anonymous = new TestClient(emulator);
        anonymous.accessToken = "not-a-token";
        HttpResponse<String> r = anonymous.get("/users/anna@contoso.com/mailFolders");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).get("error").get("code").asText()).isEqualTo("InvalidAuthenticationToken");

        TestClient other = new TestClient(emulator).signIn();
        assertThat(other.get("/users/anna@contoso.com/mailFolders").statusCode()).isEqualTo(200);
        emulator.faults().expireAccessTokens();
        HttpResponse<String> expired = other.get("/users/anna@contoso.com/mailFolders");
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(json(expired).get("error").get("code").asText()).isEqualTo("InvalidAuthenticationToken");
        client.signIn();
    }

    @Test
    void instanceDiscoveryAndOpenIdConfigurationPointAtTheEmulator() throws Exception {
        HttpResponse<String> d = client.get(emulator.authorityHost() + "common/discovery/instance?api-version=1.1&authorization_endpoint="
                + enc(emulator.authorityHost() + "contoso/oauth2/v2.0/authorize"));
        assertThat(d.statusCode()).isEqualTo(200);
        assertThat(json(d).get("tenant_discovery_endpoint").asText()).startsWith(emulator.authorityHost() + "contoso/");
        HttpResponse<String> oidc = client.get(emulator.authorityHost() + "contoso/v2.0/.well-known/openid-configuration");
        assertThat(json(oidc).get("token_endpoint").asText()).isEqualTo(emulator.authorityHost() + "contoso/oauth2/v2.0/token");
    }
}
