package io.liaison.activitysync.internal;

/** The connector a flow runs against: the local folder tree, or the Graph connector on the Graph emulator. */
enum Groupware {
    /** The local connector on a temporary folder tree ({@code .ics} files and task files). */
    LOCAL,
    /** The Graph connector on a fresh mailbox of the Graph emulator (HTTPS, delta tokens, change keys, batches). */
    GRAPH
}
