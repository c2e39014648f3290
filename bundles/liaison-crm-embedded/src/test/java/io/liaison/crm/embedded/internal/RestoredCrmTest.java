package io.liaison.crm.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.crm.CrmChangePage;
import io.liaison.api.crm.CrmToken;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityData;
import io.liaison.api.domain.ActivityId;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.EmployeeId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25, point 6: after the database was restored from an older backup, a token the feed gave out before is
 * ahead of it, and the embedded CRM says so (without the check, reading on from it skips the changes made after
 * the restore until the counter passes the token again).
 */
class RestoredCrmTest {
    private static final EmployeeId DEMO = EmployeeId.of("demo");

    @TempDir
    Path dir;

    private static Activity task(JdbcHostCrm crm, String subject) {
        return crm.activities().create(DEMO, ActivityData.builder(ActivityType.TASK, DEMO).subject(subject)
                .start(Instant.parse("2026-03-01T09:00:00Z")).build(), Optional.empty());
    }

    private static CrmToken head(JdbcHostCrm crm) {
        Optional<CrmToken> token = Optional.empty();
        CrmChangePage<Activity, ActivityId> page;
        do {
            page = crm.activities().changesSince(DEMO, token, 100);
            token = Optional.of(page.next());
        } while (page.more());
        return token.orElseThrow();
    }

    private static void execute(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void aTokenFromBeforeARestoreOfAnOlderBackupIsAheadOfTheFeed() throws Exception {
        DataSource ds = Databases.h2();
        JdbcHostCrm crm = new JdbcHostCrm(ds);
        task(crm, "in the backup");
        Path backup = dir.resolve("crm-backup.sql");
        execute(ds, "SCRIPT TO '" + backup + "'");
        task(crm, "lost by the restore");
        task(crm, "lost as well");
        CrmToken stored = head(crm);
        assertThat(crm.activities().aheadOfFeed(DEMO, stored)).isFalse();

        execute(ds, "DROP ALL OBJECTS");
        execute(ds, "RUNSCRIPT FROM '" + backup + "'");
        Activity afterRestore = task(crm, "made after the restore");

        assertThat(crm.activities().aheadOfFeed(DEMO, stored)).isTrue();
        assertThat(crm.contactPersons().aheadOfFeed(DEMO, stored)).isTrue();
        // what reading on from it gives: the change made after the restore is skipped
        assertThat(crm.activities().changesSince(DEMO, Optional.of(stored), 100).changed())
                .extracting(Activity::id).doesNotContain(afterRestore.id());
    }
}
