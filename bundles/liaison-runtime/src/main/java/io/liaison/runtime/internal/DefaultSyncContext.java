package io.liaison.runtime.internal;

import io.liaison.api.connector.ConnectorSession;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.runtime.RunJournal;
import io.liaison.api.runtime.SyncContext;
import io.liaison.api.runtime.SyncTrigger;

/**
 * What an area synchronizer gets for one run: the account, its open session, the run's journal, and a
 * cancellation flag the sync service raises on shutdown or when the account is removed.
 */
record DefaultSyncContext(GroupwareAccount account, ConnectorSession session, SyncTrigger trigger, String runId,
                          RunJournal journal, RunCancellation cancellation) implements SyncContext {

    @Override
    public boolean isCancelled() {
        return cancellation.isCancelled();
    }
}
