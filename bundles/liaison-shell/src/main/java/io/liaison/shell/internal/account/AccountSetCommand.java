package io.liaison.shell.internal.account;

import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.runtime.AccountRequest;
import io.liaison.api.runtime.AccountService;
import io.liaison.shell.internal.Arguments;
import io.liaison.shell.internal.JsonViews;
import io.liaison.shell.internal.LiaisonAction;
import io.liaison.shell.internal.UserInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code liaison:account-set}: changes an account after its creation. What is not named stays as it is. The
 * runtime decides what a change means: a setting naming the mailbox makes the account forget its links and tokens,
 * one the credentials are bound to deletes them (see {@link AccountService#update}).
 */
@Command(scope = "liaison", name = "account-set", description = "Changes an account's settings, areas, interval, "
        + "conflict policy or auto-sync switch; what is not named stays. A changed mailbox setting (root, mailbox, "
        + "tenantId, a server URL) makes the account forget its links and tokens")
@Service
public class AccountSetCommand extends LiaisonAction {

    @Reference(optional = true)
    AccountService accounts;

    @Argument(index = 0, name = "account", required = true, description = "The account id")
    @Completion(AccountIdCompleter.class)
    String account;

    @Option(name = "--setting", aliases = "-s", multiValued = true,
            description = "A connector setting key=value to add or replace (repeat for several); never a secret")
    List<String> settings;

    @Option(name = "--unset", multiValued = true, description = "A connector setting to remove (repeat for several)")
    List<String> unset;

    @Option(name = "--auto-sync", description = "on or off")
    String autoSync;

    @Option(name = "--interval", description = "Minutes between automatic runs")
    String interval;

    @Option(name = "--areas", description = "Comma-separated areas, all of them: mails, appointments, tasks, "
            + "contacts")
    String areas;

    @Option(name = "--conflict-policy", description = "CRM_WINS, GROUPWARE_WINS, NEWEST_WINS or KEEP_BOTH")
    String conflictPolicy;

    @Override
    protected void run() {
        if (settings == null && unset == null && autoSync == null && interval == null && areas == null
                && conflictPolicy == null) {
            throw new UserInputException("nothing to change: give --setting, --unset, --auto-sync, --interval, "
                    + "--areas or --conflict-policy");
        }
        AccountService service = require(accounts, AccountService.class, RUNTIME);
        AccountId id = AccountId.of(account.strip());
        GroupwareAccount before = service.get(id).orElseThrow(() ->
                new UserInputException("unknown account '" + account + "'"));
        Map<String, String> next = new LinkedHashMap<>(before.settings());
        if (unset != null) {
            for (String name : unset) {
                if (next.remove(name.strip()) == null) {
                    throw new UserInputException("--unset " + name + ": account " + id + " has no such setting");
                }
            }
        }
        next.putAll(Arguments.settings("--setting", settings));
        AccountRequest request = new AccountRequest(before.employee(), before.connectorType(), next,
                autoSync == null ? before.autoSync() : onOff(autoSync),
                interval == null ? before.interval() : Arguments.minutes("--interval", interval),
                areas == null ? before.areas() : Arguments.areas("--areas", areas),
                conflictPolicy == null ? before.conflictPolicy()
                        : Arguments.conflictPolicy("--conflict-policy", conflictPolicy));
        GroupwareAccount after = service.update(id, request);
        if (json) {
            printJson(JsonViews.account(after));
        } else {
            out().println("Changed " + AccountText.describe(after));
        }
    }

    private static boolean onOff(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> throw new UserInputException("bad --auto-sync '" + value + "': expected on or off");
        };
    }
}
