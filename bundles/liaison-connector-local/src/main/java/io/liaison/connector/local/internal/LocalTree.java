package io.liaison.connector.local.internal;

import io.liaison.api.connector.ConnectorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger LOG = LoggerFactory.getLogger(LocalTree.class);

    /** The name of the inbox folder under {@code Mail}. */
    static final String INBOX = "Inbox";

    /**
     * Opens the tree at {@code root}. The root must exist: a missing one is an unmounted share or a wrong
     * setting, never an empty account; only {@code createRoot} (the account's setup asks for it, for a tree on
     * a local disk) creates it. A root without Liaison's state folder has never been opened by Liaison,
     * and its first opening is the account's set-up: missing areas are created there. Once the state folder
     * exists, a missing area folder is an error naming it, so that a calendar whose folder vanished never
     * reads as an empty calendar.
     *
     * @throws ConnectorException naming the path that is missing or not a folder
     */
    static LocalTree open(Path root, boolean createRoot) {
        Path r = root.toAbsolutePath().normalize();
        LocalTree tree = new LocalTree(r, r.resolve("Mail"), r.resolve("Calendar"), r.resolve("Tasks"),
                r.resolve("Contacts"), r.resolve(".liaison"));
        if (!Files.exists(r) && createRoot) {
            try {
                Files.createDirectories(r);
            } catch (IOException e) {
                throw new ConnectorException("cannot create the local connector's root " + r + ": " + e, e);
            }
        }
        if (!Files.exists(r)) {
            throw new ConnectorException("the local connector's root " + r + " does not exist (a share not mounted?);"
                    + " nothing is synchronised until it is there. To set up a new account, create the folder (or set '"
                    + LocalConnectorFactory.CREATE_ROOT + "' for a tree on a local disk)");
        }
        if (!Files.isDirectory(r)) {
            throw new ConnectorException("the local connector's root " + r + " is a file, not a folder");
        }
        List<Path> areas = List.of(tree.mail, tree.mail.resolve(INBOX), tree.calendar, tree.tasks, tree.contacts);
        boolean setUp = !Files.isDirectory(tree.state);
        for (Path dir : areas) {
            tree.linkOutside(dir).ifPresent(target -> {
                throw new ConnectorException("the local connector's folder " + dir + " " + outsideReason(target, r)
                        + "; nothing is synchronised until it is a folder of the tree");
            });
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new ConnectorException("the local connector's folder " + dir + " is a file, not a folder");
            }
            if (!setUp && !Files.exists(dir)) {
                throw new ConnectorException("the local connector's folder " + dir + " is missing; nothing is"
                        + " synchronised until it is back (an empty folder there would mean: every item deleted)");
            }
        }
        if (setUp) {
            try {
                for (Path dir : areas) {
                    Files.createDirectories(dir);
                }
                Files.createDirectories(tree.state);
            } catch (IOException e) {
                throw new ConnectorException("cannot set up the local connector's folder tree at " + r + ": " + e, e);
            }
            LOG.info("Set up the local folder tree at {}", r);
        }
        return tree;
    }

    /** Opens the tree at an existing {@code root}; see {@link #open(Path, boolean)}. */
    static LocalTree open(Path root) {
        return open(root, false);
    }

    /**
     * Where a symbolic link found in the tree leads, when that is outside the root (with the root's own links
     * followed); empty for anything else. A link that leads nowhere counts by where it points: a write through it
     * would create the file there.
     */
    Optional<Path> linkOutside(Path path) {
        if (!Files.isSymbolicLink(path)) {
            return Optional.empty();
        }
        try {
            Path realRoot = root.toRealPath();
            Path target;
            try {
                target = path.toRealPath();
            } catch (NoSuchFileException dangling) {
                target = path.getParent().toRealPath().resolve(Files.readSymbolicLink(path)).normalize();
            }
            return target.startsWith(realRoot) ? Optional.empty() : Optional.of(target);
        } catch (IOException e) {
            // a link whose target cannot be resolved is not followed either
            return Optional.of(path);
        }
    }

    /** Why a path that is a link out of the tree is not followed, for problems and errors naming it. */
    static String outsideReason(Path target, Path root) {
        return "is a symbolic link to " + target + ", outside the account's root " + root + ": not followed";
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
