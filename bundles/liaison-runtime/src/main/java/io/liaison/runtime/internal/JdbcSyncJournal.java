package io.liaison.runtime.internal;

import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.JournalEntry;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.RunStatus;
import io.liaison.api.runtime.SyncJournal;
import io.liaison.api.runtime.SyncRun;
import io.liaison.api.runtime.SyncTrigger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The sync journal in the runtime's tables: runs with their status, and every item's outcome. Counts and
 * created activities are derived from the entries, so they are right while a run is still under way too.
 */
@Component(service = {SyncJournal.class, JdbcSyncJournal.class})
public class JdbcSyncJournal implements SyncJournal {
    /** Areas whose created items are CRM activities (listed for the spec's "N activities imported" popup). */
    static final Set<SyncArea> ACTIVITY_AREAS = EnumSet.of(SyncArea.MAILS, SyncArea.APPOINTMENTS, SyncArea.TASKS);
    /** The most runs one call lists. */
    public static final int MAX_LIMIT = 10_000;
    /**
     * The most characters the journal keeps of an entry's label (a mail's subject, a contact's name): enough to find
     * the item again, no more personal data than that needs (issue 25). Migration V11 cut the older rows to it.
     */
    static final int LABEL_LENGTH = 200;
    /** The most characters the journal keeps of an entry's reason or a run's error. */
    static final int MESSAGE_LENGTH = 1000;

    private static final String SELECT_RUNS = "SELECT id, account_id, areas, trigger_kind, started_at, ended_at,"
            + " run_status, error_message FROM liaison_sync_runs";

    private final DataSource dataSource;

    @Activate
    public JdbcSyncJournal(@Reference RuntimeDatabase database) {
        this(database.dataSource());
    }

