package io.liaison.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;

import io.liaison.api.connector.ConnectorFactory;
import io.liaison.api.crm.HostCrm;
import io.liaison.api.runtime.AccountService;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.karaf.features.BundleInfo;

import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.SynchronousBundleListener;

/**
 * Modules come and go at run time: a module feature is uninstalled and installed again while the rest of
 * Liaison keeps its bundles active and keeps answering.
 */
public class HotDeployIT extends LiaisonTestSupport {

    @Test
    public void localConnectorCanBeRemovedAndAddedAgainWhileTheCrmKeepsAnswering() throws Exception {
        awaitService(ConnectorFactory.class);
        Bundle crmBundle = bundle("io.liaison.crm.embedded");
        assertNotNull("the embedded CRM bundle should be installed", crmBundle);
        long crmBundleId = crmBundle.getBundleId();

        uninstallFeature("liaison-connector-local");
        assertNull("the local connector bundle should be gone", bundle("io.liaison.connector.local"));
        assertFalse("no ConnectorFactory should be left", hasService(ConnectorFactory.class, null));
        assertCrmStillAnswers(crmBundleId);

        installFeature("liaison-connector-local");
        awaitService(ConnectorFactory.class);
        assertEquals(Bundle.ACTIVE, bundle("io.liaison.connector.local").getState());
        assertCrmStillAnswers(crmBundleId);
    }

    @Test
    public void shellCanBeRemovedAndAddedAgainWhileTheCrmKeepsAnswering() throws Exception {
        assertNotNull("the shell bundle should be installed", bundle("io.liaison.shell"));
        long crmBundleId = bundle("io.liaison.crm.embedded").getBundleId();

        uninstallFeature("liaison-shell");
        assertNull("the shell bundle should be gone", bundle("io.liaison.shell"));
        assertCrmStillAnswers(crmBundleId);

        installFeature("liaison-shell");
        assertEquals(Bundle.ACTIVE, bundle("io.liaison.shell").getState());
        assertCrmStillAnswers(crmBundleId);
    }

    /**
     * Installing or removing a module refreshes only that module's bundles: the embedded CRM and the runtime keep
     * their service registrations (a refresh would stop their bundles and register their services anew, and stop
     * the runs under way in the middle of their JDBC and file work).
     */
    @Test
    public void modulesComeAndGoWithoutRefreshingTheCrmOrTheRuntime() throws Exception {
        for (String module : List.of("liaison-duplicates", "liaison-address-resolution", "liaison-mail-import",
                "liaison-contact-replication", "liaison-activity-sync", "liaison-connector-local", "liaison-shell")) {
            // not liaison-content: while the mail import needs it, Karaf keeps it installed (feature:uninstall does
            // nothing and says nothing; see the README)
            long crm = serviceId(HostCrm.class);
            long runtime = serviceId(AccountService.class);
            long crmBundle = bundle("io.liaison.crm.embedded").getLastModified();
            long runtimeBundle = bundle("io.liaison.runtime").getLastModified();
            Set<String> own = new HashSet<>();
            for (BundleInfo info : featuresService.getFeature(module).getBundles()) {
                own.add(info.getLocation());
            }
            // a refresh stops every bundle it touches: any stop of a bundle the module does not own is one too many
            Set<String> stopped = ConcurrentHashMap.newKeySet();
            SynchronousBundleListener listener = event -> {
                if (event.getType() == BundleEvent.STOPPED && !own.contains(event.getBundle().getLocation())) {
                    stopped.add(event.getBundle().getSymbolicName());
                }
            };
            bundleContext.addBundleListener(listener);
            try {
                uninstallFeature(module);
                installFeature(module);
            } finally {
                bundleContext.removeBundleListener(listener);
            }
            assertEquals(module + ": only the module's own bundles may be stopped (refreshed) by its uninstall and "
                    + "install", Set.of(), stopped);

            assertEquals(module + ": the embedded CRM's service must not be registered anew", crm, serviceId(HostCrm.class));
            assertEquals(module + ": the runtime's service must not be registered anew", runtime,
                    serviceId(AccountService.class));
            assertEquals(module + ": the embedded CRM bundle must not be refreshed", crmBundle,
                    bundle("io.liaison.crm.embedded").getLastModified());
            assertEquals(module + ": the runtime bundle must not be refreshed", runtimeBundle,
                    bundle("io.liaison.runtime").getLastModified());
        }
    }

    private long serviceId(Class<?> type) {
        awaitService(type);
        ServiceReference<?> reference = bundleContext.getServiceReference(type);
        assertNotNull(type.getSimpleName() + " should be registered", reference);
        return (Long) reference.getProperty(Constants.SERVICE_ID);
    }

    private void assertCrmStillAnswers(long crmBundleId) {
        Bundle crmBundle = bundle("io.liaison.crm.embedded");
        assertNotNull("the embedded CRM bundle should still be installed", crmBundle);
        assertEquals("the embedded CRM bundle should not have been reinstalled", crmBundleId, crmBundle.getBundleId());
        assertEquals(Bundle.ACTIVE, crmBundle.getState());
        HostCrm crm = awaitService(HostCrm.class);
        assertFalse("the embedded CRM should still answer", crm.catalog().statusKeys().isEmpty());
    }
}
