package io.liaison.runtime.internal;

/** A database operation of the runtime failed; the message names the operation and the database's reason. */
public class StorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
