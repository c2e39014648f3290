package io.liaison.itests;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import io.liaison.graph.emulator.GraphEmulator;
import io.liaison.graph.emulator.Mailbox;
import java.nio.charset.StandardCharsets;
import org.ops4j.pax.exam.Option;

/**
 * The Graph emulator for {@link GraphIT}, started in the test driver's JVM (Pax Exam calls the configuration
 * there), never inside the container: the container reaches it over HTTPS at the addresses handed over as system
 * properties. Only the driver may touch this class; the container does not see the emulator's classes.
 */
final class GraphEmulatorHost {
    static final String TENANT = "liaison-it-tenant";
    static final String CLIENT_ID = "liaison-it-client";
    static final String CLIENT_SECRET = "it-secret-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
    static final String MAILBOX = "anna.vertrieb@liaison-it.example";

    private static GraphEmulator emulator;

    private GraphEmulatorHost() {
    }

    /** Starts the emulator once, with the application, the mailbox and one mail in its import folder. */
    static synchronized Option[] containerOptions() {
        if (emulator == null) {
            emulator = GraphEmulator.start();
            Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "graph-emulator-stop"));
            emulator.registerApplication(TENANT, CLIENT_ID, CLIENT_SECRET);
            Mailbox mailbox = emulator.mailbox(MAILBOX);
            String importFolder = mailbox.createFolder(mailbox.folderId("inbox"), "Import folder");
            mailbox.addMessage(importFolder, String.join("\r\n",
                    "From: Bernd Kunde <bernd@kunde-it.example>", "To: " + MAILBOX,
                    "Subject: Angebot via Microsoft 365", "Date: Thu, 26 Nov 2026 09:15:00 +0100",
                    "Message-ID: <graph-it-1@kunde-it.example>", "MIME-Version: 1.0",
                    "Content-Type: text/plain; charset=UTF-8", "", "Guten Tag, anbei unser Angebot.", "")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return new Option[] {
                // the emulator is no Microsoft host: the administrator's allowance, not an account setting
                editConfigurationFilePut("etc/io.liaison.connector.graph.cfg", "allowedHosts", "127.0.0.1"),
                systemProperty("liaison.it.graph.endpoint").value(emulator.graphBaseUrl()),
                systemProperty("liaison.it.graph.authority").value(emulator.authorityHost()),
                systemProperty("liaison.it.graph.truststore").value(emulator.trustStore().toString()),
                systemProperty("liaison.it.graph.truststore.password").value(emulator.trustStorePassword()),
                systemProperty("liaison.it.graph.tenant").value(TENANT),
                systemProperty("liaison.it.graph.client").value(CLIENT_ID),
                systemProperty("liaison.it.graph.secret").value(CLIENT_SECRET),
                systemProperty("liaison.it.graph.mailbox").value(MAILBOX)};
    }
}
