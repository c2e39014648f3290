package io.liaison.api.runtime;

/** What started a sync run. */
public enum SyncTrigger {
    /** A person asked for it (the spec's manual synchronisation, the shell). */
    MANUAL,
    /** The account's interval (the spec's automatic synchronisation). */
    SCHEDULED,
    /** A change in the host CRM, pushed at once. */
    PUSH
}
