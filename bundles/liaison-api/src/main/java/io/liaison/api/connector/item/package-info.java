/** The content of groupware items (events, tasks, contacts) as the connector SPI carries them. */
@Export
@Version("1.6.0")
package io.liaison.api.connector.item;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
