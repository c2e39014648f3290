package io.liaison.shell.internal.activity;

import io.liaison.api.activitysync.ActivitySyncService;
import io.liaison.api.activitysync.PlannedChange;
import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.AccountService;
import io.liaison.shell.internal.LiaisonAction;
import io.liaison.shell.internal.TextTable;
import io.liaison.shell.internal.UserInputException;
import io.liaison.shell.internal.account.AccountIdCompleter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code liaison:sync-preview}: the first step of the spec's manual synchronisation wizard for appointments and
 * tasks: what a run would create, update and delete on either side, and the conflicts. Writes nothing; the
 * chosen changes are then run with {@code liaison:sync ACCOUNT --only KEY,...}.
 */
@Command(scope = "liaison", name = "sync-preview", description = "Lists what synchronising an account's "
        + "appointments and tasks would create, update and delete on either side; changes nothing")
@Service
public class SyncPreviewCommand extends LiaisonAction {

    @Reference(optional = true)
    AccountService accounts;

    @Reference(optional = true)
    ActivitySyncService activitySync;

    @Argument(index = 0, name = "account", required = true, description = "The account id")
    @Completion(AccountIdCompleter.class)
    String account;

    @Option(name = "--areas", description = "APPOINTMENTS, TASKS or both (default: the account's activity areas)")
    String areas;

    @Override
    protected void run() {
        AccountId id = AccountId.of(account.strip());
        GroupwareAccount found = require(accounts, AccountService.class, RUNTIME).get(id)
                .orElseThrow(() -> new UserInputException("unknown account '" + account + "'"));
        Set<SyncArea> wanted = ActivitySyncCommands.activityAreas(found, areas);
        List<PlannedChange> changes = require(activitySync, ActivitySyncService.class,
                ActivitySyncCommands.ACTIVITY_SYNC).preview(id, wanted);
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("account", id.value());
            m.put("areas", wanted.stream().map(Enum::name).sorted().toList());
            m.put("changes", changes.stream().map(SyncPreviewCommand::view).toList());
            printJson(m);
            return;
        }
        if (changes.isEmpty()) {
            out().println("Nothing to synchronise for " + wanted + " of account " + id.value() + ".");
            return;
        }
        out().println(changes.size() + " change(s) for " + wanted + " of account " + id.value() + ":");
        TextTable table = new TextTable(60, "Key", "Area", "Direction", "Action", "Item");
        for (PlannedChange c : changes) {
            table.row(c.key(), c.area().name(), c.direction(), c.action(), c.description());
        }
        table.print(out());
        out().println("Run chosen ones with: liaison:sync --only KEY,KEY,... " + id.value());
    }

    static Map<String, Object> view(PlannedChange c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", c.key());
        m.put("area", c.area().name());
        m.put("direction", c.direction());
        m.put("action", c.action());
        m.put("description", c.description());
        return m;
    }
}
