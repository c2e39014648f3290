package io.liaison.api.mailimport;

import io.liaison.api.domain.StatusKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message waiting in an import folder, as the manual import's first step lists it.
 *
 * @param messageId   the connector's id of the message, used to choose it
 * @param folder      the import folder's path
 * @param status      the status the activity will get
 * @param subject     the subject
 * @param from        the sender's address
 * @param date        the message's date
 * @param attachments the attachments' names with their proposed category and keywords
 * @param problems    what keeps it from being imported as it is (unreadable, missing mandatory data, …)
 */
public record ImportCandidate(String messageId, String folder, StatusKey status, String subject, String from,
                              Optional<Instant> date, List<AttachmentProposal> attachments, List<String> problems) {
    public ImportCandidate {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(status, "status");
        attachments = List.copyOf(attachments);
        problems = List.copyOf(problems);
    }
}
