/** Contact person replication: export, import with duplicate check, and the per-contact switch. */
@Export
@Version("1.3.0")
package io.liaison.api.contactreplication;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
