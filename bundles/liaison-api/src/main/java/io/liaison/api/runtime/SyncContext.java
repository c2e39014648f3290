package io.liaison.api.runtime;

import io.liaison.api.connector.ConnectorSession;
import io.liaison.api.domain.GroupwareAccount;
import org.osgi.annotation.versioning.ProviderType;

/** What an {@link AreaSynchronizer} gets for one run of one account. */
@ProviderType
public interface SyncContext {

    /** The account being synchronised. */
    GroupwareAccount account();

    /** The open connector session; the runtime closes it after the run. */
    ConnectorSession session();

    /** What started the run. */
    SyncTrigger trigger();

    /** The run's id, as the journal knows it. */
    String runId();

    /** Where the module records what happened to each item. */
    RunJournal journal();

    /** Whether the run was asked to stop (shutdown, account removed); check between items. */
    boolean isCancelled();
}
