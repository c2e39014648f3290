package io.liaison.sync.engine;

/**
 * A side adapter's answer when a write named a version the item no longer has: a person changed it after this
 * run read it. The change shows in the next run's feed, so the item is left for that run.
 */
public class ItemChangedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ItemChangedException(String message, Throwable cause) {
        super(message, cause);
    }
}
