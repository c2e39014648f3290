package io.liaison.shell.internal.activity;

import io.liaison.api.activitysync.ActivitySyncService;
import io.liaison.api.activitysync.GroupwareEntryKind;
import io.liaison.api.domain.ActivityId;
import io.liaison.api.domain.EmployeeId;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code liaison:sync-as-appointment}: the spec's "Synchronization as date": puts an activity of any type into the
 * employee's groupware as an appointment; it is synchronised from then on.
 */
@Command(scope = "liaison", name = "sync-as-appointment", description = "Puts a CRM activity of any type into the "
        + "employee's groupware as an appointment and keeps it synchronised")
@Service
public class SyncAsAppointmentCommand extends GroupwareEntryCommand {

    @Override
    void apply(ActivitySyncService service, EmployeeId actor, ActivityId activity) {
        service.putIntoGroupware(actor, activity, GroupwareEntryKind.APPOINTMENT);
    }

    @Override
    String done() {
        return "synchronised-as-appointment";
    }

    @Override
    String sentence() {
        return "put into the groupware as an appointment; it is synchronised from now on";
    }
}
