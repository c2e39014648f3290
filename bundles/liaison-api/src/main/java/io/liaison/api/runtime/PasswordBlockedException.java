package io.liaison.api.runtime;

/** Thrown when the account is PASSWORD_BLOCKED: a sign-in was refused and none is attempted until new credentials are entered. */
public class PasswordBlockedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PasswordBlockedException(String message) {
        super(message);
    }
}
