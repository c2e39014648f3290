/**
 * The runtime's services: groupware accounts and their credentials, sync runs and their journal, and the
 * link and token stores the sync modules share.
 */
@Export
@Version("1.5.0")
package io.liaison.api.runtime;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
