package io.liaison.runtime.internal;

/**
 * The credentials vault cannot do its work: its key file is missing, unreadable or not the key the
 * credentials were sealed with, or a ciphertext was tampered with. Never carries a secret.
 */
public class VaultException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public VaultException(String message) {
        super(message);
    }

    public VaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
