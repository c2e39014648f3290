package io.liaison.crm.embedded.internal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;

/**
 * The mark that a vendor's host CRM took over: one line naming it and when. Written to a temporary file and moved into
 * place, so that a crash leaves either no mark or a whole one.
 */
final class VendorCrmMark {
    static final String FILE_NAME = "vendor-host-crm";

    private final File file;

    VendorCrmMark(File file) {
        this.file = file;
    }

    /** The vendor's CRM that took over, as written, when it did. */
    Optional<String> read() {
        if (!file.isFile()) {
            return Optional.empty();
        }
        try {
            String line = Files.readString(file.toPath(), StandardCharsets.UTF_8).strip();
            return Optional.of(line.isEmpty() ? "unnamed" : line);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    void write(String provider) {
        File temporary = new File(file.getParentFile(), FILE_NAME + ".tmp");
        try {
            Files.writeString(temporary.toPath(), provider + " since " + Instant.now() + "\n", StandardCharsets.UTF_8);
            Files.move(temporary.toPath(), file.toPath(), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
