package io.liaison.shell.internal.account;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code liaison:account-disable}: switches an account off. A disabled account neither runs nor signs in, its run
 * under way is cancelled between two items, and everything it remembered (links, tokens, credentials) stays.
 */
@Command(scope = "liaison", name = "account-disable", description = "Switches an account off: it neither runs nor "
        + "signs in, a run under way stops between two items; its links, tokens and credentials stay")
@Service
public class AccountDisableCommand extends AccountEnableCommand {

    @Override
    boolean off() {
        return true;
    }
}
