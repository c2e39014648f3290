package io.liaison.shell.internal.sync;

import io.liaison.api.domain.AccountId;
import io.liaison.api.runtime.AccountService;
import io.liaison.api.runtime.JournalEntry;
import io.liaison.api.runtime.SyncJournal;
import io.liaison.api.runtime.SyncRun;
import io.liaison.shell.internal.Arguments;
import io.liaison.shell.internal.JsonViews;
import io.liaison.shell.internal.LiaisonAction;
import io.liaison.shell.internal.UserInputException;
import io.liaison.shell.internal.account.AccountIdCompleter;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code liaison:runs}: the sync journal, newest runs first, or one run with its per-item entries. */
@Command(scope = "liaison", name = "runs", description = "Shows the sync journal: the newest runs (of one "
        + "account or all), or one run with --run, and its per-item entries with --entries")
@Service
public class RunsCommand extends LiaisonAction {
    static final int DEFAULT_LIMIT = 20;

    @Reference(optional = true)
    SyncJournal journal;

    /** To tell an unknown account from one without runs; the journal keeps runs of removed accounts too. */
    @Reference(optional = true)
    AccountService accounts;

    @Argument(index = 0, name = "account", required = false, description = "Only this account's runs")
    @Completion(AccountIdCompleter.class)
    String account;

    @Option(name = "--limit", aliases = "-n", description = "The most runs to show (default 20)")
    String limit;

    @Option(name = "--run", aliases = "-r", description = "Show this run")
    @Completion(RunIdCompleter.class)
    String runId;

    @Option(name = "--entries", aliases = "-e", description = "With --run: also its per-item entries")
    boolean entries;

    ZoneId zone = ZoneId.systemDefault();

    @Override
    protected void run() {
        require(journal, SyncJournal.class, RUNTIME);
        if (entries && runId == null) {
            throw new UserInputException("--entries needs --run RUN_ID");
        }
        if (runId != null) {
            if (account != null || limit != null) {
                throw new UserInputException("--run shows one run: give no account and no --limit with it");
            }
            showRun();
            return;
        }
        int max = limit == null ? DEFAULT_LIMIT : Arguments.number("--limit", limit, 1, 10_000);
        Optional<AccountId> of = Optional.ofNullable(account).map(a -> AccountId.of(a.strip()));
        List<SyncRun> runs = journal.runs(of, max);
        if (of.isPresent() && runs.isEmpty() && accounts != null && accounts.get(of.get()).isEmpty()) {
            throw new UserInputException("unknown account '" + account + "'");
        }
        if (json) {
            printJson(runs.stream().map(JsonViews::run).toList());
        } else if (runs.isEmpty()) {
            out().println("No sync runs" + (account == null ? "" : " of account " + account) + " yet.");
        } else {
            RunText.runTable(runs, zone, out());
        }
    }

    private void showRun() {
        SyncRun run = journal.run(runId.strip())
                .orElseThrow(() -> new UserInputException("unknown run '" + runId + "'"));
        List<JournalEntry> items = entries ? journal.entries(run.id()) : List.of();
        if (json) {
            Map<String, Object> m = JsonViews.run(run);
            if (entries) {
                m = new LinkedHashMap<>(m);
                m.put("entries", JsonViews.entries(items));
            }
            printJson(m);
            return;
        }
        RunText.summary(run, zone, out());
        if (entries) {
            if (items.isEmpty()) {
                out().println("  no entries");
            } else {
                RunText.entryTable(items, zone, out());
            }
        }
    }
}
