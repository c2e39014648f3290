package io.liaison.sync.engine;

/** Why an item is created on a side: each reason has its own idempotency key, so repeating a create is harmless. */
public enum CreateReason {
    /** A new item of the other side. */
    NEW,
    /** The other side's item was edited while this side deleted its copy: the edit wins, the item comes back. */
    RECREATE,
    /** Keep-both conflict: the other side's edit is kept as a second item. */
    CONFLICT_COPY
}
