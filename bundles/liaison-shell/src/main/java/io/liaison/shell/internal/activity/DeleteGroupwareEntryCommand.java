package io.liaison.shell.internal.activity;

import io.liaison.api.activitysync.ActivitySyncService;
import io.liaison.api.domain.ActivityId;
import io.liaison.api.domain.EmployeeId;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code liaison:delete-groupware-entry}: the spec's "Delete groupware entry": removes the activity's appointment
 * or task from the groupware and stops synchronising it; the CRM activity stays.
 */
@Command(scope = "liaison", name = "delete-groupware-entry", description = "Removes a CRM activity's appointment "
        + "or task from the groupware and stops synchronising it; the activity stays in the CRM")
@Service
public class DeleteGroupwareEntryCommand extends GroupwareEntryCommand {

    @Override
    void apply(ActivitySyncService service, EmployeeId actor, ActivityId activity) {
        service.deleteGroupwareEntry(actor, activity);
    }

    @Override
    String done() {
        return "groupware-entry-deleted";
    }

    @Override
    String sentence() {
        return "groupware entry deleted; the activity stays in the CRM and is no longer synchronised";
    }
}
