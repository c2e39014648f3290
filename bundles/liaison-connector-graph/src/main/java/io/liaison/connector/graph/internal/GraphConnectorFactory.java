package io.liaison.connector.graph.internal;

import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AnonymousAuthenticationProvider;
import io.liaison.api.connector.AccountContext;
import io.liaison.api.connector.ConnectorException;
import io.liaison.api.connector.ConnectorFactory;
import io.liaison.api.connector.ConnectorSession;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.OkHttpClient;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code graph} connector: one Microsoft 365 / Exchange Online mailbox through Microsoft Graph (mail, calendar,
 * To Do, contacts). Signs in when a session opens, so that refused credentials surface at once, after exactly one
 * attempt. The settings are described in {@link GraphSettings}; the credentials are the client id (user name), the
 * client secret (secret), and the named secrets {@value ClientCredentialsGrant#CERTIFICATE} or
 * {@value RefreshTokenGrant#REFRESH_TOKEN}.
 */
@Component(service = ConnectorFactory.class, property = ConnectorFactory.PROPERTY_TYPE + "=" + GraphConnectorFactory.TYPE,
        configurationPid = GraphConnectorFactory.PID)
@Designate(ocd = GraphConnectorFactory.Config.class)
public final class GraphConnectorFactory implements ConnectorFactory {

    /** The connector type. */
    public static final String TYPE = "graph";
    /** The connector's configuration (an administrator's, not an account's). */
    public static final String PID = "io.liaison.connector.graph";

    /** The connector's configuration. */
    @ObjectClassDefinition(name = "Liaison Microsoft Graph connector")
    public @interface Config {
        @AttributeDefinition(name = "Allowed hosts", description = "Hosts besides Microsoft's cloud hosts (global"
                + " and national clouds) that accounts' graphEndpoint, authorityHost and scope may name, e.g."
                + " 127.0.0.1 for a Graph emulator; an account's secrets and tokens are sent there")
        String[] allowedHosts() default {};
    }
    /** The setting that names the OAuth scope; national clouds have their own Graph resource. */
    public static final String SCOPE = "scope";
    static final String DEFAULT_SCOPE = "https://graph.microsoft.com/.default";

    private static final Logger LOG = LoggerFactory.getLogger(GraphConnectorFactory.class);

    private final Clock clock;
    private final CloudHosts hosts;

    @Activate
    public GraphConnectorFactory(Config config) {
        this(Clock.systemUTC(), new CloudHosts(List.of(config.allowedHosts())));
    }

    GraphConnectorFactory(Clock clock, CloudHosts hosts) {
        this.clock = clock;
        this.hosts = hosts;
    }

    /**
     * For tests and embedding: a factory whose accounts may also name the given hosts (an emulator's), besides
     * Microsoft's. A factory, not a public constructor: see {@code DefaultAccountService.of}.
     */
    public static GraphConnectorFactory allowing(Clock clock, String... hosts) {
        return new GraphConnectorFactory(clock, CloudHosts.allowing(hosts));
    }

    @Override
    public void checkSettings(Map<String, String> settings) {
        hosts.check(settings);
    }

    /** Tenant, endpoint, sign-in host and scope decide where the credentials go and for whom they are valid. */
    @Override
    public Set<String> credentialBoundSettings() {
        return Set.of(GraphSettings.TENANT_ID, GraphSettings.GRAPH_ENDPOINT, GraphSettings.AUTHORITY_HOST, SCOPE);
    }

    /** Another mailbox, tenant or endpoint holds other items: Graph's ids of the old one mean nothing there. */
    @Override
    public Set<String> identitySettings() {
        return Set.of(GraphSettings.TENANT_ID, GraphSettings.MAILBOX, GraphSettings.GRAPH_ENDPOINT,
                GraphSettings.AUTHORITY_HOST);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** The trust store's password; the client secret, certificate and tokens are credentials, not settings. */
    @Override
    public Set<String> secretSettings() {
        return Set.of(GraphSettings.TRUST_STORE_PASSWORD);
    }

    @Override
    public ConnectorSession open(AccountContext context) {
        String account = "account " + context.account();
        try {
            // also here: settings stored before this check existed, or while the connector was not installed
            hosts.check(context.settings());
        } catch (IllegalArgumentException e) {
            throw new ConnectorException(account + ": " + e.getMessage(), e);
        }
        GraphSettings settings = GraphSettings.of(context);
        String scope = context.setting(SCOPE).orElse(DEFAULT_SCOPE);
        OkHttpClient base = GraphHttp.base(settings, account).build();
        AccessTokens.TokenGrant grant = switch (settings.mode()) {
            case APPLICATION -> new ClientCredentialsGrant(settings, context.credentials(),
                    new OkHttpAsyncHttpClientBuilder(base).build(), scope, account);
            case DELEGATED -> new RefreshTokenGrant(settings, context.credentials(), context.credentialsStore(), base,
                    scope, account, clock);
        };
        AccessTokens tokens = new AccessTokens(grant, clock);
        LOG.debug("Signing in to Microsoft Graph for {} ({}, mailbox {})", account, settings.mode(), settings.mailbox());
        tokens.token();
        OkHttpClient http = GraphHttp.graph(base, settings, tokens);
        GraphServiceClient client = new GraphServiceClient(new AnonymousAuthenticationProvider(), http);
        client.getRequestAdapter().setBaseUrl(settings.graphEndpoint());
        return new GraphConnectorSession(client, http, settings, new GraphCalls(account), clock, context.state());
    }
}
