package io.liaison.crm.embedded.internal;

import io.liaison.api.crm.HostCrm;
import org.junit.jupiter.api.BeforeAll;

/** The host-CRM contract and the embedded CRM's own promises on H2 in memory. */
class EmbeddedCrmOnH2Test extends EmbeddedCrmContractTest {
    private static final RecordingListener LISTENER = new RecordingListener();
    private static JdbcHostCrm crm;
    private static javax.sql.DataSource dataSource;

    @BeforeAll
    static void openCrm() {
        dataSource = Databases.h2();
        crm = open(dataSource, LISTENER);
    }

    @Override
    public HostCrm crm() {
        return crm;
    }

    @Override
    javax.sql.DataSource dataSource() {
        return dataSource;
    }

    @Override
    RecordingListener listener() {
        return LISTENER;
    }
}
