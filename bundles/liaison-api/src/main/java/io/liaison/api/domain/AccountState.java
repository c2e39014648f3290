package io.liaison.api.domain;

/** Whether Liaison may sign in to an account's groupware. */
public enum AccountState {
    /** Sign-in allowed. */
    ACTIVE,
    /**
     * The spec's "Groupware password blocked": the last sign-in failed for wrong credentials, so no further
     * attempt is made (the groupware would lock the mailbox out) until an administrator enters new ones.
     */
    PASSWORD_BLOCKED,
    /** Switched off by an administrator: neither scheduled nor manual runs. */
    DISABLED
}
