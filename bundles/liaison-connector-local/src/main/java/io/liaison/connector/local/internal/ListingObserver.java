package io.liaison.connector.local.internal;

import java.nio.file.Path;

/**
 * Told about each file a listing has just read. Production code uses {@link #NONE}; tests use it to change
 * files in the middle of a listing, deterministically.
 */
@FunctionalInterface
interface ListingObserver {

    ListingObserver NONE = file -> { };

    void afterRead(Path file) throws java.io.IOException;
}
