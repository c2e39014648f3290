package io.liaison.connector.local.internal;

import io.liaison.api.connector.ConnectorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The layout of one account's folder tree:
 * <pre>
 * root/Mail/Inbox/…      mail folders (directories) holding .eml and .msg files
 * root/Calendar/*.ics    one VEVENT (with its exceptions) per file, the vdir layout
 * root/Tasks/*.ics       one VTODO per file
 * root/Contacts/*.vcf    one vCard per file
 * root/.liaison/         the connector's own state: message index, snapshots behind sync tokens
 * </pre>
 * Names starting with a dot are hidden: never listed, never taken for items or folders.
 */
record LocalTree(Path root, Path mail, Path calendar, Path tasks, Path contacts, Path state) {

    /** The name of the inbox folder under {@code Mail}. */
    static final String INBOX = "Inbox";

    /** Opens the tree at {@code root}, creating whatever is missing. */
    static LocalTree open(Path root) {
        Path r = root.toAbsolutePath().normalize();
        LocalTree tree = new LocalTree(r, r.resolve("Mail"), r.resolve("Calendar"), r.resolve("Tasks"),
                r.resolve("Contacts"), r.resolve(".liaison"));
        try {
            if (Files.exists(r) && !Files.isDirectory(r)) {
                throw new ConnectorException("the local connector's root " + r + " is a file, not a folder");
            }
            for (Path dir : List.of(tree.mail.resolve(INBOX), tree.calendar, tree.tasks, tree.contacts, tree.state)) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new ConnectorException("cannot create the local connector's folder tree at " + r + ": " + e, e);
        }
        return tree;
    }

    /** Whether a file or folder name is hidden from listings. */
    static boolean hidden(Path file) {
        return file.getFileName().toString().startsWith(".");
    }

    /** Every directory that holds files the connector writes, for the clean-up of interrupted writes. */
    List<Path> writableDirectories() throws IOException {
        List<Path> dirs = new ArrayList<>(List.of(calendar, tasks, contacts, state));
        try (Stream<Path> walk = Files.walk(mail)) {
            walk.filter(Files::isDirectory).forEach(dirs::add);
        }
        try (Stream<Path> walk = Files.walk(state)) {
            walk.filter(p -> Files.isDirectory(p) && !p.equals(state)).forEach(dirs::add);
        }
        return dirs;
    }
}
