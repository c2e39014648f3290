package io.liaison.connector.local.internal;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per folder tree in this JVM, so that two sessions on the same tree (mail import and activity
 * sync running side by side) never interleave a listing, an index update and a write. People editing files
 * at the same time are not stopped by it: versions catch their changes.
 */
final class TreeLock {

    private static final ConcurrentMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    private TreeLock() {
    }

    static ReentrantLock of(Path root) {
        return LOCKS.computeIfAbsent(root.toAbsolutePath().normalize(), p -> new ReentrantLock());
    }
}
