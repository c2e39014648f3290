package io.liaison.content.internal;

/** A parse limit was exceeded; the message says which limit and its value. */
final class LimitExceededException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LimitExceededException(String message) {
        super(message);
    }
}
