package io.liaison.shell.internal.account;

import io.liaison.api.domain.AccountId;
import io.liaison.api.runtime.AccountService;
import io.liaison.shell.internal.LiaisonAction;
import io.liaison.shell.internal.UserInputException;
import java.util.Map;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code liaison:account-remove}: removes an account and says what goes with it and what stays. */
@Command(scope = "liaison", name = "account-remove", description = "Removes an account with its credentials, "
        + "links, marks and tokens (nothing in the groupware or the CRM is deleted); the journal keeps its runs "
        + "until retention deletes them")
@Service
public class AccountRemoveCommand extends LiaisonAction {
    static final String KEPT = "the sync journal keeps its runs until retention deletes them (journal.retentionDays, "
            + "90 days by default); nothing in the groupware or the CRM was deleted";

    @Reference(optional = true)
    AccountService accounts;

    @Argument(index = 0, name = "account", required = true, description = "The account id")
    @Completion(AccountIdCompleter.class)
    String account;

    @Option(name = "--yes", description = "Confirms the removal (without it nothing is removed)")
    boolean yes;

    @Override
    protected void run() {
        AccountService service = require(accounts, AccountService.class, RUNTIME);
        AccountId id = AccountId.of(account.strip());
        if (service.get(id).isEmpty()) {
            throw new UserInputException("unknown account '" + account + "'");
        }
        if (!yes) {
            throw new UserInputException("removing account " + id + " deletes its credentials, links, marks and "
                    + "tokens for good; repeat with --yes to remove it");
        }
        service.remove(id);
        if (json) {
            printJson(Map.of("account", id.value(), "removed", true, "kept", KEPT));
        } else {
            out().println("Removed account " + id + " with its credentials, links, marks and tokens; " + KEPT);
        }
    }
}
