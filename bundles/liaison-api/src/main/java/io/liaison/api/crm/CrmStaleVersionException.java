package io.liaison.api.crm;

/** An update or delete named a version the item no longer has: someone changed it in between. */
public class CrmStaleVersionException extends CrmException {
    private static final long serialVersionUID = 1L;

    public CrmStaleVersionException(String message) {
        super(message);
    }
}
