package io.liaison.api.runtime;

/** Thrown when a run of the account is under way; runs of one account never overlap. */
public class SyncAlreadyRunningException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SyncAlreadyRunningException(String message) {
        super(message);
    }
}
