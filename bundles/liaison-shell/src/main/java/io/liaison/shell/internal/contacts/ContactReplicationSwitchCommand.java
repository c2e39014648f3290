package io.liaison.shell.internal.contacts;

import io.liaison.api.contactreplication.ContactReplicationService;
import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.shell.internal.JsonWriter;
import io.liaison.shell.internal.LiaisonAction;
import io.liaison.shell.internal.UserInputException;
import io.liaison.shell.internal.account.AccountIdCompleter;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code liaison:contact-replication}: the per-contact switch: {@code on} creates the contact in the groupware
 * and replicates it from then on, {@code off} deletes it there and stops; without a state it shows the switch.
 */
@Command(scope = "liaison", name = "contact-replication", description = "Shows or sets whether a CRM contact "
        + "person is replicated with an account's groupware (on creates it there, off deletes it there)")
@Service
public class ContactReplicationSwitchCommand extends LiaisonAction {

    @Reference(optional = true)
    ContactReplicationService replication;

    @Argument(index = 0, name = "account", required = true, description = "The account id")
    @Completion(AccountIdCompleter.class)
    String account;

    @Argument(index = 1, name = "contact", required = true, description = "The CRM contact person id")
    String contact;

    @Argument(index = 2, name = "state", description = "on or off; none shows the current state")
    String state;

    @Override
    protected void run() {
        ContactReplicationService service = require(replication, ContactReplicationService.class,
                ContactViews.CONTACT_REPLICATION);
        AccountId id = AccountId.of(account.strip());
        ContactPersonId person = ContactPersonId.of(contact.strip());
        List<String> removed = List.of();
        if (state != null) {
            switch (state.strip().toLowerCase(Locale.ROOT)) {
                case "on" -> service.setReplicated(id, person, true);
                case "off" -> removed = service.switchOff(id, person);
                default -> throw new UserInputException("bad state '" + state + "': expected on or off");
            }
        }
        print(id, person, service.isReplicated(id, person), removed, out(), json);
    }

    /**
     * Prints the switch's state, as text or JSON, with the groupware-only fields the deleted groupware contact held
     * when the switch was turned off.
     */
    static void print(AccountId account, ContactPersonId person, boolean replicated, List<String> removed,
                      PrintStream out, boolean json) {
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("account", account.value());
            m.put("contact", person.value());
            m.put("replicated", replicated);
            m.put("removedWithTheGroupwareContact", removed);
            out.println(JsonWriter.write(m));
        } else {
            out.println("Contact person " + person.value() + " is " + (replicated ? "" : "not ")
                    + "replicated with the groupware of account " + account.value() + ".");
            if (!removed.isEmpty()) {
                out.println("The deleted groupware contact held what the CRM does not, now gone: "
                        + String.join(", ", removed) + ".");
            }
        }
    }
}
