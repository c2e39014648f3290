package io.liaison.api.runtime;

import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.SyncArea;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs synchronisation for an account: opens its session, hands each requested area to the
 * {@link AreaSynchronizer} that serves it, journals the run and posts {@link RuntimeEvents#TOPIC_RUN_COMPLETED}.
 * Never runs the same account twice at once.
 */
@ProviderType
public interface SyncService {

    /**
     * Runs the given areas of an account now and returns when the run has ended.
     *
     * @param areas   the areas to run; those the account has not enabled, or no module serves, are reported
     *                in the journal and skipped
     * A person's run ({@link SyncTrigger#MANUAL}, {@link SyncTrigger#ACCEPT_DELETES}) that finds a run of the account
     * under way waits for it and runs right after it (a bounded wait, see the implementation); a scheduled or pushed
     * run does not wait, and does not start while a person's run waits.
     *
     * @throws SyncAlreadyRunningException when a run of this account is under way (a person's run: still under way
     *                                     when the wait ends)
     * @throws AccountNotFoundException    when there is no such account
     */
    SyncRun sync(AccountId account, Set<SyncArea> areas, SyncTrigger trigger);
}
