package io.liaison.api.runtime;

/** Thrown when there is no groupware account with the id named. */
public class AccountNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AccountNotFoundException(String message) {
        super(message);
    }
}
