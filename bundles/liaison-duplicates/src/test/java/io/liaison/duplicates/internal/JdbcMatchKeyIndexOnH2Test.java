package io.liaison.duplicates.internal;

import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;

class JdbcMatchKeyIndexOnH2Test extends MatchKeyIndexContract {

    static JdbcDataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:liaison-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return ds;
    }

    @Override
    MatchKeyIndex index() {
        JdbcDataSource ds = h2();
        IndexSchema.migrate(ds);
        return new JdbcMatchKeyIndex(ds);
    }
}
