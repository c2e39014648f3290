package io.liaison.shell.internal.activity;

import io.liaison.api.activitysync.ActivitySyncService;
import io.liaison.api.activitysync.GroupwareEntryKind;
import io.liaison.api.domain.ActivityId;
import io.liaison.api.domain.EmployeeId;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code liaison:sync-as-task}: the spec's "Synchronization as task": puts an activity of any type into the
 * employee's groupware as a task; it is synchronised from then on.
 */
@Command(scope = "liaison", name = "sync-as-task", description = "Puts a CRM activity of any type into the "
        + "employee's groupware as a task and keeps it synchronised")
@Service
public class SyncAsTaskCommand extends GroupwareEntryCommand {

    @Override
    void apply(ActivitySyncService service, EmployeeId actor, ActivityId activity) {
        service.putIntoGroupware(actor, activity, GroupwareEntryKind.TASK);
    }

    @Override
    String done() {
        return "synchronised-as-task";
    }

    @Override
    String sentence() {
        return "put into the groupware as a task; it is synchronised from now on";
    }
}
