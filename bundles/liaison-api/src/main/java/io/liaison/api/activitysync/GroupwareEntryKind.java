package io.liaison.api.activitysync;

/** How an activity of another type is put into the groupware (the spec's "Synchronization as date / as task"). */
public enum GroupwareEntryKind {
    APPOINTMENT, TASK
}
