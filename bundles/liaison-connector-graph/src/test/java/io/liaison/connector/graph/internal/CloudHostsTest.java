package io.liaison.connector.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.connector.ConnectorException;
import io.liaison.api.connector.Credentials;
import io.liaison.api.connector.Secret;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * An account's endpoint settings cannot send its secrets elsewhere: graphEndpoint, authorityHost and the URLs in
 * scope must name Microsoft's cloud hosts (https://learn.microsoft.com/en-us/graph/deployments), unless the
 * connector's configuration allows another host.
 */
class CloudHostsTest {
    private final GraphConnectorFactory microsoftOnly = GraphConnectorFactory.allowing(Clock.systemUTC());

    private static Map<String, String> settings(String name, String value) {
        Map<String, String> s = new HashMap<>(Map.of(GraphSettings.TENANT_ID, "contoso", GraphSettings.MAILBOX,
                "anna@contoso.example"));
        s.put(name, value);
        return s;
    }

    @Test
    void anEvilGraphEndpointIsRefusedNamingSettingAndHost() {
        assertThatThrownBy(() -> microsoftOnly.checkSettings(settings(GraphSettings.GRAPH_ENDPOINT,
                "https://evil.example/v1.0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'graphEndpoint'").hasMessageContaining("evil.example")
                .hasMessageContaining("allowedHosts");
    }

    @Test
    void anEvilAuthorityOrScopeIsRefused() {
        assertThatThrownBy(() -> microsoftOnly.checkSettings(settings(GraphSettings.AUTHORITY_HOST,
                "https://login.evil.example/")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'authorityHost'").hasMessageContaining("login.evil.example");
        assertThatThrownBy(() -> microsoftOnly.checkSettings(settings(GraphConnectorFactory.SCOPE,
                "offline_access https://evil.example/.default")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'scope'").hasMessageContaining("evil.example");
        // a Microsoft name as a prefix of another domain is another domain
        assertThatThrownBy(() -> microsoftOnly.checkSettings(settings(GraphSettings.GRAPH_ENDPOINT,
                "https://graph.microsoft.com.evil.example/v1.0")))
                .hasMessageContaining("graph.microsoft.com.evil.example");
        assertThatThrownBy(() -> microsoftOnly.checkSettings(settings(GraphSettings.GRAPH_ENDPOINT,
                "https://evil.example@graph.microsoft.com.evil.example/v1.0")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theGlobalServiceAndTheNationalCloudsAreAccepted() {
        for (String endpoint : new String[] {"https://graph.microsoft.com/v1.0", "https://graph.microsoft.us/v1.0",
                "https://dod-graph.microsoft.us/v1.0", "https://microsoftgraph.chinacloudapi.cn/v1.0",
                "https://GRAPH.microsoft.com./beta"}) {
            assertThatCode(() -> microsoftOnly.checkSettings(settings(GraphSettings.GRAPH_ENDPOINT, endpoint)))
                    .as(endpoint).doesNotThrowAnyException();
        }
        for (String authority : new String[] {"https://login.microsoftonline.com/", "https://login.microsoftonline.us/",
                "https://login.chinacloudapi.cn/"}) {
            assertThatCode(() -> microsoftOnly.checkSettings(settings(GraphSettings.AUTHORITY_HOST, authority)))
                    .as(authority).doesNotThrowAnyException();
        }
        assertThatCode(() -> microsoftOnly.checkSettings(settings(GraphConnectorFactory.SCOPE,
                "https://graph.microsoft.us/.default"))).doesNotThrowAnyException();
        assertThatCode(() -> microsoftOnly.checkSettings(settings(GraphConnectorFactory.SCOPE,
                "offline_access Mail.ReadWrite Calendars.ReadWrite"))).doesNotThrowAnyException();
        assertThatCode(() -> microsoftOnly.checkSettings(Map.of())).doesNotThrowAnyException();
    }

    @Test
    void anAdministratorMayAllowAnotherHost() {
        GraphConnectorFactory allowing = GraphConnectorFactory.allowing(Clock.systemUTC(), "graph-proxy.corp.example");

        assertThatCode(() -> allowing.checkSettings(settings(GraphSettings.GRAPH_ENDPOINT,
                "https://graph-proxy.corp.example:8443/v1.0"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> allowing.checkSettings(settings(GraphSettings.GRAPH_ENDPOINT,
                "https://evil.example/v1.0"))).hasMessageContaining("evil.example");
    }

    @Test
    void aSessionDoesNotOpenWithAnEvilHostStoredEarlierAndNothingIsSent() {
        Map<String, String> s = settings(GraphSettings.AUTHORITY_HOST, "https://127.0.0.1:9/");
        AtomicInteger stored = new AtomicInteger();

        assertThatThrownBy(() -> microsoftOnly.open(GraphTestAccounts.account(s,
                new Credentials("client", Secret.of("client-secret"), Map.of()), c -> stored.incrementAndGet())))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("'authorityHost'").hasMessageContaining("127.0.0.1")
                .message().doesNotContain("client-secret");
        assertThat(stored).hasValue(0);
    }

    @Test
    void tenantEndpointAuthorityAndScopeAreBoundToTheCredentials() {
        assertThat(microsoftOnly.credentialBoundSettings()).containsExactlyInAnyOrder("tenantId", "graphEndpoint",
                "authorityHost", "scope");
        assertThat(microsoftOnly.secretSettings()).containsExactly("trustStorePassword");
    }

    @Test
    void mailboxTenantAndEndpointNameTheMailboxWhoseIdsTheLinksHold() {
        assertThat(microsoftOnly.identitySettings()).containsExactlyInAnyOrder("tenantId", "mailbox", "graphEndpoint",
                "authorityHost");
    }
}
