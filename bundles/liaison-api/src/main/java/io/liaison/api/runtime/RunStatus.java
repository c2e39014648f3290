package io.liaison.api.runtime;

/** How a sync run ended. */
public enum RunStatus {
    /** Still under way. */
    RUNNING,
    /** Every item went through. */
    SUCCEEDED,
    /** The run ended, but some items failed or were skipped with a warning; see its entries. */
    COMPLETED_WITH_ERRORS,
    /** The run could not do its work (sign-in refused, groupware unreachable, an area failed as a whole). */
    FAILED
}
