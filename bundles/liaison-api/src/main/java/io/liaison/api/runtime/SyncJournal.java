package io.liaison.api.runtime;

import io.liaison.api.domain.AccountId;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The sync journal: every run, with per-item outcomes, for administrators and for the host's popup. */
@ProviderType
public interface SyncJournal {

    /** The newest runs, of one account or of all, newest first. */
    List<SyncRun> runs(Optional<AccountId> account, int limit);

    Optional<SyncRun> run(String runId);

    /** A run's entries in the order they were recorded. */
    List<JournalEntry> entries(String runId);
}
