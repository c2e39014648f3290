package io.liaison.connector.local.internal;

/** A file is not a valid item of the kind its folder holds; the message says why, for a person to fix it. */
final class BrokenItemException extends Exception {
    private static final long serialVersionUID = 1L;

    BrokenItemException(String message) {
        super(message);
    }

    BrokenItemException(String message, Throwable cause) {
        super(message, cause);
    }
}
