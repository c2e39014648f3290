package io.liaison.shell.internal.activity;

import io.liaison.api.activitysync.ActivitySyncService;
import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.ActivityId;
import io.liaison.api.domain.EmployeeId;
import io.liaison.shell.internal.Actors;
import io.liaison.shell.internal.LiaisonAction;
import io.liaison.shell.internal.UserInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;

/**
 * The base of the commands that act on one activity's groupware entry: put it into the groupware as an
 * appointment or a task, or delete the entry. They act for an employee (the activity's owner, whose accounts
 * hold the entry), named by {@code --employee} or the CRM's first one.
 */
abstract class GroupwareEntryCommand extends LiaisonAction {

    @Reference(optional = true)
    HostCrm crm;

    @Reference(optional = true)
    ActivitySyncService activitySync;

    @Argument(index = 0, name = "activity", required = true, description = "The CRM activity id")
    String activity;

    @Option(name = "--employee", description = "The employee (id or login) to act for; default the CRM's first")
    String employee;

    @Override
    protected final void run() {
        ActivitySyncService service = require(activitySync, ActivitySyncService.class,
                ActivitySyncCommands.ACTIVITY_SYNC);
        if (activity == null || activity.isBlank()) {
            throw new UserInputException("no activity id given");
        }
        ActivityId id = ActivityId.of(activity.strip());
        EmployeeId actor = Actors.resolve(crm, employee);
        apply(service, actor, id);
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("activity", id.value());
            m.put("employee", actor.value());
            m.put("done", done());
            printJson(m);
        } else {
            out().println("Activity " + id.value() + ": " + sentence() + " (for employee " + actor.value() + ").");
        }
    }

    /** Calls the service. */
    abstract void apply(ActivitySyncService service, EmployeeId actor, ActivityId activity);

    /** What happened, as one word for JSON. */
    abstract String done();

    /** What happened, for a person. */
    abstract String sentence();
}
