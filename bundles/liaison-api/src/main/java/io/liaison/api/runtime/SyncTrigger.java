package io.liaison.api.runtime;

/** What started a sync run. */
public enum SyncTrigger {
    /** A person asked for it (the spec's manual synchronisation, the shell). */
    MANUAL,
    /** The account's interval (the spec's automatic synchronisation). */
    SCHEDULED,
    /** A change in the host CRM, pushed at once. */
    PUSH,
    /**
     * A person asked for it after checking the deletes that the mass-delete guard stopped: as {@link #MANUAL}, with
     * this run's deletes accepted (the guard does not stop them). Good for one run only; the next run guards again.
     */
    ACCEPT_DELETES
}
