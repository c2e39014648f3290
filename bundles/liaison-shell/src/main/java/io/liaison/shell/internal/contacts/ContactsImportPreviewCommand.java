package io.liaison.shell.internal.contacts;

import io.liaison.api.contactreplication.ContactReplicationService;
import io.liaison.api.contactreplication.ImportPreview;
import io.liaison.api.contactreplication.ImportableContact;
import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.BusinessPartnerId;
import io.liaison.shell.internal.LiaisonAction;
import io.liaison.shell.internal.TextTable;
import io.liaison.shell.internal.account.AccountIdCompleter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code liaison:contacts-import-preview}: the first steps of the spec's import wizard: the groupware contacts
 * without a CRM id, how many, each with the suggested business partner and the duplicate status with the matched
 * CRM contacts. Imports nothing.
 */
@Command(scope = "liaison", name = "contacts-import-preview", description = "Lists the groupware contacts that can "
        + "be imported, with suggested business partner and duplicate status; imports nothing")
@Service
public class ContactsImportPreviewCommand extends LiaisonAction {

    @Reference(optional = true)
    ContactReplicationService replication;

    @Argument(index = 0, name = "account", required = true, description = "The account id")
    @Completion(AccountIdCompleter.class)
    String account;

    @Override
    protected void run() {
        AccountId id = AccountId.of(account.strip());
        ImportPreview preview = require(replication, ContactReplicationService.class,
                ContactViews.CONTACT_REPLICATION).previewImport(id);
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("account", id.value());
            m.put("count", preview.count());
            m.put("message", preview.message());
            m.put("duplicateCheckAvailable", preview.duplicateCheckAvailable());
            m.put("contacts", preview.contacts().stream().map(ContactViews::importable).toList());
            m.put("problems", ContactViews.issues(preview.problems()));
            printJson(m);
            return;
        }
        out().println(preview.message());
        if (!preview.contacts().isEmpty()) {
            TextTable table = new TextTable(50, "Groupware id", "Name", "Company", "E-mail", "Suggested partner",
                    "Duplicate", "Matches");
            for (ImportableContact c : preview.contacts()) {
                table.row(c.groupwareId(), ContactViews.name(c.contact()), c.contact().company(),
                        String.join(", ", c.contact().emails()),
                        c.suggestedPartner().map(BusinessPartnerId::value).orElse("-"),
                        c.duplicates().status().name(), ContactViews.matches(c.duplicates().matches()));
            }
            table.print(out());
            out().println("Import with: liaison:contacts-import " + id.value()
                    + " GROUPWARE_ID[=BUSINESS_PARTNER_ID] ... (CERTAIN duplicates are refused)");
        }
        ContactViews.printIssues("Could not be read", preview.problems(), out());
    }
}
