package io.liaison.api.crm;

/** A host CRM call failed; the message names the item and the reason. */
public class CrmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CrmException(String message) {
        super(message);
    }

    public CrmException(String message, Throwable cause) {
        super(message, cause);
    }
}
