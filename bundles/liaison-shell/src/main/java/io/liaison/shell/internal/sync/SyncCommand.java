package io.liaison.shell.internal.sync;

import io.liaison.api.activitysync.ActivitySyncService;
import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.AccountService;
import io.liaison.api.runtime.GroupwarePreferencesService;
import io.liaison.api.runtime.SyncRun;
import io.liaison.api.runtime.SyncService;
import io.liaison.api.runtime.SyncTrigger;
import io.liaison.shell.internal.Arguments;
import io.liaison.shell.internal.JsonViews;
import io.liaison.shell.internal.LiaisonAction;
import io.liaison.shell.internal.UserInputException;
import io.liaison.shell.internal.account.AccountIdCompleter;
import io.liaison.shell.internal.activity.ActivitySyncCommands;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code liaison:sync}: runs one account now (the spec's manual synchronisation) and prints the summary; with
 * {@code --only}, only the chosen changes of a {@code liaison:sync-preview} (the wizard's second step).
 */
@Command(scope = "liaison", name = "sync", description = "Synchronises an account now and prints the run's "
        + "summary: status, counts per outcome, created activities, error")
@Service
public class SyncCommand extends LiaisonAction {

    @Reference(optional = true)
    AccountService accounts;

    @Reference(optional = true)
    SyncService sync;

    @Argument(index = 0, name = "account", required = true, description = "The account id")
    @Completion(AccountIdCompleter.class)
    String account;

    @Option(name = "--areas", description = "Comma-separated areas to run (default: the areas the employee's "
            + "groupware preferences select for the manual synchronisation, of those the account has; without the "
            + "preferences service, the account's areas)")
    String areas;

    @Reference(optional = true)
    GroupwarePreferencesService preferences;

    @Reference(optional = true)
    ActivitySyncService activitySync;

    @Option(name = "--only", description = "Comma-separated keys from liaison:sync-preview: run only these changes "
            + "of the appointments and tasks (the manual wizard's second step)")
    String only;

    @Option(name = "--accept-deletes", description = "Accept, for this one run, the deletes that the mass-delete "
            + "guard stopped (check them in liaison:runs first); the next run guards again")
    boolean acceptDeletes;

    ZoneId zone = ZoneId.systemDefault();

    @Override
    protected void run() {
        AccountId id = AccountId.of(account.strip());
        GroupwareAccount found = require(accounts, AccountService.class, RUNTIME).get(id)
                .orElseThrow(() -> new UserInputException("unknown account '" + account + "'"));
        SyncRun run;
        if (only != null && acceptDeletes) {
            throw new UserInputException("--accept-deletes runs the whole account; it does not go with --only");
        }
        if (only != null) {
            List<String> keys = Arrays.stream(only.split(",")).map(String::strip).filter(k -> !k.isEmpty()).toList();
            if (keys.isEmpty()) {
                throw new UserInputException("--only names no change; take the keys from liaison:sync-preview "
                        + id.value());
            }
            run = require(activitySync, ActivitySyncService.class, ActivitySyncCommands.ACTIVITY_SYNC)
                    .run(id, ActivitySyncCommands.activityAreas(found, areas), keys);
        } else {
            Set<SyncArea> wanted = areas == null ? defaultAreas(found) : Arguments.areas("--areas", areas);
            run = require(sync, SyncService.class, RUNTIME).sync(id, wanted,
                    acceptDeletes ? SyncTrigger.ACCEPT_DELETES : SyncTrigger.MANUAL);
        }
        if (json) {
            printJson(JsonViews.run(run));
        } else {
            RunText.summary(run, zone, out());
        }
    }

    /**
     * The spec's area selection: "You can define a permanent default under User Preferences / Groupware. By default,
     * only emails are imported." Of the preferred areas, those the account has; none of them: the account's areas.
     */
    private Set<SyncArea> defaultAreas(GroupwareAccount account) {
        if (preferences == null) {
            return account.areas();
        }
        Set<SyncArea> preferred = EnumSet.copyOf(preferences.get(account.employee()).wizardAreas());
        preferred.retainAll(account.areas());
        return preferred.isEmpty() ? account.areas() : preferred;
    }
}
