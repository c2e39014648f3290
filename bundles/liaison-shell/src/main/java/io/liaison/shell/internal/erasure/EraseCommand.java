package io.liaison.shell.internal.erasure;

import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.runtime.Erasure;
import io.liaison.api.runtime.ErasureService;
import io.liaison.shell.internal.LiaisonAction;
import io.liaison.shell.internal.UserInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code liaison:erase}: erases what Liaison holds about a contact person or an employee, then compacts the
 * runtime's database (README "Personal data").
 */
@Command(scope = "liaison", name = "erase", description = "Erases what Liaison holds about a contact person "
        + "(--contact, with its --address es) or an employee (--employee): journal entries, links, marks, tokens, "
        + "duplicate-index rows, accounts with their credentials, preferences; then compacts the database. The CRM's "
        + "own records are not touched")
@Service
public class EraseCommand extends LiaisonAction {

    @Reference(optional = true)
    ErasureService erasure;

    @Option(name = "--contact", description = "The CRM id of the contact person to erase")
    String contact;

    @Option(name = "--address", multiValued = true,
            description = "An e-mail address of the contact person (repeat for several): journal entries naming it "
                    + "are erased too")
    List<String> addresses;

    @Option(name = "--employee", description = "The id of the employee to erase")
    String employee;

    @Option(name = "--yes", description = "Confirms the erasure (without it nothing is erased)")
    boolean yes;

    @Override
    protected void run() {
        boolean ofContact = contact != null && !contact.isBlank();
        boolean ofEmployee = employee != null && !employee.isBlank();
        if (ofContact == ofEmployee) {
            throw new UserInputException("name either --contact ID or --employee ID");
        }
        if (ofEmployee && addresses != null && !addresses.isEmpty()) {
            throw new UserInputException("--address belongs to --contact: an employee's rows are found by their id");
        }
        String whom = ofContact ? "contact person " + contact.strip() : "employee " + employee.strip();
        if (!yes) {
            throw new UserInputException("erasing " + whom + " deletes what Liaison holds about them for good"
                    + (ofEmployee ? ", their groupware accounts included" : "") + "; repeat with --yes to erase");
        }
        ErasureService service = require(erasure, ErasureService.class, RUNTIME);
        Erasure erased = ofContact
                ? service.eraseContactPerson(ContactPersonId.of(contact.strip()), addresses())
                : service.eraseEmployee(EmployeeId.of(employee.strip()));
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Erasure.Kind kind : Erasure.Kind.values()) {
            counts.put(kind.name().toLowerCase(Locale.ROOT).replace('_', '-'), erased.count(kind));
        }
        if (json) {
            printJson(Map.of("erased", whom, "removed", counts, "compaction", erased.compaction()));
        } else {
            out().println("Erased " + whom + ": " + counts.entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));
            out().println("Database: " + erased.compaction());
        }
    }

    private Set<String> addresses() {
        return addresses == null ? Set.of()
                : addresses.stream().map(String::strip).filter(a -> !a.isEmpty()).collect(Collectors.toSet());
    }
}
