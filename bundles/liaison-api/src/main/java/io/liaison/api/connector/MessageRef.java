package io.liaison.api.connector;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A message in a folder, without its content.
 *
 * @param id                the connector's id; survives a move where the groupware allows it
 * @param folderId          the folder it is in
 * @param version           changes whenever the message changes (change key, content hash)
 * @param name              what to call it in a journal: the file name or the subject
 * @param internetMessageId the Message-ID header when the connector knows it without parsing
 * @param size              the size in bytes as the groupware counts it (a file's length; Exchange's message size,
 *                          which is not the MIME's length), or -1 when unknown
 * @param receivedAt        when the mailbox received it, when known
 */
public record MessageRef(String id, String folderId, String version, String name, Optional<String> internetMessageId,
                         long size, Optional<Instant> receivedAt) {
    public MessageRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(folderId, "folderId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(internetMessageId, "internetMessageId");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
