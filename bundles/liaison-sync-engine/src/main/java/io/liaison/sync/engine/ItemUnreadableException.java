package io.liaison.sync.engine;

/** Thrown by a {@link SideStore}: the item exists but cannot be read now. It is not gone; it is left for later. */
public class ItemUnreadableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ItemUnreadableException(String message, Throwable cause) {
        super(message, cause);
    }
}
