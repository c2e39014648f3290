package io.liaison.api.contactreplication;

import java.util.Objects;
import java.util.Optional;

/**
 * The export wizard's options.
 *
 * @param folder     a named contact folder below the default one; empty for the default contacts folder
 * @param withPhotos whether the contact persons' photos are exported, and later replicated, too
 */
public record ExportOptions(Optional<String> folder, boolean withPhotos) {
    public ExportOptions {
        Objects.requireNonNull(folder, "folder");
        folder = folder.map(String::strip).filter(f -> !f.isEmpty());
    }

    /** The default contacts folder, with or without photos. */
    public static ExportOptions defaultFolder(boolean withPhotos) {
        return new ExportOptions(Optional.empty(), withPhotos);
    }
}
