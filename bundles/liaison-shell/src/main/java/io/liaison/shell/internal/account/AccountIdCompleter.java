package io.liaison.shell.internal.account;

import io.liaison.api.runtime.AccountService;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes account ids from the runtime's accounts. */
@Service
public class AccountIdCompleter implements Completer {

    @Reference(optional = true)
    AccountService accounts;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        if (accounts == null) {
            return -1;
        }
        StringsCompleter ids = new StringsCompleter(accounts.list().stream().map(a -> a.id().value()).toList());
        return ids.complete(session, commandLine, candidates);
    }
}
