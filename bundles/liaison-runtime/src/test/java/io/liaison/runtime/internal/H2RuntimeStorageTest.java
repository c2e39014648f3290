package io.liaison.runtime.internal;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;

/** The storage contract on H2 in memory (the embedded default's database). */
class H2RuntimeStorageTest extends RuntimeStorageContract {
    private static DataSource dataSource;

    @BeforeAll
    static void createDatabase() {
        dataSource = TestDatabases.h2();
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }

    @Override
    DataSource emptyDataSource() {
        org.h2.jdbcx.JdbcDataSource empty = new org.h2.jdbcx.JdbcDataSource();
        empty.setURL("jdbc:h2:mem:runtime-empty-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return empty;
    }
}
