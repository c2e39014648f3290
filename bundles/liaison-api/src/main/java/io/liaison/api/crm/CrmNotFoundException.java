package io.liaison.api.crm;

/** The item named does not exist in the host CRM, or the acting employee may not see it. */
public class CrmNotFoundException extends CrmException {
    private static final long serialVersionUID = 1L;

    public CrmNotFoundException(String message) {
        super(message);
    }
}
