package io.liaison.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.liaison.api.connector.ConnectorFactory;
import io.liaison.api.connector.Credentials;
import io.liaison.api.connector.Secret;
import io.liaison.api.crm.HostCrm;
import io.liaison.api.crm.Quicksearch;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.AccountState;
import io.liaison.api.domain.ConflictPolicy;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.mailimport.MailImportService;
import io.liaison.api.runtime.AccountRequest;
import io.liaison.api.runtime.AccountService;
import io.liaison.api.runtime.SyncService;
import io.liaison.api.runtime.SyncTrigger;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;

/**
 * The Microsoft Graph connector in the running distribution, against the Graph emulator (started in the test
 * driver, reached over HTTPS): the feature installs and its 67 MB bundle with the embedded Graph SDK resolves and
 * registers the {@code graph} connector; an account of type {@code graph} imports a mail from the mailbox's import
 * folder through the mail import and the message moves to the archive folder; a refused sign-in blocks the account
 * after exactly one token request, and a second run makes none.
 */
public class GraphIT extends LiaisonTestSupport {
    private static final EmployeeId DEMO = EmployeeId.of("demo");
    private static final Pattern TOKEN_REQUESTS = Pattern.compile("\"tokenRequests\"\\s*:\\s*(\\d+)");

    @Override
    protected Option[] additionalOptions() {
        return GraphEmulatorHost.containerOptions();
    }

    @Test
    public void aGraphAccountImportsAMailThroughTheMailImport() throws Exception {
        installGraphFeature();
        awaitService(MailImportService.class);
        AccountService accounts = awaitService(AccountService.class);
        GroupwareAccount account = accounts.create(new AccountRequest(DEMO, "graph", settings(), false, null,
                Set.of(SyncArea.MAILS), ConflictPolicy.CRM_WINS));
        accounts.setCredentials(account.id(), new Credentials(property("liaison.it.graph.client"),
                Secret.of(property("liaison.it.graph.secret")), Map.of()));

        awaitService(SyncService.class).sync(account.id(), Set.of(SyncArea.MAILS), SyncTrigger.MANUAL);

        HostCrm crm = awaitService(HostCrm.class);
        Activity mail = crm.activities().quicksearch(DEMO, Quicksearch.ALL_IMPORTED_MAILS, 1000).stream()
                .filter(a -> a.data().subject().equals("Angebot via Microsoft 365")).findFirst()
                .orElseThrow(() -> new AssertionError("the mail from the Graph mailbox was not imported"));
        assertTrue(mail.data().mail().map(m -> m.from()).orElse("").contains("bernd@kunde-it.example"));
        assertEquals("the import folder is empty", "[]", messageIds("inbox/Import folder"));
        assertTrue("the message is in the archive folder", messageIds("inbox/CRM activities").startsWith("[\""));
    }

    @Test
    public void aRefusedSignInBlocksTheAccountAfterExactlyOneAttempt() throws Exception {
        installGraphFeature();
        AccountService accounts = awaitService(AccountService.class);
        GroupwareAccount account = accounts.create(new AccountRequest(DEMO, "graph", settings(), false, null,
                Set.of(SyncArea.MAILS), ConflictPolicy.CRM_WINS));
        accounts.setCredentials(account.id(), new Credentials(property("liaison.it.graph.client"),
                Secret.of("not-the-secret"), Map.of()));
        int before = tokenRequests();

        awaitService(SyncService.class).sync(account.id(), Set.of(SyncArea.MAILS), SyncTrigger.MANUAL);

        assertEquals(AccountState.PASSWORD_BLOCKED, accounts.get(account.id()).orElseThrow().state());
        assertEquals("one sign-in attempt", before + 1, tokenRequests());
        try {
            awaitService(SyncService.class).sync(account.id(), Set.of(SyncArea.MAILS), SyncTrigger.MANUAL);
        } catch (RuntimeException refused) {
            // a blocked account may be refused outright; either way the mailbox sees no second attempt
        }
        assertEquals("no second sign-in attempt", before + 1, tokenRequests());
    }

    private void installGraphFeature() throws Exception {
        if (!isInstalled("liaison-connector-graph")) {
            installFeature("liaison-connector-graph");
        }
        awaitService(ConnectorFactory.class, "(" + ConnectorFactory.PROPERTY_TYPE + "=graph)", TIMEOUT);
        assertEquals(Bundle.ACTIVE, bundle("io.liaison.connector.graph").getState());
    }

    private static Map<String, String> settings() {
        return Map.of("tenantId", property("liaison.it.graph.tenant"),
                "mailbox", property("liaison.it.graph.mailbox"),
                "authMode", "application",
                "graphEndpoint", property("liaison.it.graph.endpoint"),
                "authorityHost", property("liaison.it.graph.authority"),
                "trustStore", property("liaison.it.graph.truststore"),
                "trustStorePassword", property("liaison.it.graph.truststore.password"));
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            fail("system property " + name + " is not set: the emulator host did not configure the container");
        }
        return value;
    }

    /** The ids of the messages in an emulator folder, as the emulator's control API lists them. */
    private static String messageIds(String folderPath) throws Exception {
        String json = control("GET", "/_emulator/mailboxes/" + property("liaison.it.graph.mailbox") + "/messages?folder="
                + URLEncoder.encode(folderPath, StandardCharsets.UTF_8).replace("+", "%20"));
        Matcher m = Pattern.compile("\"ids\"\\s*:\\s*(\\[[^]]*])").matcher(json);
        assertTrue(json, m.find());
        return m.group(1);
    }

    private static int tokenRequests() throws Exception {
        String json = control("GET", "/_emulator/stats");
        Matcher m = TOKEN_REQUESTS.matcher(json);
        assertTrue(json, m.find());
        return Integer.parseInt(m.group(1));
    }

    private static String control(String method, String path) throws Exception {
        String base = property("liaison.it.graph.authority");
        HttpResponse<String> response = client().send(HttpRequest.newBuilder(URI.create(base.replaceAll("/$", "") + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(response.body(), 200, response.statusCode());
        return response.body();
    }

    private static HttpClient client() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(property("liaison.it.graph.truststore")))) {
            trust.load(in, property("liaison.it.graph.truststore.password").toCharArray());
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, factory.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
    }
}
