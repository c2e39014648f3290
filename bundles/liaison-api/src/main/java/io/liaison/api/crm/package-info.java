/**
 * The host-CRM SPI: what a CRM vendor implements (or {@code liaison-crm-embedded} provides) so that
 * Liaison can read and write activities, documents, contact persons, business partners and employees.
 */
@Export
@Version("1.5.0")
package io.liaison.api.crm;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
