package io.liaison.api.runtime;

import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.SyncArea;
import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A module's part of a sync run: mail import serves {@code MAILS}, activity sync {@code APPOINTMENTS} and
 * {@code TASKS}, contact replication {@code CONTACTS}. Modules register one as a service; the runtime tracks
 * them and calls the one that serves each area of a run. Uninstalling a module removes only its areas.
 */
@ConsumerType
public interface AreaSynchronizer {

    /** The areas this module serves. */
    Set<SyncArea> areas();

    /**
     * Synchronises one area. Per-item problems go to the journal and the run goes on; an exception means the
     * whole area failed (and is journaled as such). Must be harmless to repeat.
     */
    void synchronize(SyncArea area, SyncContext context) throws Exception;

    /**
     * Forgets what this module remembers for one area of an account (its links, marks and change-feed tokens): the
     * area was switched off, and switched on again it starts clean and pairs items by the ids they carry. The runtime
     * calls it after the account's change, with no run of the account under way; nothing in the groupware or the
     * CRM is deleted. The default forgets nothing.
     *
     * @since 1.3
     */
    default void forget(AccountId account, SyncArea area) {
    }
}
