package io.liaison.itests;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.AccountService;
import io.liaison.api.runtime.SyncAlreadyRunningException;
import io.liaison.api.runtime.SyncRun;
import io.liaison.api.runtime.SyncService;
import io.liaison.api.runtime.SyncTrigger;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javax.inject.Inject;
import javax.security.auth.Subject;
import org.apache.karaf.features.BootFinished;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.options.extra.VMOption;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The one base class of Liaison's Pax Exam tests: boots the Liaison Karaf distribution of this build (one
 * container per test class) and offers the helpers the tests share: run a shell command and read its output,
 * install and uninstall features, wait for a service with a deadline, look at bundle states.
 *
 * <p>The distribution is the zip the reactor built ({@code liaison.karaf.zip}, set by the pom). Inside the
 * container, pax-url-aether has no remote repository: every bundle comes from the distribution's
 * {@code system/} folder, and Pax Exam's own bundles from the build's local Maven repository.
 * Run with {@code -Dliaison.itest.keep=true} to keep the unpacked containers under {@code target/exam}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public abstract class LiaisonTestSupport {

    /** Default deadline for services, commands and features. */
    protected static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Pause between two looks at a condition that becomes true asynchronously. */
    protected static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    /** The Liaison features every test can rely on being installed at boot. */
    protected static final List<String> BOOT_FEATURES = List.of("liaison-api", "liaison-datasource-h2",
            "liaison-crm-embedded", "liaison-runtime", "liaison-duplicates", "liaison-address-resolution",
            "liaison-shell", "liaison-connector-local", "liaison-content", "liaison-mail-import", "liaison-activity-sync",
            "liaison-contact-replication", "liaison-rest");

    /** The system property that tells the tests in the container the HTTP port of its Jetty. */
    protected static final String HTTP_PORT = "liaison.itest.httpPort";

    @Inject
    protected BundleContext bundleContext;

    @Inject
    protected FeaturesService featuresService;

    @Inject
    protected SessionFactory sessionFactory;

    /** Injected only once the boot features are installed, so no test starts before. */
    @Inject
    protected BootFinished bootFinished;

    private final ExecutorService executor = Executors.newCachedThreadPool();

    /** The container: our distribution, Java 17 module options, free ports, no remote Maven repository. */
    @Configuration
    public Option[] config() {
        String zip = requiredProperty("liaison.karaf.zip");
        String karafVersion = requiredProperty("liaison.karaf.version");
        String localRepository = System.getProperty("maven.repo.local",
                System.getProperty("user.home") + "/.m2/repository");
        String examDir = System.getProperty("liaison.exam.dir", "target/exam");
        String httpPort = Integer.toString(freePort());
        List<Option> options = new ArrayList<>(Arrays.asList(
                karafDistributionConfiguration()
                        .frameworkUrl(new File(zip).toURI().toString())
                        .karafVersion(karafVersion)
                        .name("Liaison")
                        .unpackDirectory(new File(examDir))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                logLevel(LogLevel.WARN),
                systemTimeout(TIMEOUT.toMillis() * 3),
                // how long an @Inject field waits for its service (10 s by default): a container still provisioning
                // on a loaded 2-core machine has been seen to need longer
                systemProperty("pax.exam.service.timeout").value(Long.toString(TIMEOUT.toMillis() * 2)),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(freePort())),
                // a free HTTP port (not 8181), so that containers of tests running side by side do not collide
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", httpPort),
                systemProperty(HTTP_PORT).value(httpPort),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg",
                        "org.ops4j.pax.url.mvn.localRepository", localRepository),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories", ""),
                editConfigurationFilePut("etc/org.apache.karaf.features.cfg", "updateSnapshots", "none")));
        options.addAll(java17Options(karafVersion));
        if (Boolean.getBoolean("liaison.itest.keep")) {
            options.add(keepRuntimeFolder());
        }
        options.addAll(Arrays.asList(additionalOptions()));
        return options.toArray(new Option[0]);
    }

    /** Extra container options of a test class (configuration files, system properties). */
    protected Option[] additionalOptions() {
        return new Option[0];
    }

    /** The JVM options bin/karaf passes on Java 9+, which Pax Exam does not add by itself. */
    private static List<Option> java17Options(String karafVersion) {
        List<Option> vm = new ArrayList<>();
        for (String option : new String[] {
                "--add-reads=java.xml=java.logging",
                "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karafVersion + ".jar",
                "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karafVersion + ".jar",
                "--add-opens", "java.base/java.security=ALL-UNNAMED",
                "--add-opens", "java.base/java.net=ALL-UNNAMED",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "--add-opens", "java.base/java.util=ALL-UNNAMED",
                "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
                "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
                "--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED",
                "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
                "-classpath", "lib/jdk9plus/*" + File.pathSeparator + "lib/boot/*"}) {
            vm.add(new VMOption(option));
        }
        return vm;
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set: run the tests through Maven"
                    + " (mvn verify), which sets it to the distribution built by this reactor");
        }
        return value;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free TCP port for the container", e);
        }
    }

    // ----------------------------------------------------------------- the sample account

    /** The account the distribution provisions from etc/io.liaison.account-sample.cfg. */
    protected GroupwareAccount sampleAccount() throws InterruptedException {
        AccountService accounts = awaitService(AccountService.class);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<GroupwareAccount> sample = accounts.list().stream()
                    // provisioningId = sample (issue 25): "id:sample"; before it, the file name
                    .filter(a -> "id:sample".equals(a.settings().get("provisionedBy"))
                            || String.valueOf(a.settings().get("provisionedBy")).startsWith("io.liaison.account"))
                    .findFirst();
            if (sample.isPresent()) {
                return sample.get();
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        fail("the sample account of etc/io.liaison.account-sample.cfg was not created");
        return null;
    }

    /** A manual run of these areas; the sample account also runs every minute, so a run under way is waited for. */
    protected SyncRun syncNow(GroupwareAccount account, Set<SyncArea> areas) throws InterruptedException {
        SyncService sync = awaitService(SyncService.class);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try {
                return sync.sync(account.id(), areas, SyncTrigger.MANUAL);
            } catch (SyncAlreadyRunningException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(POLL_INTERVAL.toMillis());
            }
        }
    }

    // ----------------------------------------------------------------- shell

    /**
     * Runs a shell command as the local console would and returns what it printed (standard output and error).
     * Fails the test when the command does not end within {@link #TIMEOUT}; a command that throws ends with
     * its message in the output, as on a console.
     */
    protected String executeCommand(String command) {
        return executeCommand(command, TIMEOUT);
    }

    /**
     * {@link #executeCommand(String)} with a deadline of its own, as the local console's user does (the roles of
     * {@code karaf.local.roles}: admin, manager, viewer), so that the command ACL lets the commands through.
     */
    protected String executeCommand(String command, Duration timeout) {
        return executeCommandAs(command, timeout, "admin", "manager", "viewer", "systembundles");
    }

    /** Runs a command as a console user with these roles; a command the ACL does not grant them is not found. */
    protected String executeCommandAs(String command, Duration timeout, String... roles) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(new ByteArrayInputStream(new byte[0]), out, out);
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal("itest"));
        for (String role : roles) {
            subject.getPrincipals().add(new RolePrincipal(role));
        }
        Future<?> run = executor.submit(() -> {
            try {
                Object result = Subject.doAs(subject, (PrivilegedExceptionAction<Object>) () -> session.execute(command));
                if (result != null) {
                    out.println(result);
                }
            } catch (PrivilegedActionException e) {
                out.println("Error executing command: " + e.getException().getMessage());
            } catch (Exception e) {
                out.println("Error executing command: " + e.getMessage());
            }
            return null;
        });
        try {
            run.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            run.cancel(true);
            fail("Command '" + command + "' did not end within " + timeout + "; printed so far:\n" + text(bytes));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running '" + command + "'", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Command '" + command + "' failed", e.getCause());
        } finally {
            session.close();
        }
        return text(bytes);
    }

    /**
     * Runs a command again and again until its output satisfies the condition (commands of a bundle that just
     * started register asynchronously) and returns that output; fails the test with the last output after the
     * timeout.
     */
    protected String awaitCommandOutput(String command, Predicate<String> condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String output = executeCommand(command, timeout);
        while (!condition.test(output)) {
            if (System.nanoTime() - deadline > 0) {
                fail("Output of '" + command + "' did not become as expected within " + timeout + "; last output:\n"
                        + output);
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
            output = executeCommand(command, timeout);
        }
        return output;
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    // -------------------------------------------------------------- features

    /** Installs a feature (and what it needs) and checks that it is installed afterwards. */
    protected void installFeature(String name) throws Exception {
        featuresService.installFeature(name, EnumSet.noneOf(FeaturesService.Option.class));
        assertTrue("Feature " + name + " should be installed", isInstalled(name));
    }

    /** Uninstalls a feature and checks that it is gone. */
    protected void uninstallFeature(String name) throws Exception {
        featuresService.uninstallFeature(name, EnumSet.noneOf(FeaturesService.Option.class));
        assertTrue("Feature " + name + " should be uninstalled", !isInstalled(name));
    }

    /** Whether a feature of that name (any version) is installed. */
    protected boolean isInstalled(String name) throws Exception {
        for (Feature feature : featuresService.listInstalledFeatures()) {
            if (feature.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The names of every feature the Liaison repository defines (name starts with "liaison"). */
    protected List<String> liaisonFeatureNames() throws Exception {
        List<String> names = new ArrayList<>();
        for (Feature feature : featuresService.listFeatures()) {
            if (feature.getName().startsWith("liaison") && !names.contains(feature.getName())) {
                names.add(feature.getName());
            }
        }
        return names;
    }

    // -------------------------------------------------------------- services

    /** Waits until a service of that type is registered and returns it; fails the test after {@link #TIMEOUT}. */
    protected <T> T awaitService(Class<T> type) {
        return awaitService(type, null, TIMEOUT);
    }

    /**
     * Waits until a service of that type matching the LDAP filter (may be null) is registered and returns it;
     * fails the test after the timeout, naming the service.
     */
    protected <T> T awaitService(Class<T> type, String filter, Duration timeout) {
        String full = filter == null ? "(objectClass=" + type.getName() + ")"
                : "(&(objectClass=" + type.getName() + ")" + filter + ")";
        ServiceTracker<T, T> tracker;
        try {
            Filter osgiFilter = FrameworkUtil.createFilter(full);
            tracker = new ServiceTracker<>(bundleContext, osgiFilter, null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("Bad service filter " + full, e);
        }
        tracker.open(true);
        try {
            T service = tracker.waitForService(timeout.toMillis());
            if (service == null) {
                fail("No service " + full + " within " + timeout + "\n" + liaisonState());
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + full, e);
        } finally {
            tracker.close();
        }
    }

    /**
     * What a failed wait should show: the state of every Liaison bundle and every Liaison DS component that is not
     * active, with its unsatisfied references, so that a flaky run can be understood from the test report alone.
     */
    protected String liaisonState() {
        StringBuilder out = new StringBuilder("Liaison bundles:");
        for (Bundle b : bundleContext.getBundles()) {
            if (b.getSymbolicName() != null && b.getSymbolicName().startsWith("io.liaison")) {
                out.append(' ').append(b.getSymbolicName()).append('=').append(b.getState());
            }
        }
        try {
            String components = executeCommand("scr:list", Duration.ofSeconds(20));
            out.append("\nComponents not active:");
            for (String line : components.split("\n")) {
                if (line.contains("io.liaison") && !line.contains("ACTIVE")) {
                    out.append("\n  ").append(line.strip());
                    String name = line.replaceAll(".*\\b(io\\.liaison\\.[\\w.]+).*", "$1");
                    if (!name.equals(line)) {
                        for (String detail : executeCommand("scr:info " + name, Duration.ofSeconds(20)).split("\n")) {
                            if (detail.contains("Reference") || detail.contains("Satisfied") || detail.contains("State")) {
                                out.append("\n    ").append(detail.strip());
                            }
                        }
                    }
                }
            }
        } catch (RuntimeException | AssertionError e) {
            out.append("\n(scr:list failed: ").append(e.getMessage()).append(')');
        }
        return out.toString();
    }

    /** Whether a service of that type matching the filter (may be null) is registered right now. */
    protected boolean hasService(Class<?> type, String filter) throws InvalidSyntaxException {
        return bundleContext.getServiceReferences(type.getName(), filter) != null;
    }

    // --------------------------------------------------------------- bundles

    /** The bundle of that symbolic name, or null. */
    protected Bundle bundle(String symbolicName) {
        for (Bundle bundle : bundleContext.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        return null;
    }

    /** Fails the test, naming them, if some bundles are neither active nor fragments. */
    protected void assertAllBundlesActive() {
        List<String> notActive = new ArrayList<>();
        for (Bundle bundle : bundleContext.getBundles()) {
            boolean fragment = bundle.getHeaders().get("Fragment-Host") != null;
            if (!fragment && bundle.getState() != Bundle.ACTIVE) {
                notActive.add(bundle.getSymbolicName() + " (state " + bundle.getState() + ")");
            }
        }
        assertTrue("Bundles not active: " + notActive, notActive.isEmpty());
    }
}
