/** Message parsing and document categorisation, provided by the one bundle that embeds Tika, POI and mime4j. */
@Export
@Version("1.3.0")
package io.liaison.api.content;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
