package io.liaison.rest.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * HTTP Basic authentication (RFC 7617, UTF-8) against a {@link Realm}, for every request of the context
 * {@code /liaison}: no or wrong credentials answer 401 with a challenge, a user without a Liaison role 403, both as
 * problem documents. A passed request carries its {@link Caller}.
 */
public final class BasicAuthentication {
    static final String CHALLENGE = "Basic realm=\"Liaison\", charset=\"UTF-8\"";
    private final Realm realm;

    public BasicAuthentication(Realm realm) {
        this.realm = realm;
    }

    /** Authenticates the request; when it returns false the response has been written. */
    public boolean handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Caller> caller = authenticate(request.getHeader("Authorization"));
        if (caller.isEmpty()) {
            response.setHeader("WWW-Authenticate", CHALLENGE);
            Problems.write(response, new Problem(Problem.type("unauthenticated"), "Authentication required", 401,
                    "send a user name and password of the Liaison realm (HTTP Basic)", null));
            return false;
        }
        if (!caller.get().permitted()) {
            Problems.write(response, new Problem(Problem.type("forbidden"), "Forbidden", 403,
                    "the user has neither the role " + Caller.USER + " nor " + Caller.ADMIN, null));
            return false;
        }
        request.setAttribute(Caller.ATTRIBUTE, caller.get());
        // what the servlet API shows as the remote user (HTTP Whiteboard's REMOTE_USER and AUTHENTICATION_TYPE)
        request.setAttribute("org.osgi.service.http.authentication.remote.user", caller.get().login());
        request.setAttribute("org.osgi.service.http.authentication.type", "BASIC");
        return true;
    }

    Optional<Caller> authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(authorization.substring(6).strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String pair = new String(decoded, StandardCharsets.UTF_8);
        Arrays.fill(decoded, (byte) 0);
        int colon = pair.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String user = pair.substring(0, colon);
        char[] password = pair.substring(colon + 1).toCharArray();
        try {
            Optional<Set<String>> roles = realm.login(user, password);
            return roles.map(r -> new Caller(user, r));
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
