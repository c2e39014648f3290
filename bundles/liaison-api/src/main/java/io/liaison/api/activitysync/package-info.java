/** Two-way activity sync: appointments, meetings, follow-ups and tasks. */
@Export
@Version("1.0.0")
package io.liaison.api.activitysync;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
