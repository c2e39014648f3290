package io.liaison.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.Test;
import org.ops4j.pax.exam.Option;

import io.liaison.api.runtime.AccountService;

/**
 * The REST API through the real stack of the distribution: Pax Web's Jetty, the HTTP context /liaison with Basic
 * authentication against Karaf's JAAS realm, the Aries JAX-RS whiteboard on CXF, and the runtime's services. The
 * users are written into etc/users.properties by the test configuration, as an operator would.
 */
public class RestIT extends LiaisonTestSupport {
    private static final String PASSWORD = "rest-it-Pa55";

    @Override
    protected Option[] additionalOptions() {
        return new Option[] {
                // "demo" is the embedded CRM's demo employee; "watcher" holds a Karaf role, not a Liaison one
                editConfigurationFilePut("etc/users.properties", "demo", PASSWORD + ",liaison-user"),
                editConfigurationFilePut("etc/users.properties", "watcher", PASSWORD + ",viewer"),
                editConfigurationFilePut("etc/users.properties", "chief", PASSWORD + ",liaison-admin")};
    }

    @Test
    public void theApiAuthenticatesAndAuthorisesThroughTheRealWhiteboard() throws Exception {
        assertTrue(isInstalled("liaison-rest"));
        assertEquals(401, awaitDeployed());
        assertEquals(403, status("watcher"));
        assertEquals(200, status("demo"));
        assertEquals(200, status("chief"));
        String accounts = body("chief", "/liaison/api/accounts");
        assertTrue("the sample account should be listed for the administrator: " + accounts,
                accounts.contains("\"connectorType\":\"local\""));
        assertTrue(body("demo", "/liaison/api/openapi.json").contains("\"openapi\""));
    }

    @Test
    public void removingTheFeatureLeavesTheRestOfLiaisonRunning() throws Exception {
        awaitDeployed();
        uninstallFeature("liaison-rest");
        try {
            // Karaf refreshes the bundles wired to what the feature removes; the runtime's services stay or come back
            assertTrue("the runtime should run: " + liaisonState(),
                    awaitService(AccountService.class).list().stream().anyMatch(a -> a.connectorType().equals("local")));
            assertTrue(awaitCommandOutput("liaison:account-list", o -> o.contains("local"), TIMEOUT).length() > 0);
            int after = statusOrRefused(null);
            assertTrue("the API should be gone, not " + after, after == 404 || after == -1);
            assertAllBundlesActive();
        } finally {
            installFeature("liaison-rest");
        }
        assertEquals(401, awaitDeployed());
        assertEquals(200, status("demo"));
    }

    /** Waits until the API answers (the whiteboard deploys it asynchronously) and returns the anonymous status. */
    private int awaitDeployed() throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        int status = -1;
        while (System.nanoTime() < deadline) {
            status = statusOrRefused(null);
            if (status == 401) {
                return status;
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        throw new AssertionError("the API did not answer 401 within " + TIMEOUT + " (last: " + status + ")\n"
                + liaisonState());
    }

    private int statusOrRefused(String user) throws IOException {
        try {
            return status(user);
        } catch (ConnectException e) {
            return -1;
        }
    }

    private int status(String user) throws IOException {
        HttpURLConnection c = open(user, "/liaison/api/accounts");
        try {
            return c.getResponseCode();
        } finally {
            c.disconnect();
        }
    }

    private String body(String user, String path) throws IOException {
        HttpURLConnection c = open(user, path);
        try (InputStream in = c.getInputStream()) {
            assertEquals(200, c.getResponseCode());
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            c.disconnect();
        }
    }

    private static HttpURLConnection open(String user, String path) throws IOException {
        URL url = new URL("http://127.0.0.1:" + System.getProperty(HTTP_PORT) + path);
        HttpURLConnection c = (HttpURLConnection) url.openConnection();
        c.setConnectTimeout(5_000);
        c.setReadTimeout(30_000);
        if (user != null) {
            c.setRequestProperty("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return c;
    }
}