    /** Uses a DataSource whose schema {@link RuntimeDatabase#migrate} has created. */
    public JdbcSyncJournal(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Opens a run in state RUNNING: its row is written now. */
    public SyncRun start(GroupwareAccount account, Set<SyncArea> areas, SyncTrigger trigger, Instant now) {
        SyncRun run = newRun(account, areas, trigger, now);
        insert(run, account.employee());
        return run;
    }

    /** A run in state RUNNING, not written yet (see {@link #insert}): its row may never be needed. */
    public SyncRun newRun(GroupwareAccount account, Set<SyncArea> areas, SyncTrigger trigger, Instant now) {
        return new SyncRun(UUID.randomUUID().toString(), account.id(), areas, trigger, Sql.truncate(now),
                Optional.empty(), RunStatus.RUNNING, Map.of(), List.of(), Optional.empty());
    }

    /** Writes the row of a run {@link #newRun} described. */
    void insert(SyncRun run, EmployeeId employee) {
        Sql.query(dataSource, "starting a sync run of account " + run.account(), c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO liaison_sync_runs (id, account_id,"
                    + " employee_id, areas, trigger_kind, started_at, ended_at, run_status, error_message)"
                    + " VALUES (?, ?, ?, ?, ?, ?, NULL, ?, NULL)")) {
                insert.setString(1, run.id());
                insert.setString(2, run.account().value());
                insert.setString(3, employee.value());
                insert.setString(4, joinAreas(run.areas()));
                insert.setString(5, run.trigger().name());
                Sql.setInstant(insert, 6, run.startedAt());
                insert.setString(7, RunStatus.RUNNING.name());
                return insert.executeUpdate();
            }
        });
    }

    /** Appends one entry; seq orders a run's entries. */
    public void append(JournalEntry entry, int seq) {
        Sql.query(dataSource, "journaling an entry of run " + entry.runId(), c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO liaison_journal_entries (run_id, seq,"
                    + " recorded_at, area, item, outcome, message, crm_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, entry.runId());
                insert.setInt(2, seq);
                Sql.setInstant(insert, 3, entry.at());
                insert.setString(4, entry.area().name());
                insert.setString(5, Sql.shortened(entry.item(), LABEL_LENGTH));
                insert.setString(6, entry.outcome().name());
                insert.setString(7, Sql.shortened(entry.message(), MESSAGE_LENGTH));
                insert.setString(8, Sql.bounded(entry.crmId().orElse(null), 255));
                return insert.executeUpdate();
            }
        });
    }

    /** Ends a run with its status (and, for a failed run, why). */
    public SyncRun finish(String runId, RunStatus status, Optional<String> error, Instant now) {
        Sql.query(dataSource, "ending sync run " + runId, c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE liaison_sync_runs SET ended_at = ?,"
                    + " run_status = ?, error_message = ? WHERE id = ?")) {
                Sql.setInstant(update, 1, now);
                update.setString(2, status.name());
                update.setString(3, Sql.shortened(error.orElse(null), MESSAGE_LENGTH));
                update.setString(4, runId);
                return update.executeUpdate();
            }
        });
        return run(runId).orElseThrow(() -> new StorageException("sync run " + runId + " vanished", null));
    }

    /**
     * Marks runs still RUNNING in the journal as FAILED: they were cut off when the runtime stopped. Called when
     * the sync service starts, before it runs anything.
     */
    public int failInterruptedRuns(Instant now) {
        return Sql.query(dataSource, "closing interrupted sync runs", c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE liaison_sync_runs SET ended_at = ?,"
                    + " run_status = ?, error_message = ? WHERE run_status = ?")) {
                Sql.setInstant(update, 1, now);
                update.setString(2, RunStatus.FAILED.name());
                update.setString(3, "interrupted: the runtime stopped during the run");
                update.setString(4, RunStatus.RUNNING.name());
                return update.executeUpdate();
            }
        });
    }

    /** The account's failing items (see {@link FailingItems}), for one run. */
    FailingItems failingItems(AccountId account) {
        return FailingItems.of(dataSource, account);
    }

    /** Forgets the account's failing items of one area (the area was switched off). */
    void forgetFailingItems(AccountId account, SyncArea area) {
        Sql.query(dataSource, "forgetting the failing " + area + " items of account " + account, c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM liaison_failing_items WHERE account_id = ?"
                    + " AND area = ?")) {
                delete.setString(1, account.value());
                delete.setString(2, area.name());
                return delete.executeUpdate();
            }
        });
    }

    /** Counts a run that found nothing to do on its account, instead of writing a row for it. */
    void countIdleRun(AccountId account, Instant now) {
        Sql.query(dataSource, "counting an idle run of account " + account, c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE liaison_accounts SET idle_runs = idle_runs + 1,"
                    + " last_idle_run_at = ? WHERE id = ?")) {
                Sql.setInstant(update, 1, now);
                update.setString(2, account.value());
                return update.executeUpdate();
            }
        });
    }

    /** How many runs of the account found nothing to do (and got no row), and when the last of them ended. */
    public record IdleRuns(long count, Optional<Instant> last) {
    }

    public IdleRuns idleRuns(AccountId account) {
        return Sql.query(dataSource, "reading the idle runs of account " + account, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT idle_runs, last_idle_run_at FROM"
                    + " liaison_accounts WHERE id = ?")) {
                select.setString(1, account.value());
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? new IdleRuns(row.getLong(1), Sql.instant(row, "last_idle_run_at"))
                            : new IdleRuns(0, Optional.empty());
                }
            }
        });
    }

    /**
     * Deletes the ended runs that started before {@code cutoff}, with their entries, {@code batchSize} runs per
     * transaction, so that no transaction holds many rows or runs long and the runs journaling meanwhile never wait
     * long; stops early when {@code stop} says so. Then forgets the failing items whose entry is older than the cutoff,
     * so that an item still failing is journaled again.
     *
     * @return how many runs were deleted
     */
    public int purge(Instant cutoff, int batchSize, java.util.function.BooleanSupplier stop) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize: must be at least 1, not " + batchSize);
        }
        int purged = 0;
        while (!stop.getAsBoolean()) {
            List<String> ids = Sql.query(dataSource, "listing sync runs to purge", c -> {
                try (PreparedStatement select = c.prepareStatement("SELECT id FROM liaison_sync_runs WHERE started_at < ?"
                        + " AND ended_at IS NOT NULL ORDER BY started_at LIMIT ?")) {
                    Sql.setInstant(select, 1, cutoff);
                    select.setInt(2, batchSize);
                    List<String> found = new ArrayList<>();
                    try (ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            found.add(row.getString(1));
                        }
                    }
                    return found;
                }
            });
            if (ids.isEmpty()) {
                break;
            }
            String placeholders = ids.stream().map(k -> "?").collect(Collectors.joining(", "));
            purged += Sql.transaction(dataSource, "purging " + ids.size() + " sync runs", c -> {
                try (PreparedStatement entries = c.prepareStatement("DELETE FROM liaison_journal_entries WHERE run_id IN ("
                        + placeholders + ")")) {
                    bindIds(entries, new java.util.LinkedHashSet<>(ids));
                    entries.executeUpdate();
                }
                try (PreparedStatement runs = c.prepareStatement("DELETE FROM liaison_sync_runs WHERE id IN ("
                        + placeholders + ")")) {
                    bindIds(runs, new java.util.LinkedHashSet<>(ids));
                    return runs.executeUpdate();
                }
            });
        }
        Sql.query(dataSource, "forgetting failing items journaled before " + cutoff, c -> {
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM liaison_failing_items WHERE journaled_at < ?")) {
                Sql.setInstant(delete, 1, cutoff);
                return delete.executeUpdate();
            }
        });
        return purged;
    }

    @Override
    public List<SyncRun> runs(Optional<AccountId> account, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit: must be at least 1, not " + limit);
        }
        int bounded = Math.min(limit, MAX_LIMIT);
        return Sql.query(dataSource, "listing sync runs", c -> {
            String sql = SELECT_RUNS + (account.isPresent() ? " WHERE account_id = ?" : "")
                    + " ORDER BY started_at DESC, id DESC LIMIT ?";
            try (PreparedStatement select = c.prepareStatement(sql)) {
                int index = 1;
                if (account.isPresent()) {
                    select.setString(index++, account.get().value());
                }
                select.setInt(index, bounded);
                return readRuns(c, select);
            }
        });
    }

    @Override
    public Optional<SyncRun> run(String runId) {
        if (runId == null || runId.isBlank()) {
            return Optional.empty();
        }
        return Sql.query(dataSource, "reading sync run " + runId, c -> {
            try (PreparedStatement select = c.prepareStatement(SELECT_RUNS + " WHERE id = ?")) {
                select.setString(1, runId);
                return readRuns(c, select).stream().findFirst();
            }
        });
    }

    @Override
    public List<JournalEntry> entries(String runId) {
        return Sql.query(dataSource, "reading the entries of sync run " + runId, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT recorded_at, area, item, outcome, message,"
                    + " crm_id FROM liaison_journal_entries WHERE run_id = ? ORDER BY seq")) {
                select.setString(1, runId);
                List<JournalEntry> entries = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        entries.add(new JournalEntry(runId, Sql.requiredInstant(row, "recorded_at"),
                                SyncArea.valueOf(row.getString("area")), row.getString("item"),
                                Outcome.valueOf(row.getString("outcome")), row.getString("message"),
                                Optional.ofNullable(row.getString("crm_id"))));
                    }
                }
                return entries;
            }
        });
    }

    private List<SyncRun> readRuns(Connection c, PreparedStatement select) throws SQLException {
        Map<String, SyncRun> runs = new LinkedHashMap<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                String id = row.getString("id");
                runs.put(id, new SyncRun(id, AccountId.of(row.getString("account_id")),
                        splitAreas(row.getString("areas")), SyncTrigger.valueOf(row.getString("trigger_kind")),
                        Sql.requiredInstant(row, "started_at"), Sql.instant(row, "ended_at"),
                        RunStatus.valueOf(row.getString("run_status")), Map.of(), List.of(),
                        Optional.ofNullable(row.getString("error_message"))));
            }
        }
        if (runs.isEmpty()) {
            return List.of();
        }
        String placeholders = runs.keySet().stream().map(k -> "?").collect(Collectors.joining(", "));
        Map<String, Map<Outcome, Integer>> counts = new LinkedHashMap<>();
        try (PreparedStatement select2 = c.prepareStatement("SELECT run_id, outcome, COUNT(*) FROM"
                + " liaison_journal_entries WHERE run_id IN (" + placeholders + ") GROUP BY run_id, outcome")) {
            bindIds(select2, runs.keySet());
            try (ResultSet row = select2.executeQuery()) {
                while (row.next()) {
                    counts.computeIfAbsent(row.getString(1), k -> new EnumMap<>(Outcome.class))
                            .put(Outcome.valueOf(row.getString(2)), row.getInt(3));
                }
            }
        }
        Map<String, List<String>> created = new LinkedHashMap<>();
        String areaPlaceholders = ACTIVITY_AREAS.stream().map(a -> "?").collect(Collectors.joining(", "));
        try (PreparedStatement select3 = c.prepareStatement("SELECT run_id, crm_id FROM liaison_journal_entries"
                + " WHERE run_id IN (" + placeholders + ") AND outcome = ? AND crm_id IS NOT NULL AND area IN ("
                + areaPlaceholders + ") ORDER BY run_id, seq")) {
            int index = bindIds(select3, runs.keySet());
            select3.setString(index++, Outcome.CREATED.name());
            for (SyncArea area : ACTIVITY_AREAS) {
                select3.setString(index++, area.name());
            }
            try (ResultSet row = select3.executeQuery()) {
                while (row.next()) {
                    created.computeIfAbsent(row.getString(1), k -> new ArrayList<>()).add(row.getString(2));
                }
            }
        }
        List<SyncRun> result = new ArrayList<>(runs.size());
        for (SyncRun run : runs.values()) {
            result.add(new SyncRun(run.id(), run.account(), run.areas(), run.trigger(), run.startedAt(),
                    run.endedAt(), run.status(), counts.getOrDefault(run.id(), Map.of()),
                    created.getOrDefault(run.id(), List.of()), run.error()));
        }
        return result;
    }

    private static int bindIds(PreparedStatement statement, Set<String> ids) throws SQLException {
        int index = 1;
        for (String id : ids) {
            statement.setString(index++, id);
        }
        return index;
    }

    private static String joinAreas(Set<SyncArea> areas) {
        return areas.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    private static Set<SyncArea> splitAreas(String areas) {
        if (areas == null || areas.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(areas.split(",")).map(SyncArea::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(SyncArea.class)));
    }
}
