package io.liaison.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.Test;

/**
 * The DataSources of the default distribution come from the configurations its features install: H2 files
 * under the container's data folder, pooled, ready at boot.
 */
public class DataSourcesIT extends LiaisonTestSupport {

    @Test
    public void embeddedCrmDataSourceIsAnH2FileUnderKarafData() throws Exception {
        assertH2FileDataSource("liaison-crm", "liaison/crm");
    }

    @Test
    public void runtimeDataSourceIsAnH2FileUnderKarafData() throws Exception {
        assertH2FileDataSource("liaison", "liaison/liaison");
    }

    private void assertH2FileDataSource(String name, String file) throws Exception {
        DataSource dataSource = awaitService(DataSource.class, "(dataSourceName=" + name + ")", TIMEOUT);
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet one = statement.executeQuery("SELECT 1")) {
            String url = connection.getMetaData().getURL();
            assertEquals("H2", connection.getMetaData().getDatabaseProductName());
            assertFalse("Karaf's placeholders should be resolved in " + url, url.contains("${"));
            String data = System.getProperty("karaf.data").replace('\\', '/');
            assertTrue(url + " should be a file under " + data, url.replace('\\', '/').contains(data + "/" + file));
            assertTrue(one.next());
        }
    }
}
