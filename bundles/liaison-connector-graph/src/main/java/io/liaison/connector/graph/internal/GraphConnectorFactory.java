package io.liaison.connector.graph.internal;

import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AnonymousAuthenticationProvider;
import io.liaison.api.connector.AccountContext;
import io.liaison.api.connector.ConnectorFactory;
import io.liaison.api.connector.ConnectorSession;
import java.time.Clock;
import okhttp3.OkHttpClient;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code graph} connector: one Microsoft 365 / Exchange Online mailbox through Microsoft Graph (mail, calendar,
 * To Do, contacts). Signs in when a session opens, so that refused credentials surface at once, after exactly one
 * attempt. The settings are described in {@link GraphSettings}; the credentials are the client id (user name), the
 * client secret (secret), and the named secrets {@value ClientCredentialsGrant#CERTIFICATE} or
 * {@value RefreshTokenGrant#REFRESH_TOKEN}.
 */
@Component(service = ConnectorFactory.class, property = ConnectorFactory.PROPERTY_TYPE + "=" + GraphConnectorFactory.TYPE)
public final class GraphConnectorFactory implements ConnectorFactory {

    /** The connector type. */
    public static final String TYPE = "graph";
    /** The setting that names the OAuth scope; national clouds have their own Graph resource. */
    public static final String SCOPE = "scope";
    static final String DEFAULT_SCOPE = "https://graph.microsoft.com/.default";

    private static final Logger LOG = LoggerFactory.getLogger(GraphConnectorFactory.class);

    private final Clock clock;

    @Activate
    public GraphConnectorFactory() {
        this(Clock.systemUTC());
    }

    GraphConnectorFactory(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ConnectorSession open(AccountContext context) {
        String account = "account " + context.account();
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
        return new GraphConnectorSession(client, http, settings, new GraphCalls(account), clock);
    }
}
