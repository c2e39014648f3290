package io.liaison.runtime.internal;

import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.AccountRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** Test databases: a fresh migrated H2 in memory, and account fixtures. */
final class TestDatabases {

    private TestDatabases() {
    }

    /** A new in-memory H2 database with the runtime's schema. */
    static DataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:runtime-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        RuntimeDatabase.migrate(dataSource);
        return dataSource;
    }

    static AccountRequest request(String employee, Set<SyncArea> areas) {
        return new AccountRequest(EmployeeId.of(employee), "test", Map.of("folder", "/tmp/x"), true,
                Duration.ofMinutes(5), areas, null);
    }

    /** Inserts an account for a fresh employee and returns its id. */
    static AccountId account(JdbcAccountRepository accounts) {
        AccountId id = AccountId.of(UUID.randomUUID().toString());
        accounts.insert(id, request("emp-" + UUID.randomUUID(), Set.of(SyncArea.MAILS)), Instant.now());
        return id;
    }
}
