package io.liaison.api.connector;

/** A write named a version the item no longer has: it was changed meanwhile, e.g. by hand. */
public class VersionConflictException extends ConnectorException {
    private static final long serialVersionUID = 1L;

    public VersionConflictException(String message) {
        super(message);
    }

    public VersionConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
