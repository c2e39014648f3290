package io.liaison.api.connector;

/** The item or message named is not there (any more). */
public class ItemNotFoundException extends ConnectorException {
    private static final long serialVersionUID = 1L;

    public ItemNotFoundException(String message) {
        super(message);
    }

    public ItemNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
