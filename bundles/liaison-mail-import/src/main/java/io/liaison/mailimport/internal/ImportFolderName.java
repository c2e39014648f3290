package io.liaison.mailimport.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The spec's folder naming scheme {@code CRM <Description> [<Status>]}: a folder so named, below the import
 * root, is an import folder whose mails get the status in the brackets.
 *
 * @param description the part between "CRM " and the brackets
 * @param statusText  the text in the brackets, as written (the CRM decides whether it is a known status key)
 */
public record ImportFolderName(String description, String statusText) {
    private static final Pattern SCHEME = Pattern.compile("^CRM (.+?)\\s*\\[([^\\[\\]]*)\\]$");

    /** The parts of a folder name that follows the scheme; empty for any other name. */
    public static Optional<ImportFolderName> parse(String folderName) {
        Matcher m = SCHEME.matcher(folderName.strip());
        if (!m.matches() || m.group(1).isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new ImportFolderName(m.group(1).strip(), m.group(2).strip()));
    }
}
