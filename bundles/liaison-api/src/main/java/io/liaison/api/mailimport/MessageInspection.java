package io.liaison.api.mailimport;

import io.liaison.api.domain.ActivityData;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the import would make of one message file, computed without writing anything
 * ({@code liaison:mail-inspect}).
 *
 * @param sourceKey   the idempotency key the activity would get: the Message-ID, or a content hash
 * @param activity    the activity that would be created, when the message could be read
 * @param attachments the documents that would be stored with it, the original message first
 * @param embedded    how many messages are attached to the message (at any depth)
 * @param assignment  how the sender would be assigned, for a person ("contact person 12", "not assigned: …")
 * @param problems    what is wrong with the message; when it could not be read at all, the reason
 */
public record MessageInspection(String sourceKey, Optional<ActivityData> activity, List<AttachmentProposal> attachments,
                                int embedded, String assignment, List<String> problems) {
    public MessageInspection {
        Objects.requireNonNull(sourceKey, "sourceKey");
        Objects.requireNonNull(activity, "activity");
        attachments = List.copyOf(attachments);
        assignment = assignment == null ? "" : assignment;
        problems = List.copyOf(problems);
    }
}
