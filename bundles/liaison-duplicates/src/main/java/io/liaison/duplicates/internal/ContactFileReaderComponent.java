package io.liaison.duplicates.internal;

import io.liaison.api.duplicates.ContactFileEntry;
import io.liaison.api.duplicates.ContactFileReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Component;

/**
 * Reads vCard and CSV files of contacts to check, bounded in size (50 MB) and in entries (100,000), so that a
 * runaway file is refused instead of filling the memory.
 */
@Component(service = ContactFileReader.class)
public final class ContactFileReaderComponent implements ContactFileReader {
    /** The largest file read. */
    public static final long MAX_BYTES = 50L * 1024 * 1024;
    /** The most entries read from one file. */
    public static final int MAX_ENTRIES = 100_000;

    @Override
    public List<ContactFileEntry> read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new IllegalArgumentException("file " + file.getFileName() + " has " + size + " bytes, at most "
                    + MAX_BYTES + " allowed");
        }
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".vcf") || name.endsWith(".vcard") || text.stripLeading().regionMatches(true, 0, "BEGIN:VCARD", 0, 11)) {
            return VCardContacts.read(text, MAX_ENTRIES);
        }
        if (name.endsWith(".csv") || name.endsWith(".txt")) {
            return CsvContacts.read(text, MAX_ENTRIES);
        }
        throw new IllegalArgumentException("file " + file.getFileName() + " is neither a vCard (.vcf) nor a CSV (.csv) file");
    }
}
