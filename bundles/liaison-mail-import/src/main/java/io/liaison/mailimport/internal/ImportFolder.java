package io.liaison.mailimport.internal;

import io.liaison.api.connector.MailFolder;
import io.liaison.api.domain.StatusKey;

/**
 * A folder whose mails are imported, and the status they get: {@code I} for the import root itself, the
 * bracketed key for a {@code CRM <Description> [<Status>]} folder below it.
 */
record ImportFolder(MailFolder folder, StatusKey status) {
}
