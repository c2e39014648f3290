package io.liaison.shell.internal.sync;

import io.liaison.api.runtime.JournalEntry;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.SyncRun;
import io.liaison.shell.internal.Text;
import io.liaison.shell.internal.TextTable;
import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** How sync runs and their journal entries look in the text output of {@code sync} and {@code runs}. */
public final class RunText {
    private RunText() {
    }

    /** The non-zero counts, e.g. {@code created 3, failed 1}; {@code no items} when all are zero. */
    static String counts(SyncRun run) {
        List<String> parts = new ArrayList<>();
        for (Outcome o : Outcome.values()) {
            if (run.count(o) > 0) {
                parts.add(o.name().toLowerCase(Locale.ROOT) + " " + run.count(o));
            }
        }
        return parts.isEmpty() ? "no items" : String.join(", ", parts);
    }

    static String areas(SyncRun run) {
        return run.areas().stream().sorted().map(a -> a.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(","));
    }

    static String took(SyncRun run) {
        return run.endedAt().map(e -> Text.duration(Duration.between(run.startedAt(), e))).orElse("running");
    }

    /** The summary of one run, several lines. */
    public static void summary(SyncRun run, ZoneId zone, PrintStream out) {
        out.println("Run " + run.id() + " of account " + run.account() + ": " + run.status());
        out.println("  trigger " + run.trigger().name().toLowerCase(Locale.ROOT) + ", areas " + areas(run)
                + ", started " + Text.time(run.startedAt(), zone) + ", took " + took(run));
        out.println("  items: " + counts(run));
        if (!run.createdActivities().isEmpty()) {
            out.println("  created activities (" + run.createdActivities().size() + "): "
                    + String.join(", ", run.createdActivities()));
        }
        run.error().ifPresent(e -> out.println("  error: " + Text.oneLine(e)));
    }

    static void runTable(List<SyncRun> runs, ZoneId zone, PrintStream out) {
        TextTable table = new TextTable(60, "RUN", "ACCOUNT", "TRIGGER", "STARTED", "TOOK", "STATUS", "ITEMS",
                "ERROR");
        for (SyncRun r : runs) {
            table.row(r.id(), r.account(), r.trigger(), Text.time(r.startedAt(), zone), took(r), r.status(),
                    counts(r), r.error().orElse(""));
        }
        table.print(out);
    }

    static void entryTable(List<JournalEntry> entries, ZoneId zone, PrintStream out) {
        TextTable table = new TextTable(70, "AT", "AREA", "OUTCOME", "ITEM", "CRM ID", "MESSAGE");
        for (JournalEntry e : entries) {
            table.row(Text.time(e.at(), zone), e.area(), e.outcome(), e.item(), e.crmId().orElse(""), e.message());
        }
        table.print(out);
    }
}
