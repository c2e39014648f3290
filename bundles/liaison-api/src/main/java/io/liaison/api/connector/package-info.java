/**
 * The connector SPI: what a groupware connector (Microsoft Graph, the local folder tree, IMAP +
 * CalDAV/CardDAV) implements. A connector registers a {@link io.liaison.api.connector.ConnectorFactory};
 * the runtime opens one {@link io.liaison.api.connector.ConnectorSession} per account and sync run.
 */
@Export
@Version("1.4.0")
package io.liaison.api.connector;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
