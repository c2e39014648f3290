package io.liaison.shell.internal.contacts;

import io.liaison.api.contactreplication.ContactReplicationService;
import io.liaison.api.contactreplication.ImportReport;
import io.liaison.api.contactreplication.ImportableContact;
import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.BusinessPartnerId;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.shell.internal.LiaisonAction;
import io.liaison.shell.internal.UserInputException;
import io.liaison.shell.internal.account.AccountIdCompleter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code liaison:contacts-import}: the import wizard's last step: imports the chosen groupware contacts, each with
 * the business partner given as {@code ID=PARTNER} or, for a bare {@code ID}, the one the preview suggests.
 * Prints how many were imported and why the others were not.
 */
@Command(scope = "liaison", name = "contacts-import", description = "Imports chosen groupware contacts "
        + "(GROUPWARE_ID[=BUSINESS_PARTNER_ID]) into the CRM; reports why refused ones were not imported")
@Service
public class ContactsImportCommand extends LiaisonAction {

    @Reference(optional = true)
    ContactReplicationService replication;

    @Argument(index = 0, name = "account", required = true, description = "The account id")
    @Completion(AccountIdCompleter.class)
    String account;

    @Argument(index = 1, name = "contacts", required = true, multiValued = true,
            description = "Groupware contact ids, each optionally =BUSINESS_PARTNER_ID (default: the suggested one)")
    List<String> contacts;

    @Override
    protected void run() {
        ContactReplicationService service = require(replication, ContactReplicationService.class,
                ContactViews.CONTACT_REPLICATION);
        AccountId id = AccountId.of(account.strip());
        Map<String, BusinessPartnerId> chosen = chosen(service, id);
        ImportReport report = service.importChosen(id, chosen);
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("account", id.value());
            m.put("summary", report.summary());
            m.put("imported", report.imported().stream().map(ContactPersonId::value).toList());
            m.put("refused", ContactViews.issues(report.refused()));
            m.put("warnings", ContactViews.issues(report.warnings()));
            printJson(m);
            return;
        }
        out().println(report.summary() + (report.imported().isEmpty() ? "" : ": " + String.join(", ",
                report.imported().stream().map(ContactPersonId::value).toList())));
        ContactViews.printIssues("Not imported", report.refused(), out());
        ContactViews.printIssues("Warnings", report.warnings(), out());
    }

    /** Groupware id to partner; a bare id takes the preview's suggestion, or none (which the import refuses). */
    private Map<String, BusinessPartnerId> chosen(ContactReplicationService service, AccountId id) {
        Map<String, BusinessPartnerId> chosen = new LinkedHashMap<>();
        Map<String, ImportableContact> suggestions = null;
        for (String argument : contacts) {
            String value = argument.strip();
            int eq = value.indexOf('=');
            String contact = eq < 0 ? value : value.substring(0, eq).strip();
            if (contact.isEmpty()) {
                throw new UserInputException("bad contact argument '" + argument + "': expected GROUPWARE_ID[=PARTNER]");
            }
            if (eq >= 0) {
                String partner = value.substring(eq + 1).strip();
                if (partner.isEmpty()) {
                    throw new UserInputException("bad contact argument '" + argument + "': no business partner after '='");
                }
                chosen.put(contact, BusinessPartnerId.of(partner));
                continue;
            }
            if (suggestions == null) {
                suggestions = new LinkedHashMap<>();
                for (ImportableContact c : service.previewImport(id).contacts()) {
                    suggestions.put(c.groupwareId(), c);
                }
            }
            ImportableContact suggested = suggestions.get(contact);
            chosen.put(contact, suggested == null ? null : suggested.suggestedPartner().orElse(null));
        }
        return chosen;
    }
}
