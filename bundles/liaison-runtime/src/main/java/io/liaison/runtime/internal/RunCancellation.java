package io.liaison.runtime.internal;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The cancellation of one sync run: raised once, with the reason that ends up in the run's journal (Liaison stopping,
 * the module of an area going away, the account removed or disabled). Synchronizers see it as
 * {@code SyncContext.isCancelled()} and stop between two items; nothing is interrupted.
 */
final class RunCancellation {
    private final AtomicReference<String> reason = new AtomicReference<>();
    private final Thread runner;

    /** The cancellation of the run that the calling thread carries out. */
    RunCancellation() {
        this.runner = Thread.currentThread();
    }

    /** Cancels the run; the first reason given is the one kept. */
    void cancel(String why) {
        reason.compareAndSet(null, why);
    }

    boolean isCancelled() {
        return reason.get() != null;
    }

    /** Why the run was cancelled, if it was. */
    Optional<String> reason() {
        return Optional.ofNullable(reason.get());
    }

    /** Whether the calling thread is the one carrying out this run (a synchronizer that removes itself). */
    boolean isRunByCurrentThread() {
        return runner == Thread.currentThread();
    }
}
