/** Mail import from import folders: preview and import. */
@Export
@Version("1.1.0")
package io.liaison.api.mailimport;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
