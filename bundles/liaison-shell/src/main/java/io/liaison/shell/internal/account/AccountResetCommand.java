package io.liaison.shell.internal.account;

import io.liaison.api.domain.AccountId;
import io.liaison.api.runtime.AccountService;
import io.liaison.shell.internal.LiaisonAction;
import java.util.Map;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code liaison:account-reset}: forgets an account's sync state, so that its next run starts clean. */
@Command(scope = "liaison", name = "account-reset", description = "Forgets an account's links, marks and tokens: "
        + "its next run reads both sides whole and pairs items by the ids they carry, deleting nothing because a "
        + "link is gone. Settings, credentials and state stay")
@Service
public class AccountResetCommand extends LiaisonAction {

    @Reference(optional = true)
    AccountService accounts;

    @Argument(index = 0, name = "account", required = true, description = "The account id")
    @Completion(AccountIdCompleter.class)
    String account;

    @Override
    protected void run() {
        AccountId id = AccountId.of(account.strip());
        require(accounts, AccountService.class, RUNTIME).resetSyncState(id);
        if (json) {
            printJson(Map.of("account", id.value(), "reset", true));
        } else {
            out().println("Account " + id + " forgot its links, marks and tokens; its next run reads both sides "
                    + "whole and pairs items by the ids they carry");
        }
    }
}
