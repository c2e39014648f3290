package io.liaison.connector.graph.internal;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import io.liaison.api.connector.ConnectorException;
import io.liaison.api.connector.Credentials;
import io.liaison.api.connector.Secret;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Application sign-in (OAuth client credentials) through azure-identity: a client secret, or a certificate
 * given as PEM (private key and certificate) in the named secret {@value #CERTIFICATE}. Each fetch builds a
 * fresh credential, so that a token Graph rejected is never handed out again from MSAL's cache.
 */
final class ClientCredentialsGrant implements AccessTokens.TokenGrant {

    /** The named secret that holds a PEM certificate with its private key. */
    static final String CERTIFICATE = "certificate";

    private final Supplier<TokenCredential> credentials;
    private final String scope;
    private final String account;

    ClientCredentialsGrant(GraphSettings settings, Credentials credentials, HttpClient httpClient, String scope,
                           String account) {
        this.scope = scope;
        this.account = account;
        String clientId = credentials.username();
        if (clientId.isBlank()) {
            throw new ConnectorException(account + ": the credentials name no client id (user name)");
        }
        Optional<Secret> certificate = credentials.named(CERTIFICATE);
        if (certificate.isPresent()) {
            this.credentials = () -> new ClientCertificateCredentialBuilder()
                    .authorityHost(settings.authorityHost()).tenantId(settings.tenantId()).clientId(clientId)
                    .pemCertificate(new ByteArrayInputStream(certificate.get().reveal().getBytes(StandardCharsets.US_ASCII)))
                    .disableInstanceDiscovery().httpClient(httpClient).build();
        } else if (!credentials.secret().isEmpty()) {
            Secret secret = credentials.secret();
            this.credentials = () -> new ClientSecretCredentialBuilder()
                    .authorityHost(settings.authorityHost()).tenantId(settings.tenantId()).clientId(clientId)
                    .clientSecret(secret.reveal()).disableInstanceDiscovery().httpClient(httpClient).build();
        } else {
            throw new ConnectorException(account + ": the credentials hold neither a client secret nor a '"
                    + CERTIFICATE + "'");
        }
    }

    @Override
    public AccessTokens.Token fetch() {
        try {
            AccessToken token = credentials.get().getTokenSync(new TokenRequestContext().addScopes(scope));
            return new AccessTokens.Token(token.getToken(), token.getExpiresAt().toInstant());
        } catch (RuntimeException e) {
            throw SignInErrors.translate(account, e);
        }
    }
}
