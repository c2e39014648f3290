package io.liaison.shell.internal.account;

import io.liaison.api.connector.Credentials;
import io.liaison.api.connector.Secret;
import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.runtime.AccountService;
import io.liaison.shell.internal.LiaisonAction;
import io.liaison.shell.internal.UserInputException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/**
 * {@code liaison:account-credentials}: stores new credentials for an account and so lifts
 * {@code PASSWORD_BLOCKED}. The secret is typed at a prompt that does not echo it, or read from the first line
 * of a file or of standard input; named secrets are whole files (a PEM certificate and key); none is ever an
 * argument, printed or logged.
 */
@Command(scope = "liaison", name = "account-credentials", description = "Enters new credentials for an account "
        + "(lifts PASSWORD_BLOCKED). The secret is prompted for without echo, or read with --secret-file or "
        + "--secret-stdin; it is never given as an argument. --clear deletes the stored credentials")
@Service
public class AccountCredentialsCommand extends LiaisonAction {

    @Reference(optional = true)
    AccountService accounts;

    @Reference(optional = true)
    Session session;

    @Argument(index = 0, name = "account", required = true, description = "The account id")
    @Completion(AccountIdCompleter.class)
    String account;

    @Option(name = "--username", aliases = "-u", description = "The user name or client id (prompted for when "
            + "the secret is prompted for; empty otherwise)")
    String username;

    @Option(name = "--secret-file", description = "Read the secret from the first line of this file")
    String secretFile;

    @Option(name = "--secret-stdin", description = "Read the secret from the first line of standard input")
    boolean secretStdin;

    @Option(name = "--clear", description = "Delete the account's stored credentials instead (no other option)")
    boolean clear;

    @Option(name = "--named", multiValued = true, description = "A further named secret, e.g. "
            + "refreshToken=/path/file or certificate=/path/app.pem (the whole file, at most 64 KB, without the "
            + "line ends at its end); repeat for several")
    List<String> named;

    @Override
    protected void run() throws IOException {
        if (secretFile != null && secretStdin) {
            throw new UserInputException("give --secret-file or --secret-stdin, not both");
        }
        AccountService accounts = require(this.accounts, AccountService.class, RUNTIME);
        AccountId id = AccountId.of(account.strip());
        if (accounts.get(id).isEmpty()) {
            throw new UserInputException("unknown account '" + account + "'");
        }
        if (clear) {
            clear(accounts, id);
            return;
        }
        Map<String, Secret> more = new LinkedHashMap<>();
        if (named != null) {
            for (String pair : named) {
                String[] nameAndFile = SecretInput.namedPair(pair);
                if (more.put(nameAndFile[0], SecretInput.wholeFile("--named " + nameAndFile[0], nameAndFile[1]))
                        != null) {
                    throw new UserInputException("named secret '" + nameAndFile[0] + "' given twice");
                }
            }
        }
        String user = username;
        Secret secret;
        if (secretFile != null) {
            secret = SecretInput.fromFile("--secret-file", secretFile);
        } else if (secretStdin) {
            secret = SecretInput.firstLine(System.in, "standard input");
        } else {
            if (user == null) {
                user = session.readLine("Username for account " + id + " (empty for none): ", null);
            }
            secret = prompt(id);
        }
        GroupwareAccount updated = accounts.setCredentials(id,
                new Credentials(user == null ? "" : user.strip(), secret, more));
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("account", updated.id().value());
            m.put("username", user == null ? "" : user.strip());
            m.put("namedSecrets", List.copyOf(more.keySet()));
            m.put("state", updated.state());
            m.put("stateReason", updated.stateReason());
            printJson(m);
        } else {
            out().println("Stored new credentials for account " + updated.id()
                    + (user == null || user.isBlank() ? "" : " (username " + user.strip() + ")")
                    + (more.isEmpty() ? "" : " with named secrets " + String.join(", ", more.keySet()))
                    + "; state " + updated.state() + updated.stateReason().map(r -> " (" + r + ")").orElse(""));
        }
    }

    private void clear(AccountService accounts, AccountId id) {
        if (username != null || secretFile != null || secretStdin || (named != null && !named.isEmpty())) {
            throw new UserInputException("--clear takes no other option");
        }
        GroupwareAccount cleared = accounts.clearCredentials(id);
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("account", cleared.id().value());
            m.put("cleared", true);
            printJson(m);
        } else {
            out().println("Cleared the credentials of account " + cleared.id() + "; its next sign-in has none");
        }
    }

    private Secret prompt(AccountId id) throws IOException {
        String first = session.readLine("Secret for account " + id + ": ", '*');
        if (first == null || first.isEmpty()) {
            throw new UserInputException("no secret entered; nothing stored");
        }
        String again = session.readLine("Repeat the secret: ", '*');
        if (!first.equals(again)) {
            throw new UserInputException("the two entries differ; nothing stored");
        }
        return Secret.of(first);
    }
}
