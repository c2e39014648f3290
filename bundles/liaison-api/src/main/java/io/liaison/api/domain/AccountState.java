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
    DISABLED,
    /**
     * Runs keep failing (a deleted mailbox, an unreachable server, an employee no longer in the CRM): several runs in
     * a row ended FAILED, the state reason says why the last one did. Not blocked: scheduled runs still come, ever
     * further apart (backing off up to a day), a manual run runs at once, and the first run that works makes the
     * account ACTIVE again.
     *
     * @since 1.2
     */
    FAILING
}
