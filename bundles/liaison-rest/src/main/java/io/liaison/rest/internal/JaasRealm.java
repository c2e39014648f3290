package io.liaison.rest.internal;

import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

/**
 * Karaf's JAAS realm {@code karaf} (etc/users.properties by default, or whatever login modules the operator
 * configured). Roles are the realm's role principals, recognised by class name so that this bundle does not import
 * Karaf's JAAS packages: Karaf's {@code RolePrincipal}, and any other principal class named {@code *RolePrincipal}.
 */
final class JaasRealm implements Realm {
    static final String REALM = "karaf";

    @Override
    public Optional<Set<String>> login(String user, char[] password) {
        Subject subject = new Subject();
        try {
            LoginContext context = new LoginContext(REALM, subject, callbacks -> answer(callbacks, user, password));
            context.login();
            Set<String> roles = subject.getPrincipals().stream()
                    .filter(p -> p.getClass().getSimpleName().endsWith("RolePrincipal"))
                    .map(Principal::getName)
                    .collect(Collectors.toSet());
            context.logout();
            return Optional.of(roles);
        } catch (LoginException e) {
            // a wrong name or password; the reason is not shown to the client (it would tell which users exist)
            return Optional.empty();
        }
    }

    private static void answer(Callback[] callbacks, String user, char[] password) throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback name) {
                name.setName(user);
            } else if (callback instanceof PasswordCallback pw) {
                pw.setPassword(password.clone());
            } else {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }
}
