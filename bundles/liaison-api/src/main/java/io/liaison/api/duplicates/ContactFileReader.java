package io.liaison.api.duplicates;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads the contacts of a vCard ({@code .vcf}) or CSV file to check them for duplicates. CSV files have the header
 * {@code first_name,last_name,email,phone,mobile,company}; other columns are passed through. Each entry is read on
 * its own, so that one unreadable entry is reported and the others are still read.
 */
@ProviderType
public interface ContactFileReader {

    /**
     * Reads every contact of the file.
     *
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException when the file is not a vCard or CSV file, too large, or a CSV file without
     *                                  the name columns
     */
    List<ContactFileEntry> read(Path file) throws IOException;
}
