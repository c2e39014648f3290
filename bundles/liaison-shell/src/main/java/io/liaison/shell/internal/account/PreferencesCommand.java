package io.liaison.shell.internal.account;

import io.liaison.api.domain.EmployeeId;
import io.liaison.api.runtime.GroupwarePreferences;
import io.liaison.api.runtime.GroupwarePreferencesService;
import io.liaison.shell.internal.Arguments;
import io.liaison.shell.internal.JsonViews;
import io.liaison.shell.internal.LiaisonAction;
import io.liaison.shell.internal.UserInputException;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code liaison:preferences}: shows an employee's groupware preferences (the spec's "User preferences / Groupware")
 * and, with options, changes them; what is not named stays as it was.
 */
@Command(scope = "liaison", name = "preferences", description = "Shows or changes an employee's groupware preferences:"
        + " the areas the manual synchronisation selects, whether its result shows only the current import, whether "
        + "opening an activity synchronises it first")
@Service
public class PreferencesCommand extends LiaisonAction {

    @Reference(optional = true)
    GroupwarePreferencesService preferences;

    @Argument(index = 0, name = "employee", required = true, description = "The employee's CRM id")
    String employee;

    @Option(name = "--wizard-areas", description = "Comma-separated areas the manual synchronisation selects by "
            + "default (the spec's default: MAILS)")
    String wizardAreas;

    @Option(name = "--only-current-import", description = "true: the result shows only the current import's "
            + "activities (the default); false: all imported activities")
    String onlyCurrentImport;

    @Option(name = "--sync-on-open", description = "true: opening an activity window synchronises it first (inactive "
            + "while the employee's automatic synchronisation is on); false: not (the default)")
    String syncOnOpen;

    @Override
    protected void run() {
        GroupwarePreferencesService service = require(preferences, GroupwarePreferencesService.class, RUNTIME);
        if (employee.isBlank()) {
            throw new UserInputException("name the employee whose preferences to show or change");
        }
        EmployeeId id = EmployeeId.of(employee.strip());
        GroupwarePreferences current = service.get(id);
        if (wizardAreas != null || onlyCurrentImport != null || syncOnOpen != null) {
            current = service.set(id, new GroupwarePreferences(
                    wizardAreas == null ? current.wizardAreas() : Arguments.areas("--wizard-areas", wizardAreas),
                    onlyCurrentImport == null ? current.onlyCurrentImport()
                            : Arguments.yesNo("--only-current-import", onlyCurrentImport),
                    syncOnOpen == null ? current.syncOnOpen() : Arguments.yesNo("--sync-on-open", syncOnOpen)));
        }
        boolean active = service.syncOnOpenActive(id);
        if (json) {
            printJson(JsonViews.preferences(id, current, active));
            return;
        }
        out().println("Groupware preferences of employee " + id.value() + ":");
        out().println("  manual synchronisation selects: " + current.wizardAreas().stream().sorted()
                .map(Enum::name).collect(Collectors.joining(", ")));
        out().println("  result shows: " + (current.onlyCurrentImport() ? "only the current import's activities"
                : "all imported activities"));
        out().println("  opening an activity synchronises it first: " + (current.syncOnOpen()
                ? (active ? "yes" : "chosen, but inactive while automatic synchronisation is on") : "no"));
    }
}
