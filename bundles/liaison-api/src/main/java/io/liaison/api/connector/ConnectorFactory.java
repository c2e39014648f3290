package io.liaison.api.connector;

import java.util.Map;
import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A connector plug-in: a bundle registers one of these services per connector type (Microsoft Graph, the
 * local folder tree, IMAP + CalDAV/CardDAV …) and the runtime opens one session per groupware account
 * with it. Adding a connector touches no other module.
 */
@ConsumerType
public interface ConnectorFactory {

    /** The service property that also names the type, so that the runtime can select factories by filter. */
    String PROPERTY_TYPE = "liaison.connector.type";

    /** The connector type, e.g. {@code graph} or {@code local}; what an account's {@code connectorType} names. */
    String type();

    /**
     * Opens a session for one account: signs in when the connector needs to.
     *
     * @throws SignInFailedException when the groupware refuses the credentials; the runtime then blocks the
     *                               account and does not call again until an administrator enters new ones
     * @throws ConnectorException    when the account's settings are wrong or the groupware is unreachable
     */
    ConnectorSession open(AccountContext context);

    /**
     * Checks an account's settings before the runtime stores them, so that a setting that would send the account's
     * credentials or data somewhere it should not go (another host) is refused when it is entered, not only when a
     * session opens. The default accepts everything.
     *
     * @param settings the account's settings as they would be stored
     * @throws IllegalArgumentException naming the setting and what is wrong with its value
     * @since 1.2
     */
    default void checkSettings(Map<String, String> settings) {
    }

    /**
     * The settings that decide where the account's credentials are sent or whom they belong to (a tenant, an
     * endpoint, a sign-in host, a scope): when one of them changes, the runtime deletes the stored credentials, so
     * that whoever may change settings cannot have them sent to a place of their choosing. Empty by default.
     *
     * @since 1.2
     */
    default Set<String> credentialBoundSettings() {
        return Set.of();
    }

    /**
     * The settings that name the groupware mailbox an account's data lives in (a folder tree's root, a mailbox
     * address, a tenant, a server URL): when one of them changes, the runtime forgets the account's links and tokens,
     * since they hold the old mailbox's ids. By default the credential-bound settings.
     *
     * @since 1.3
     */
    default Set<String> identitySettings() {
        return credentialBoundSettings();
    }

    /**
     * The settings whose values are secrets (a trust store's password, a client secret given as a setting): the
     * runtime keeps them in its encrypted vault, never in clear in the settings table, and masks them wherever
     * settings are shown. Connectors read them from {@link AccountContext#setting} like any other. Empty by default.
     *
     * @since 1.2
     */
    default Set<String> secretSettings() {
        return Set.of();
    }
}
