package io.liaison.api.runtime;

/** How a sync run ended. */
public enum RunStatus {
    /** Still under way. */
    RUNNING,
    /** Every item went through. */
    SUCCEEDED,
    /** The run ended, but some items failed or were skipped with a warning; see its entries. */
    COMPLETED_WITH_ERRORS,
    /**
     * The run could not do its work: the sign-in was refused, the groupware was unreachable, or every area that
     * ran failed as a whole (when only some did, the run is {@link #COMPLETED_WITH_ERRORS}).
     */
    FAILED,
    /**
     * The run was cancelled before its work was done: Liaison stopped, the module of an area was stopped or
     * removed, or the account was removed or disabled. What it did is journaled; what it did not do is left in
     * place for the next run (the journal names the items it left). The error says why it was cancelled.
     *
     * @since 1.2
     */
    CANCELLED
}
