package io.liaison.shell.internal.crm;

import io.liaison.api.crm.HostCrm;
import io.liaison.crm.embedded.internal.JdbcHostCrm;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;

/** The host CRM the loader tests run against: the real embedded CRM, on a fresh H2 database in memory. */
final class CrmForTests {
    private CrmForTests() {
    }

    static HostCrm create() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:shell-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return new JdbcHostCrm(ds);
    }
}
