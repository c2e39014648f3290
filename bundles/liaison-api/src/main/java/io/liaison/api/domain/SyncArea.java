package io.liaison.api.domain;

/**
 * The areas a groupware account synchronises; the spec's wizard offers them as "what to import".
 * By default only {@link #MAILS} is enabled.
 */
public enum SyncArea {
    /** Mails from the import folders become MAILIN activities. */
    MAILS,
    /** Appointments and meetings with groupware events. */
    APPOINTMENTS,
    /** Tasks and follow-ups with groupware tasks. */
    TASKS,
    /** Contact persons with groupware contacts (contact replication). */
    CONTACTS
}
