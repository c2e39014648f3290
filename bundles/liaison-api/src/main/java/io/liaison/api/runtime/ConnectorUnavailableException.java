package io.liaison.api.runtime;

/** Thrown when no connector of the account's type is installed. */
public class ConnectorUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConnectorUnavailableException(String message) {
        super(message);
    }
}
