/** Resolution of e-mail addresses to contact persons and business partners ("Unknown e-mail addresses"). */
@Export
@Version("1.0.0")
package io.liaison.api.address;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
