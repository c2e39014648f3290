package io.liaison.activitysync.internal;

import static io.liaison.activitysync.internal.ActivityFlow.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.ConflictPolicy;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.JournalEntry;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.SyncRun;
import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.item.EventData;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25, point 6: the CRM's database restored from a backup older than the stored change tokens. The next run
 * notices (the token is ahead of the CRM's feed), journals a warning, reads the CRM again from the start, pairs
 * by ids, and deletes nothing: the groupware copies of the activities the restore lost stay. Before, reading on from
 * the token skipped every change made in the CRM after the restore.
 */
class RestoredCrmFlowTest {
    @TempDir
    Path dir;

    private static void execute(ActivityFlow flow, String sql) throws Exception {
        try (Connection c = flow.crmDb.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void aRestoredOlderCrmIsReadAgainFromTheStartAndNothingIsDeleted() throws Exception {
        ActivityFlow flow = new ActivityFlow(dir, ConflictPolicy.CRM_WINS);
        Activity kept = flow.crmCreate(ActivityType.APPOINTMENT, "In the backup", at(1, 9));
        flow.run();
        Path backup = dir.resolve("crm-backup.sql");
        execute(flow, "SCRIPT TO '" + backup + "'");
        flow.crmCreate(ActivityType.APPOINTMENT, "Lost by the restore", at(2, 9));
        flow.crmCreate(ActivityType.APPOINTMENT, "Lost as well", at(3, 9));
        flow.crmCreate(ActivityType.APPOINTMENT, "And this", at(4, 9));
        flow.run();
        assertThat(flow.gwEvents()).hasSize(4);

        execute(flow, "DROP ALL OBJECTS");
        execute(flow, "RUNSCRIPT FROM '" + backup + "'");
        Activity afterRestore = flow.crmEdit(kept.id().value(), "Changed after the restore");
        SyncRun run = flow.run();

        List<GroupwareItem<EventData>> events = flow.gwEvents();
        assertThat(events).as("nothing deleted on the strength of the restore").hasSize(4);
        assertThat(events).extracting(e -> e.data().subject())
                .contains("Changed after the restore", "Lost by the restore", "Lost as well", "And this");
        assertThat(flow.entries(run)).filteredOn(e -> e.outcome() == Outcome.WARNING)
                .extracting(JournalEntry::message).anySatisfy(m -> assertThat(m).contains("ahead of the CRM"));
        assertThat(flow.links(SyncArea.APPOINTMENTS)).singleElement()
                .satisfies(link -> assertThat(link.crmId()).isEqualTo(afterRestore.id().value()));
        assertThat(flow.crmActivities(java.util.Set.of(ActivityType.APPOINTMENT))).hasSize(1);
    }
}
