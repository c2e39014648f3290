package io.liaison.shell.internal;

/**
 * A command was given an argument it cannot use, or named an item that does not exist. The message is one
 * line that names the item and the reason, e.g. {@code unknown account 'x'}; {@link LiaisonAction} shows it as
 * {@code Error: <message>}, without a stack trace.
 */
public class UserInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserInputException(String message) {
        super(message);
    }
}
