package io.liaison.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.util.List;
import java.util.Properties;

import org.junit.Test;
import org.osgi.service.jdbc.DataSourceFactory;

/**
 * The distribution boots the embedded default, and every Liaison feature installs from the distribution alone
 * (its remote Maven repositories are switched off).
 */
public class FeaturesIT extends LiaisonTestSupport {

    @Test
    public void bootFeaturesAreInstalledAndEveryBundleIsActive() throws Exception {
        for (String feature : List.of("scr", "eventadmin", "scheduler", "shell", "jaas", "ssh",
                "spring-security-crypto-encryption")) {
            assertTrue("Boot feature " + feature + " should be installed", isInstalled(feature));
        }
        for (String feature : BOOT_FEATURES) {
            assertTrue("Boot feature " + feature + " should be installed", isInstalled(feature));
        }
        assertAllBundlesActive();
    }

    @Test
    public void everyLiaisonFeatureInstalls() throws Exception {
        List<String> names = liaisonFeatureNames();
        assertTrue("The Liaison features repository should be registered: " + names, names.contains("liaison"));
        for (String name : names) {
            installFeature(name);
        }
        assertAllBundlesActive();
    }

    /**
     * A PostgreSQL user installs the runtime without H2: neither the runtime nor the embedded CRM needs the H2
     * driver's feature (the embedded default adds it on its own).
     */
    @Test
    public void theRuntimeAndTheEmbeddedCrmDoNotBringTheH2Driver() throws Exception {
        for (String name : List.of("liaison-runtime", "liaison-crm-embedded")) {
            java.util.Set<String> needed = new java.util.TreeSet<>();
            java.util.Deque<String> open = new java.util.ArrayDeque<>(List.of(name));
            while (!open.isEmpty()) {
                org.apache.karaf.features.Feature feature = featuresService.getFeature(open.pop());
                for (org.apache.karaf.features.Dependency d : feature.getDependencies()) {
                    if (!d.isDependency() && needed.add(d.getName())) {
                        open.push(d.getName());
                    }
                }
            }
            assertFalse(name + " should not need the H2 driver's feature: " + needed,
                    needed.contains("liaison-datasource-h2"));
            assertTrue(name + " should need the JDBC layer: " + needed, needed.contains("liaison-jdbc"));
        }
        assertTrue("the umbrella brings H2 for the embedded default", featuresService.getFeature("liaison")
                .getDependencies().stream().anyMatch(d -> d.getName().equals("liaison-datasource-h2")));
    }

    @Test
    public void h2DriverRegistersADataSourceFactory() throws Exception {
        DataSourceFactory h2 = awaitService(DataSourceFactory.class, "(osgi.jdbc.driver.class=org.h2.Driver)", TIMEOUT);
        Properties props = new Properties();
        props.put(DataSourceFactory.JDBC_URL, "jdbc:h2:mem:features-it");
        try (Connection connection = h2.createDataSource(props).getConnection()) {
            assertEquals("H2", connection.getMetaData().getDatabaseProductName());
        }
    }

    @Test
    public void postgresqlDriverInstallsAndRegistersADataSourceFactory() throws Exception {
        installFeature("liaison-datasource-postgresql");
        awaitService(DataSourceFactory.class, "(osgi.jdbc.driver.class=org.postgresql.Driver)", TIMEOUT);
        uninstallFeature("liaison-datasource-postgresql");
        assertFalse("the PostgreSQL driver should be gone",
                hasService(DataSourceFactory.class, "(osgi.jdbc.driver.class=org.postgresql.Driver)"));
        assertTrue("the H2 driver should still be there",
                hasService(DataSourceFactory.class, "(osgi.jdbc.driver.class=org.h2.Driver)"));
    }
}
