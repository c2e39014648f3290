package io.liaison.api.activitysync;

import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.ActivityId;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.SyncRun;
import java.util.List;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Two-way sync of appointments, meetings, follow-ups and tasks, and the spec's actions on single
 * activities: put another activity type into the groupware as an appointment or task, and delete its
 * groupware entry.
 */
@ProviderType
public interface ActivitySyncService {

    /** What a run of these areas would create, update and delete; writes nothing. */
    List<PlannedChange> preview(AccountId account, Set<SyncArea> areas);

    /** Runs only the chosen changes of a preview (by key) as one journaled run. */
    SyncRun run(AccountId account, Set<SyncArea> areas, List<String> chosenKeys);

    /** Puts an activity of another type into the employee's groupware and keeps it synchronised from then on. */
    void putIntoGroupware(EmployeeId actor, ActivityId activity, GroupwareEntryKind kind);

    /** Removes the activity's groupware entry and its link; the CRM activity stays. */
    void deleteGroupwareEntry(EmployeeId actor, ActivityId activity);
}
