package io.liaison.api.mailimport;

import io.liaison.api.domain.Classification;
import java.util.List;
import java.util.Map;

/**
 * The messages chosen in the manual import, with the category and keywords set per attachment in the
 * "Edit document" step (ignored when an administrator switched that step off).
 *
 * @param messageIds      the chosen messages' ids; empty means every candidate without problems
 * @param classifications per message id, per attachment file name: the classification chosen
 */
public record ImportSelection(List<String> messageIds, Map<String, Map<String, Classification>> classifications) {
    public ImportSelection {
        messageIds = List.copyOf(messageIds);
        classifications = Map.copyOf(classifications);
    }

    /** Every candidate, with the proposed classifications. */
    public static ImportSelection all() {
        return new ImportSelection(List.of(), Map.of());
    }
}
