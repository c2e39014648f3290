/** The duplicate check: certain, possible or no duplicate of a CRM contact person. */
@Export
@Version("1.4.0")
package io.liaison.api.duplicates;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
