package io.liaison.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.SyncJournal;
import io.liaison.api.runtime.SyncRun;
import io.liaison.api.mailimport.MailImportService;
import io.liaison.itests.vendor.VendorCrmActivator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * A CRM vendor's host-CRM bundle installed after the Liaison features (issue 23, point 6): Karaf had pulled in the
 * embedded CRM because nothing else provided {@code HostCrm}. The embedded CRM steps aside, every module binds the
 * vendor's CRM, and the embedded CRM does not come back when the vendor's bundle stops for a while, nor when its own
 * bundle restarts: mail is never imported into a CRM nobody looks at. The sample account's first run against the
 * vendor's CRM forgets the links that name the embedded CRM's ids.
 */
public class VendorCrmIT extends LiaisonTestSupport {
    private static final String EMBEDDED = "(liaison.crm.embedded=true)";
    private static final String VENDORS = "(vendor=example)";
    /** The bundles whose components need a host CRM. */
    private static final Set<String> MODULES = Set.of("io.liaison.mailimport", "io.liaison.activitysync",
            "io.liaison.contactreplication", "io.liaison.duplicates", "io.liaison.address");
    /** How long the embedded CRM is watched for coming back; it would within milliseconds. */
    private static final Duration STAYS_AWAY = Duration.ofSeconds(3);

    @Test
    public void aVendorsHostCrmInstalledAfterLiaisonTakesOverForGood() throws Exception {
        awaitService(HostCrm.class, EMBEDDED, TIMEOUT);
        awaitService(MailImportService.class);
        assertEquals("before the vendor's bundle the modules use the embedded CRM", MODULES,
                users(reference(EMBEDDED)));
        Bundle crmBundle = bundle("io.liaison.crm.embedded");
        long crmInstalled = crmBundle.getLastModified();
        GroupwareAccount sample = sampleAccount();
        SyncRun before = syncNow(sample, Set.of(SyncArea.TASKS));
        assertFalse("a run against the CRM it always had forgets nothing", hostCrmWarned(before));

        Bundle vendor = bundleContext.installBundle("example:vendor-crm", vendorBundle());
        vendor.start();

        awaitUsers(VENDORS, MODULES);
        assertFalse("the embedded CRM must have stepped aside", hasService(HostCrm.class, EMBEDDED));
        assertEquals("the embedded CRM's bundle is neither refreshed nor stopped, only its service goes", crmInstalled,
                crmBundle.getLastModified());
        assertEquals(Bundle.ACTIVE, crmBundle.getState());
        assertAnswers("liaison:account-list");
        SyncRun after = syncNow(sample, Set.of(SyncArea.TASKS));
        assertTrue("the first run against the vendor's CRM forgets the embedded CRM's links and says so: "
                + awaitService(SyncJournal.class).entries(after.id()), hostCrmWarned(after));

        vendor.stop();
        assertNoHostCrmFor(STAYS_AWAY, "while the vendor's bundle is stopped");
        crmBundle.stop();
        crmBundle.start();
        assertNoHostCrmFor(STAYS_AWAY, "after the embedded CRM's bundle restarted");

        vendor.start();
        awaitUsers(VENDORS, MODULES);
        assertFalse(hasService(HostCrm.class, EMBEDDED));
        awaitService(MailImportService.class);
        assertAnswers("liaison:account-list");
    }

    private boolean hostCrmWarned(SyncRun run) {
        return awaitService(SyncJournal.class).entries(run.id()).stream().anyMatch(e -> e.item().equals("host CRM")
                && e.outcome() == Outcome.WARNING && e.message().contains("io.liaison.crm.embedded")
                && e.message().contains("com.example.vendor.crm"));
    }

    /** The vendor's bundle as a vendor builds it: a HostCrm registered by an activator, the capability declared. */
    private InputStream vendorBundle() throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "com.example.vendor.crm");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Bundle-Activator", VendorCrmActivator.class.getName());
        main.putValue("Import-Package",
                "io.liaison.api.crm;version=\"[1.3,2)\",io.liaison.api.domain;version=\"[1.2,2)\",org.osgi.framework");
        main.putValue("Provide-Capability", "osgi.service;objectClass:List<String>=\"" + HostCrm.class.getName()
                + "\";uses:=\"io.liaison.api.crm\"");
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(jar, manifest)) {
            String entry = VendorCrmActivator.class.getName().replace('.', '/') + ".class";
            out.putNextEntry(new JarEntry(entry));
            try (InputStream classFile = VendorCrmActivator.class.getClassLoader().getResourceAsStream(entry)) {
                assertNotNull("the activator's class file should be in the probe", classFile);
                classFile.transferTo(out);
            }
            out.closeEntry();
        }
        return new ByteArrayInputStream(jar.toByteArray());
    }

    private ServiceReference<HostCrm> reference(String filter) throws Exception {
        var references = bundleContext.getServiceReferences(HostCrm.class, filter);
        assertEquals("host CRMs matching " + filter, 1, references.size());
        return references.iterator().next();
    }

    private Set<String> users(ServiceReference<HostCrm> reference) {
        Set<String> names = new TreeSet<>();
        Bundle[] using = reference.getUsingBundles();
        for (Bundle bundle : using == null ? new Bundle[0] : using) {
            if (MODULES.contains(bundle.getSymbolicName())) {
                names.add(bundle.getSymbolicName());
            }
        }
        return names;
    }

    private void awaitUsers(String filter, Set<String> expected) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        Set<String> seen = Set.of();
        while (System.nanoTime() < deadline) {
            if (hasService(HostCrm.class, filter)) {
                seen = users(reference(filter));
                if (seen.equals(expected)) {
                    return;
                }
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        fail("The modules using the host CRM " + filter + " should be " + expected + " but were " + seen + "\n"
                + liaisonState());
    }

    /** Watches for a while that no host CRM at all is registered: the modules wait for the vendor's. */
    private void assertNoHostCrmFor(Duration watch, String when) throws Exception {
        long deadline = System.nanoTime() + watch.toNanos();
        while (System.nanoTime() < deadline) {
            assertFalse("no host CRM may be registered " + when + ", the embedded one least of all",
                    hasService(HostCrm.class, null));
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    private void assertAnswers(String command) {
        String output = executeCommand(command);
        assertTrue(command + " should answer without an error, said: " + output,
                !output.contains("Error") && !output.contains("Exception"));
    }
}
