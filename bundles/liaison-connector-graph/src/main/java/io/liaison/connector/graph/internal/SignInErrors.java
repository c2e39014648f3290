package io.liaison.connector.graph.internal;

import com.microsoft.aad.msal4j.MsalServiceException;
import io.liaison.api.connector.ConnectorException;
import io.liaison.api.connector.SignInFailedException;
import java.io.IOException;
import java.util.Set;

/** Tells a refused sign-in (wrong secret, revoked refresh token) from an unreachable identity platform. */
final class SignInErrors {

    /** OAuth error codes that mean: these credentials will not work, asking again changes nothing. */
    static final Set<String> REFUSED = Set.of("invalid_client", "invalid_grant", "unauthorized_client",
            "invalid_request", "unsupported_grant_type", "interaction_required", "consent_required");

    private SignInErrors() {
    }

    static ConnectorException translate(String account, Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof MsalServiceException msal) {
                Integer status = msal.statusCode();
                if (REFUSED.contains(msal.errorCode())) {
                    return new SignInFailedException(account + ": the identity platform refused the sign-in ("
                            + msal.errorCode() + ")", error);
                }
                return new ConnectorException(account + ": sign-in failed (" + msal.errorCode() + ", HTTP "
                        + status + ")", error);
            }
            if (t instanceof IOException) {
                return new ConnectorException(account + ": the identity platform cannot be reached: " + t, error);
            }
        }
        return new ConnectorException(account + ": sign-in failed: " + error.getMessage(), error);
    }
}
