package io.liaison.crm.embedded.internal;

import io.liaison.api.crm.HostCrm;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The host-CRM contract and the embedded CRM's own promises on a real PostgreSQL, started for this class. */
class EmbeddedCrmOnPostgresTest extends EmbeddedCrmContractTest {
    private static final RecordingListener LISTENER = new RecordingListener();
    private static EmbeddedPostgres postgres;
    private static JdbcHostCrm crm;
    private static javax.sql.DataSource dataSource;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.start();
        dataSource = new PooledDataSource(postgres.getPostgresDatabase());
        crm = open(dataSource, LISTENER);
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
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
