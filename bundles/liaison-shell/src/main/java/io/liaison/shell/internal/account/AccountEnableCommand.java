package io.liaison.shell.internal.account;

import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.runtime.AccountService;
import io.liaison.shell.internal.JsonViews;
import io.liaison.shell.internal.LiaisonAction;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code liaison:account-enable}: switches a disabled account on again (back to PASSWORD_BLOCKED if it was blocked
 * before); {@link AccountDisableCommand} switches it off.
 */
@Command(scope = "liaison", name = "account-enable", description = "Switches a disabled account on again (it stays "
        + "PASSWORD_BLOCKED if it was blocked before)")
@Service
public class AccountEnableCommand extends LiaisonAction {

    @Reference(optional = true)
    AccountService accounts;

    @Argument(index = 0, name = "account", required = true, description = "The account id")
    @Completion(AccountIdCompleter.class)
    String account;

    /** Whether this command switches the account off. */
    boolean off() {
        return false;
    }

    @Override
    protected void run() {
        GroupwareAccount changed = require(accounts, AccountService.class, RUNTIME)
                .setEnabled(AccountId.of(account.strip()), !off());
        if (json) {
            printJson(JsonViews.account(changed));
        } else {
            out().println((off() ? "Disabled " : "Enabled ") + AccountText.describe(changed));
        }
    }
}
