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

    /**
     * OAuth error codes of a configuration an administrator must fix (a scope or resource the tenant does not know,
     * an access policy such as Conditional Access that blocks the app; "Microsoft Entra authentication and
     * authorization error codes"): refusals too, named as such so the blocked account says what to fix.
     */
    static final Set<String> CONFIGURATION = Set.of("invalid_scope", "invalid_resource", "access_denied");

    private SignInErrors() {
    }

    /** Whether this OAuth error means that asking again with the same settings and credentials changes nothing. */
    static boolean refused(String error) {
        return REFUSED.contains(error) || CONFIGURATION.contains(error);
    }

    /** The reason of a refusal, for the blocked account: the error, and for a configuration fault what to do. */
    static String reason(String error) {
        return CONFIGURATION.contains(error)
                ? error + ": the tenant's configuration refuses this application (scope, resource or an access policy such"
                        + " as Conditional Access); an administrator must fix it"
                : error;
    }

    static ConnectorException translate(String account, Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof MsalServiceException msal) {
                Integer status = msal.statusCode();
                if (refused(msal.errorCode())) {
                    return new SignInFailedException(account + ": the identity platform refused the sign-in ("
                            + reason(msal.errorCode()) + ")", error);
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
