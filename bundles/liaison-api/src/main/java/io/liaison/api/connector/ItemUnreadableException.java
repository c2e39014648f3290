package io.liaison.api.connector;

/**
 * The item exists but cannot be read now (a half-written or unparseable file, data the connector cannot map): it is
 * not gone. A caller never treats it as deleted; it leaves the item alone and tries again on a later run.
 */
public class ItemUnreadableException extends ConnectorException {
    private static final long serialVersionUID = 1L;

    public ItemUnreadableException(String message) {
        super(message);
    }

    public ItemUnreadableException(String message, Throwable cause) {
        super(message, cause);
    }
}
