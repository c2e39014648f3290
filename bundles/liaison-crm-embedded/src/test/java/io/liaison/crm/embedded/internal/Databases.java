package io.liaison.crm.embedded.internal;

import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** Fresh databases for tests. */
final class Databases {
    private Databases() {
    }

    /** A new, empty H2 database in memory that lives until the JVM ends. */
    static DataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:crm-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }
}
