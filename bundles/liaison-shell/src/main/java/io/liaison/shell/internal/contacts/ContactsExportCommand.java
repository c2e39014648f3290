package io.liaison.shell.internal.contacts;

import io.liaison.api.contactreplication.ContactReplicationService;
import io.liaison.api.contactreplication.ExportOptions;
import io.liaison.api.contactreplication.ExportReport;
import io.liaison.api.crm.ContactSearch;
import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.BusinessPartnerId;
import io.liaison.api.domain.CommunicationType;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.shell.internal.LiaisonAction;
import io.liaison.shell.internal.Text;
import io.liaison.shell.internal.TextTable;
import io.liaison.shell.internal.UserInputException;
import io.liaison.shell.internal.account.AccountIdCompleter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code liaison:contacts-export}: the spec's export wizard. Without {@code --ids} or {@code --all} it is the
 * search step: the CRM contact persons matching the criteria, those exported earlier first and marked (the
 * transfer list's pre-selection). With them it exports the chosen contacts with the export options.
 */
@Command(scope = "liaison", name = "contacts-export", description = "Searches CRM contact persons for export "
        + "(exported ones marked); with --ids or --all exports them to the account's groupware")
@Service
public class ContactsExportCommand extends LiaisonAction {

    @Reference(optional = true)
    ContactReplicationService replication;

    @Argument(index = 0, name = "account", required = true, description = "The account id")
    @Completion(AccountIdCompleter.class)
    String account;

    @Option(name = "--name", description = "Search: part of the first or last name")
    String name;

    @Option(name = "--partner", description = "Search: the business partner id")
    String partner;

    @Option(name = "--email", description = "Search: the e-mail address")
    String email;

    @Option(name = "--limit", description = "Search: at most this many contacts (default 200)")
    int limit = 200;

    @Option(name = "--ids", description = "Export these contact person ids (comma-separated)")
    String ids;

    @Option(name = "--all", description = "Export every contact the search finds")
    boolean all;

    @Option(name = "--folder", description = "Export option: a named contacts subfolder (default: the default folder)")
    String folder;

    @Option(name = "--photos", description = "Export option: with photos")
    boolean photos;

    @Override
    protected void run() {
        ContactReplicationService service = require(replication, ContactReplicationService.class,
                ContactViews.CONTACT_REPLICATION);
        AccountId id = AccountId.of(account.strip());
        if (ids != null && all) {
            throw new UserInputException("give either --ids or --all, not both");
        }
        if (ids == null && !all) {
            search(service, id);
            return;
        }
        List<ContactPersonId> chosen = all
                ? service.exportSearch(id, criteria()).stream().map(ContactPerson::id).toList()
                : Arrays.stream(ids.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(ContactPersonId::of)
                .toList();
        if (chosen.isEmpty()) {
            throw new UserInputException(all ? "the search found no contact persons to export" : "--ids names no contact");
        }
        ExportReport report = service.export(id, chosen, new ExportOptions(Optional.ofNullable(folder), photos));
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("account", id.value());
            m.put("exported", report.exported().stream().map(ContactPersonId::value).toList());
            m.put("failed", ContactViews.issues(report.failed()));
            m.put("warnings", ContactViews.issues(report.warnings()));
            printJson(m);
            return;
        }
        out().println(report.exported().size() + " of " + chosen.size() + " contact(s) exported to account "
                + id.value() + (report.exported().isEmpty() ? "" : ": " + String.join(", ",
                report.exported().stream().map(ContactPersonId::value).toList())));
        ContactViews.printIssues("Not exported", report.failed(), out());
        ContactViews.printIssues("Warnings", report.warnings(), out());
    }

    private void search(ContactReplicationService service, AccountId id) {
        List<ContactPerson> found = service.exportSearch(id, criteria());
        List<Boolean> exported = found.stream().map(p -> service.isReplicated(id, p.id())).toList();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("account", id.value());
            m.put("contacts", IntStream.range(0, found.size())
                    .mapToObj(i -> ContactViews.crmContact(found.get(i), exported.get(i))).toList());
            printJson(m);
            return;
        }
        if (found.isEmpty()) {
            out().println("No contact persons match.");
            return;
        }
        long marked = exported.stream().filter(b -> b).count();
        out().println(found.size() + " contact person(s) found, " + marked + " exported already (marked *):");
        TextTable table = new TextTable(50, "", "Id", "Name", "Business partner", "E-mail");
        for (int i = 0; i < found.size(); i++) {
            ContactPerson p = found.get(i);
            table.row(exported.get(i) ? "*" : "", p.id().value(), ContactViews.name(p),
                    p.data().businessPartner().map(BusinessPartnerId::value).orElse(""),
                    String.join(", ", p.data().valuesOf(CommunicationType.EMAIL)));
        }
        table.print(out());
        out().println("Export with: liaison:contacts-export --ids ID,ID,... [--photos] " + Text.clean(id.value()));
    }

    private ContactSearch criteria() {
        if (limit <= 0) {
            throw new UserInputException("--limit must be positive");
        }
        return new ContactSearch(name, Optional.ofNullable(partner).map(String::strip).filter(s -> !s.isEmpty())
                .map(BusinessPartnerId::of), email, limit);
    }
}
