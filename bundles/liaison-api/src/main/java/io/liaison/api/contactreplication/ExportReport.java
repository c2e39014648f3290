package io.liaison.api.contactreplication;

import io.liaison.api.domain.ContactPersonId;
import java.util.List;

/**
 * What an export did: the contact persons now in the groupware (written or already there and linked), those
 * that could not be exported and why, and what was left out of exported ones (a photo that is not a JPEG, PNG
 * or GIF image, or is larger than 4 MB).
 *
 * @param exported the contact persons exported or confirmed as exported
 * @param failed   the contact persons not exported, with the reason
 * @param warnings exported contact persons with something left out, and why
 */
public record ExportReport(List<ContactPersonId> exported, List<ContactIssue> failed, List<ContactIssue> warnings) {
    public ExportReport {
        exported = List.copyOf(exported);
        failed = List.copyOf(failed);
        warnings = List.copyOf(warnings);
    }
}
