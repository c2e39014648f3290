package io.liaison.api.runtime;

/** What a sync run did with one item. */
public enum Outcome {
    CREATED, UPDATED, DELETED, LINKED, UNCHANGED, SKIPPED, CONFLICT, WARNING, FAILED
}
