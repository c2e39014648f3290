package io.liaison.rest.internal;

import java.util.Objects;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;

/**
 * Who sent a request, as the realm authenticated them: the login and the Liaison roles it holds. The HTTP context
 * puts it on the request; the resources take it from there.
 *
 * @param login the realm's user name, which is also the CRM employee's login
 * @param roles the Liaison roles the user holds ({@link #USER}, {@link #ADMIN})
 */
public record Caller(String login, Set<String> roles) {
    /** An employee: their own accounts and runs. */
    public static final String USER = "liaison-user";
    /** An administrator: every account and run. */
    public static final String ADMIN = "liaison-admin";
    /** The request attribute that carries the caller from the HTTP context to the resources. */
    public static final String ATTRIBUTE = Caller.class.getName();

    public Caller {
        Objects.requireNonNull(login, "login");
        roles = Set.copyOf(roles);
    }

    public boolean admin() {
        return roles.contains(ADMIN);
    }

    /** Whether the caller may use Liaison's HTTP interface at all. */
    public boolean permitted() {
        return roles.contains(USER) || roles.contains(ADMIN);
    }

    /** The caller the HTTP context authenticated, or a 401 problem when the request did not pass it. */
    static Caller of(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof Caller caller) {
            return caller;
        }
        throw new ProblemException(401, "unauthenticated", "Authentication required", "no authenticated user", null);
    }
}
