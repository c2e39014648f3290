package io.liaison.crm.embedded.internal;

/**
 * Told of every committed change to an activity or contact person; the OSGi component posts them to Event
 * Admin, tests record them. Called after the commit, on the writing thread.
 */
@FunctionalInterface
public interface CrmChangeListener {
    /** Ignores every change. */
    CrmChangeListener NONE = change -> { };

    void changed(CrmChange change);
}
