package io.liaison.shell.internal.sync;

import io.liaison.api.crm.ActivityQuery;
import io.liaison.api.crm.HostCrm;
import io.liaison.api.crm.Quicksearch;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityData;
import io.liaison.api.domain.ActivityId;
import io.liaison.api.domain.Employee;
import io.liaison.api.runtime.SyncJournal;
import io.liaison.api.runtime.SyncRun;
import io.liaison.shell.internal.Arguments;
import io.liaison.shell.internal.Employees;
import io.liaison.shell.internal.JsonViews;
import io.liaison.shell.internal.LiaisonAction;
import io.liaison.shell.internal.Text;
import io.liaison.shell.internal.TextTable;
import io.liaison.shell.internal.UserInputException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code liaison:activities}: the spec's three quicksearches for imported mails (imported, not assigned, all
 * imported), or the activities one sync run created (the "N activities imported" link), as the employee sees
 * them in the CRM.
 */
@Command(scope = "liaison", name = "activities", description = "Lists an employee's imported mails by the "
        + "spec's quicksearches (--imported, the default; --unassigned; --all-imported), or the activities a "
        + "sync run created (--run RUN_ID)")
@Service
public class ActivitiesCommand extends LiaisonAction {
    static final int DEFAULT_LIMIT = 50;

    @Reference(optional = true)
    HostCrm crm;

    /** Needed for --run only. */
    @Reference(optional = true)
    SyncJournal journal;

    @Argument(index = 0, name = "employee", required = true, description = "The employee's CRM id or login")
    String employee;

    @Option(name = "--imported", description = "Quicksearch \"Imported mails\": status I, not yet dealt with")
    boolean imported;

    @Option(name = "--unassigned", description = "Quicksearch \"Not assigned imported mails\": "
            + "neither business partner nor contact person")
    boolean unassigned;

    @Option(name = "--all-imported", description = "Quicksearch \"All imported mails\", whatever the status")
    boolean allImported;

    @Option(name = "--run", aliases = "-r", description = "The activities this sync run created")
    @Completion(RunIdCompleter.class)
    String runId;

    @Option(name = "--limit", aliases = "-n", description = "The most activities to show (default 50)")
    String limit;

    ZoneId zone = ZoneId.systemDefault();

    @Override
    protected void run() {
        int selectors = (imported ? 1 : 0) + (unassigned ? 1 : 0) + (allImported ? 1 : 0) + (runId != null ? 1 : 0);
        if (selectors > 1) {
            throw new UserInputException("choose one of --imported, --unassigned, --all-imported, --run");
        }
        int max = limit == null ? DEFAULT_LIMIT : Arguments.number("--limit", limit, 1, 10_000);
        HostCrm crm = require(this.crm, HostCrm.class, CRM);
        Employee who = Employees.resolve(crm.employees(), employee);
        List<Activity> found;
        String title;
        if (runId != null) {
            SyncRun run = require(journal, SyncJournal.class, RUNTIME).run(runId.strip())
                    .orElseThrow(() -> new UserInputException("unknown run '" + runId + "'"));
            List<ActivityId> ids = run.createdActivities().stream().limit(max).map(ActivityId::of).toList();
            // an empty id list means "any activity" to ActivityQuery: a run that created none shows none
            found = ids.isEmpty() ? List.of() : crm.activities().search(who.id(), ActivityQuery.byIds(ids));
            title = "activities created by run " + run.id();
        } else {
            Quicksearch q = unassigned ? Quicksearch.NOT_ASSIGNED_IMPORTED_MAILS
                    : allImported ? Quicksearch.ALL_IMPORTED_MAILS : Quicksearch.IMPORTED_MAILS;
            found = crm.activities().quicksearch(who.id(), q, max);
            title = label(q);
        }
        if (json) {
            printJson(found.stream().map(JsonViews::activity).toList());
            return;
        }
        if (found.isEmpty()) {
            out().println("No " + title + " for employee " + who.login() + ".");
            return;
        }
        out().println(capitalised(title) + " for employee " + who.login() + " (" + found.size() + "):");
        TextTable table = new TextTable(60, "ID", "TYPE", "STATUS", "DATE", "FROM", "SUBJECT", "ASSIGNED TO");
        for (Activity a : found) {
            ActivityData d = a.data();
            table.row(a.id(), d.type(), d.status(), Text.time(d.start(), zone),
                    d.mail().map(m -> m.from()).orElse(""), d.subject(), assignment(d));
        }
        table.print(out());
    }

    static String label(Quicksearch q) {
        return switch (q) {
            case IMPORTED_MAILS -> "imported mails";
            case NOT_ASSIGNED_IMPORTED_MAILS -> "not assigned imported mails";
            case ALL_IMPORTED_MAILS -> "all imported mails";
        };
    }

    private static String assignment(ActivityData d) {
        List<String> parts = new ArrayList<>();
        d.businessPartner().ifPresent(b -> parts.add("partner " + b.value()));
        d.contactPerson().ifPresent(c -> parts.add("contact " + c.value()));
        return parts.isEmpty() ? "-" : String.join(", ", parts);
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
