package io.liaison.crm.embedded.internal;

/** What happened to an item in the change feed. */
public enum ChangeKind {
    CREATED, UPDATED, DELETED
}
