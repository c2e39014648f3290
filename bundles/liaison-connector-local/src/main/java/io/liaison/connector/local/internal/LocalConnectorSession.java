package io.liaison.connector.local.internal;

import io.liaison.api.connector.ConnectorSession;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.MailStore;
import io.liaison.api.connector.item.ContactData;
import io.liaison.api.connector.item.EventData;
import io.liaison.api.connector.item.TaskData;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session on one account's folder tree: mail, events, tasks and contacts. It holds no open files between
 * calls, so closing it releases nothing but its caches. Opening it removes temporary files that interrupted
 * writes left behind.
 */
final class LocalConnectorSession implements ConnectorSession {

    private static final Logger LOG = LoggerFactory.getLogger(LocalConnectorSession.class);

    private final LocalMailStore mail;
    private final VdirStore<EventData> events;
    private final VdirStore<TaskData> tasks;
    private final VdirStore<ContactData> contacts;

    LocalConnectorSession(LocalTree tree, ZoneId zone, java.util.Set<String> ownerAddresses, Clock clock,
                          ListingObserver observer) {
        AtomicFiles files = new AtomicFiles(clock);
        removeLeftovers(tree, files);
        Snapshots snapshots = new Snapshots(tree.state(), files);
        this.mail = new LocalMailStore(tree, snapshots, files, observer, clock);
        this.events = new VdirStore<>(tree, tree.calendar(), "events", new EventCodec(zone, ownerAddresses), snapshots, files, observer);
        this.tasks = new VdirStore<>(tree, tree.tasks(), "tasks", new TaskCodec(zone), snapshots, files, observer);
        this.contacts = new VdirStore<>(tree, tree.contacts(), "contacts", new ContactCodec(), snapshots, files, observer);
    }

    private static void removeLeftovers(LocalTree tree, AtomicFiles files) {
        java.util.concurrent.locks.ReentrantLock lock = TreeLock.of(tree.root());
        lock.lock(); // a write of another session in this JVM is never taken for an interrupted one
        try {
            for (Path dir : tree.writableDirectories()) {
                files.removeStaleTemporaries(dir);
                files.restoreSetAside(dir);
            }
        } catch (IOException e) {
            LOG.warn("Could not look for leftover temporary files under {}: {}", tree.root(), e.toString());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<MailStore> mail() {
        return Optional.of(mail);
    }

    @Override
    public Optional<ItemStore<EventData>> events() {
        return Optional.of(events);
    }

    @Override
    public Optional<ItemStore<TaskData>> tasks() {
        return Optional.of(tasks);
    }

    @Override
    public Optional<ItemStore<ContactData>> contacts() {
        return Optional.of(contacts);
    }

    @Override
    public void close() {
        // nothing is held open between calls; only the mail index may have moves to write
        mail.flush();
    }
}
