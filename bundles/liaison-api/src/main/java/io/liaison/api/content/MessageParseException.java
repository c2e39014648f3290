package io.liaison.api.content;

/** A message could not be parsed; the message names it and says why (corrupt, too large, too deep, too slow). */
public class MessageParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MessageParseException(String message) {
        super(message);
    }

    public MessageParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
