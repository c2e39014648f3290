/**
 * The domain values Liaison and the host CRM exchange: activities, contact persons, business partners,
 * employees, documents and groupware accounts.
 */
@Export
@Version("1.5.0")
package io.liaison.api.domain;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
