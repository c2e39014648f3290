package io.liaison.api.connector;

/** The groupware refused the account's credentials. The runtime blocks the account (PASSWORD_BLOCKED) at the first one. */
public class SignInFailedException extends ConnectorException {
    private static final long serialVersionUID = 1L;

    public SignInFailedException(String message) {
        super(message);
    }

    public SignInFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
