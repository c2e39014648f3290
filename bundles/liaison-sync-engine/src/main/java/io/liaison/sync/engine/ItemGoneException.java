package io.liaison.sync.engine;

/** A side adapter's answer when the item named is not there (any more). */
public class ItemGoneException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ItemGoneException(String message, Throwable cause) {
        super(message, cause);
    }
}
