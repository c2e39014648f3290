package io.liaison.mailimport.internal;

import io.liaison.api.connector.MailFolder;
import io.liaison.api.connector.MailStore;
import io.liaison.api.crm.CrmCatalog;
import io.liaison.api.domain.StatusKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds an account's import folders: the import root below the inbox and every folder named
 * {@code CRM <Description> [<Status>]} at any depth below it. A folder naming a status the CRM does not know
 * is skipped with a warning; the others go on. Creates the root and the archive folder when missing, as the
 * spec's "is automatically created" asks.
 */
final class ImportFolderScanner {

    /** The outcome of a scan. */
    record Scan(MailFolder root, MailFolder archive, List<ImportFolder> importFolders, List<String> warnings) {
    }

    private final CrmCatalog catalog;

    ImportFolderScanner(CrmCatalog catalog) {
        this.catalog = catalog;
    }

    Scan scan(MailStore store, String rootName, String archiveName) {
        MailFolder inbox = store.inbox();
        MailFolder root = store.ensureFolder(inbox.id(), rootName);
        MailFolder archive = store.ensureFolder(inbox.id(), archiveName);
        List<ImportFolder> found = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        found.add(new ImportFolder(root, StatusKey.IMPORTED));
        for (MailFolder folder : store.folders()) {
            if (!isBelow(folder, root) || folder.id().equals(archive.id())) {
                continue;
            }
            Optional<ImportFolderName> name = ImportFolderName.parse(folder.name());
            if (name.isEmpty()) {
                continue;
            }
            String statusText = name.get().statusText();
            if (statusText.isEmpty()) {
                warnings.add("folder '" + folder.displayPath() + "' skipped: no status key in its brackets");
                continue;
            }
            StatusKey status = new StatusKey(statusText);
            if (!catalog.isKnown(status)) {
                warnings.add("folder '" + folder.displayPath() + "' skipped: status key '" + statusText
                        + "' is not known to the CRM (known: " + knownKeys() + ")");
                continue;
            }
            found.add(new ImportFolder(folder, status));
        }
        return new Scan(root, archive, found, warnings);
    }

    private static boolean isBelow(MailFolder folder, MailFolder root) {
        List<String> path = folder.path();
        List<String> rootPath = root.path();
        return path.size() > rootPath.size() && path.subList(0, rootPath.size()).equals(rootPath);
    }

    private String knownKeys() {
        return catalog.statusKeys().stream().map(s -> s.key().key()).collect(Collectors.joining(", "));
    }
}
