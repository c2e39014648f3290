package io.liaison.api.connector;

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
}
