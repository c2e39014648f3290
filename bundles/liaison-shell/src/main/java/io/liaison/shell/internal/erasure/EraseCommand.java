package io.liaison.shell.internal.erasure;

import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.CommunicationType;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.runtime.Erasure;
import io.liaison.api.runtime.ErasureService;
import io.liaison.shell.internal.Actors;
import io.liaison.shell.internal.LiaisonAction;
import io.liaison.shell.internal.UserInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code liaison:erase}: erases what Liaison holds about a contact person or an employee, then compacts the
 * runtime's database (README "Personal data"). A contact person's e-mail addresses (which find the journal entries
 * naming it) are looked up in the CRM while it still has the contact person, so the operator need not know them;
 * {@code --address} adds those it no longer has (it was deleted there first, or had others before).
 */
@Command(scope = "liaison", name = "erase", description = "Erases what Liaison holds about a contact person "
        + "(--contact; its addresses are looked up in the CRM, --address adds others) or an employee (--employee): journal entries, links, marks, tokens, "
        + "duplicate-index rows, accounts with their credentials, preferences; then compacts the database. The CRM's "
        + "own records are not touched")
@Service
public class EraseCommand extends LiaisonAction {

    @Reference(optional = true)
    ErasureService erasure;

    @Reference(optional = true)
    HostCrm crm;

    @Option(name = "--contact", description = "The CRM id of the contact person to erase")
    String contact;

    @Option(name = "--address", multiValued = true,
            description = "An e-mail address of the contact person the CRM no longer has (repeat for several): "
                    + "journal entries naming it are erased too, as are those naming the addresses the CRM has")
    List<String> addresses;

    @Option(name = "--employee", description = "The id of the employee to erase")
    String employee;

    @Option(name = "--as", description = "The employee (id or login) in whose name the CRM is asked for the contact"
            + " person's addresses; by default the CRM's first employee")
    String actor;

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
                ? service.eraseContactPerson(ContactPersonId.of(contact.strip()), addresses(ContactPersonId.of(contact.strip())))
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

    /**
     * The addresses given, with those the CRM holds for the contact person when it still has it. Without a host CRM
     * service, or when the CRM no longer has the contact person, the given ones alone.
     */
    private Set<String> addresses(ContactPersonId id) {
        Set<String> all = addresses == null ? new TreeSet<>()
                : addresses.stream().map(String::strip).filter(a -> !a.isEmpty())
                        .collect(Collectors.toCollection(TreeSet::new));
        if (crm != null) {
            EmployeeId as = Actors.resolve(crm, actor);
            crm.contactPersons().get(as, id).ifPresent(person -> person.data().communications().stream()
                    .filter(c -> c.type() == CommunicationType.EMAIL).map(c -> c.value().strip())
                    .filter(a -> !a.isEmpty()).forEach(all::add));
        }
        return all;
    }
}
