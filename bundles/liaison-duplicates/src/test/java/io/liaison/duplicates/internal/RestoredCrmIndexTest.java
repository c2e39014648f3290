package io.liaison.duplicates.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.domain.Communication;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.ContactPersonData;
import io.liaison.api.domain.EmployeeId;
import io.liaison.crm.embedded.internal.JdbcHostCrm;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.stream.Collectors;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25, point 6: the embedded CRM's database (H2) restored from a backup older than the index's token. The next
 * catch-up rebuilds the index instead of reading on from the token: it then holds no key of a contact person the
 * restore lost and has those made after the restore. Before, it kept the lost ones and missed the new ones until the
 * CRM's feed passed the old token again.
 */
class RestoredCrmIndexTest {
    @TempDir
    Path dir;

    @Test
    void anIndexAheadOfARestoredCrmIsRebuilt() throws Exception {
        JdbcDataSource crmDb = JdbcMatchKeyIndexOnH2Test.h2();
        JdbcHostCrm crm = new JdbcHostCrm(crmDb);
        JdbcDataSource liaison = JdbcMatchKeyIndexOnH2Test.h2();
        IndexSchema.migrate(liaison);
        JdbcMatchKeyIndex index = new JdbcMatchKeyIndex(liaison);
        MatchIndexUpdater updater = new MatchIndexUpdater(crm, index, new ContactNormalizer("DE"), Optional.empty(),
                2, Clock.systemUTC());
        EmployeeId demo = crm.employees().findByLogin("demo").orElseThrow().id();
        ContactPerson kept = create(crm, demo, "Anna", "Alt");
        updater.catchUp();
        Path backup = dir.resolve("crm-backup.sql");
        execute(crmDb, "SCRIPT TO '" + backup + "'");
        ContactPerson lost = create(crm, demo, "Bernd", "Verloren");
        create(crm, demo, "Carla", "Auch");
        create(crm, demo, "Dora", "Dahin");
        updater.catchUp();
        assertThat(index.size()).isEqualTo(4);

        execute(crmDb, "DROP ALL OBJECTS");
        execute(crmDb, "RUNSCRIPT FROM '" + backup + "'");
        ContactPerson afterRestore = create(crm, demo, "Emil", "Neu");
        MatchIndexUpdater.Report report = updater.catchUp();

        assertThat(report.rebuilt()).isTrue();
        Map<String, Long> inCrm = crm.contactPersons().changesSince(demo, Optional.empty(), 100).changed().stream()
                .collect(Collectors.toMap(p -> p.id().value(), ContactPerson::version));
        assertThat(inCrm).containsKeys(kept.id().value(), afterRestore.id().value()).hasSize(2);
        assertThat(indexed(index)).as("the restored CRM's contact persons as they are now, and only those")
                .isEqualTo(inCrm);
        assertThat(lost.data().lastName()).isEqualTo("Verloren");
        assertThat(updater.catchUp().rebuilt()).as("rebuilt once, then caught up as usual").isFalse();
    }

    /** Each indexed contact person's id with the version the index filed. */
    private static Map<String, Long> indexed(JdbcMatchKeyIndex index) {
        Map<String, Long> indexed = new java.util.HashMap<>();
        index.forEachContact(100, batch -> batch.forEach(c -> indexed.put(c.id().value(), c.version())));
        return indexed;
    }

    private static ContactPerson create(JdbcHostCrm crm, EmployeeId actor, String first, String last) {
        return crm.contactPersons().create(actor, new ContactPersonData(Optional.empty(), "", "", first, last, "", "",
                List.of(Communication.email(first.toLowerCase() + "@firma.de", true))), Optional.empty());
    }

    private static void execute(JdbcDataSource db, String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
