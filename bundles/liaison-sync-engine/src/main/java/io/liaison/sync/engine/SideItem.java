package io.liaison.sync.engine;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One item of one side as the engine sees it.
 *
 * @param id          the side's id
 * @param version     the side's version; changes with every change
 * @param contentHash a hash of the synchronised fields in a form both sides share, so that equal content on both
 *                    sides has equal hashes (empty when the side cannot tell)
 * @param partnerId   the id of the item on the other side this one names (the CRM id a groupware item carries, the
 *                    groupware id a CRM item was created from), if any: how unlinked items are matched again
 * @param modifiedAt  when the item was last changed, when the side knows it (for "newest wins")
 * @param label       what identifies the item to a person in the journal (subject and time), never a body
 * @param data        the content
 * @param <T>         the content type
 */
public record SideItem<T>(String id, String version, String contentHash, Optional<String> partnerId,
                          Optional<Instant> modifiedAt, String label, T data) {
    public SideItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        contentHash = contentHash == null ? "" : contentHash;
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(modifiedAt, "modifiedAt");
        label = label == null ? "" : label;
        Objects.requireNonNull(data, "data");
    }
}
