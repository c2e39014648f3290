package io.liaison.graph.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.liaison.graph.emulator.Exchange.GraphError;
import io.liaison.graph.emulator.Exchange.Req;
import io.liaison.graph.emulator.Exchange.Resp;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.liaison.graph.emulator.Exchange.JSON;

/**
 * A stateful Microsoft Graph (v1.0) and Microsoft identity platform emulator for tests, served over HTTPS on
 * 127.0.0.1. See the module's README for the endpoints, and {@code /_emulator/...} for seeding over HTTP.
 */
public final class GraphEmulator implements AutoCloseable {

    private static final String KEYSTORE = "emulator-keystore.p12";
    private static final char[] KEYSTORE_PASSWORD = "emulator".toCharArray();
    private static final int MAX_BATCH = 20;
    /**
     * Steps of one batch that Graph hands to Outlook at once ("Microsoft Graph service-specific throttling limits",
     * Outlook service limits for JSON batching; Microsoft's answer on Q&amp;A 1660054).
     */
    static final int BATCH_PARALLELISM = 4;
    private static final int MAX_BODY = 64 * 1024 * 1024;

    static {
        // the JDK server writes headers and body separately: without TCP_NODELAY every answer waits for a delayed ACK
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpsServer server;
    private final ExecutorService pool;
    private final Certificate certificate;
    private final Map<String, MailboxStore> mailboxes = new ConcurrentHashMap<>();
    private final Map<String, MailboxStore> mailboxesById = new ConcurrentHashMap<>();
    private final Identity identity = new Identity(this);
    private final GraphApi graph = new GraphApi(this);
    private final FaultsImpl faults = new FaultsImpl(graph::expireDeltaTokens, identity::expireAccessTokens);
    private final OutlookConcurrency concurrency = new OutlookConcurrency();
    private final StatsImpl stats = new StatsImpl(concurrency);
    private final AdminApi admin = new AdminApi(this);
    private final ExecutorService steps;
    private final String origin;
    private volatile Path trustStore;
    private final String trustStorePassword = UUID.randomUUID().toString().substring(0, 12);

    private GraphEmulator() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = GraphEmulator.class.getResourceAsStream(KEYSTORE)) {
            if (in == null) {
                throw new IllegalStateException("the emulator's key store " + KEYSTORE + " is missing from the class path");
            }
            ks.load(in, KEYSTORE_PASSWORD);
        }
        certificate = ks.getCertificate("emulator");
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, KEYSTORE_PASSWORD);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.setHttpsConfigurator(new HttpsConfigurator(ssl));
        AtomicInteger threads = new AtomicInteger();
        pool = Executors.newFixedThreadPool(64, r -> {
            Thread t = new Thread(r, "graph-emulator-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        AtomicInteger stepThreads = new AtomicInteger();
        steps = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "graph-emulator-step-" + stepThreads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.createContext("/", this::handle);
        server.start();
        origin = "https://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Starts an emulator on a free port of 127.0.0.1, with its own thread pool. */
    public static GraphEmulator start() {
        try {
            return new GraphEmulator();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the Graph emulator: " + e.getMessage(), e);
        }
    }

    /** @return {@code https://127.0.0.1:PORT/v1.0} */
    public String graphBaseUrl() {
        return origin + "/v1.0";
    }

    /** @return {@code https://127.0.0.1:PORT/}; the token endpoint is {@code {authorityHost}{tenantId}/oauth2/v2.0/token} */
    public String authorityHost() {
        return origin + "/";
    }

    /** @return a PKCS12 trust store (temporary file) holding the emulator's certificate as a trusted entry */
    public synchronized Path trustStore() {
        if (trustStore == null) {
            try {
                KeyStore ts = KeyStore.getInstance("PKCS12");
                ts.load(null, null);
                ts.setCertificateEntry("graph-emulator", certificate);
                Path file = Files.createTempFile("graph-emulator-trust", ".p12");
                file.toFile().deleteOnExit();
                try (OutputStream out = Files.newOutputStream(file)) {
                    ts.store(out, trustStorePassword.toCharArray());
                }
                trustStore = file;
            } catch (Exception e) {
                throw new IllegalStateException("cannot write the emulator's trust store: " + e.getMessage(), e);
            }
        }
        return trustStore;
    }

    /** @return the trust store's password */
    public String trustStorePassword() {
        return trustStorePassword;
    }

    /** @return a TLS context that trusts the emulator's certificate, for test clients that talk to it directly */
    public SSLContext clientSslContext() {
        try {
            KeyStore ts = KeyStore.getInstance("PKCS12");
            ts.load(null, null);
            ts.setCertificateEntry("graph-emulator", certificate);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ts);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            return ssl;
        } catch (Exception e) {
            throw new IllegalStateException("cannot trust the emulator's certificate: " + e.getMessage(), e);
        }
    }

    /** Registers a client-credentials application (it may read every mailbox). */
    public void registerApplication(String tenantId, String clientId, String clientSecret) {
        identity.registerApplication(tenantId, clientId, clientSecret);
    }

    /** Registers a client-credentials application that signs in with a JWT client assertion signed by that certificate's key. */
    public void registerApplication(String tenantId, String clientId, java.security.cert.X509Certificate certificate) {
        identity.registerApplication(tenantId, clientId, certificate);
    }

    /** Registers a public client and a signed-in user; @return a refresh token for that user. */
    public String registerDelegatedUser(String tenantId, String clientId, String userPrincipalName) {
        return identity.registerDelegatedUser(tenantId, clientId, userPrincipalName);
    }

    /** Completes a pending device-code sign-in (from {@code /devicecode}) as that user. */
    public void approveDeviceCode(String userCode, String userPrincipalName) {
        identity.approveDeviceCode(userCode, userPrincipalName);
    }

    /** @return the mailbox of that user, created on first use with its well-known folders */
    public Mailbox mailbox(String userPrincipalName) {
        String key = userPrincipalName.toLowerCase(Locale.ROOT);
        return mailboxes.computeIfAbsent(key, k -> {
            MailboxStore mb = new MailboxStore(userPrincipalName);
            mailboxesById.put(mb.userId, mb);
            return mb;
        });
    }

    /** @return the fault switches */
    public Faults faults() {
        return faults;
    }

    /** @return the request counters */
    public Stats stats() {
        return stats;
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
        steps.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Path ts = trustStore;
        if (ts != null) {
            try {
                Files.deleteIfExists(ts);
            } catch (IOException ignored) {
                // a temporary file; deleteOnExit is the fallback
            }
        }
    }

    // ------------------------------------------------------------------ package access

    MailboxStore store(String idOrUpn) {
        MailboxStore mb = mailboxes.get(idOrUpn.toLowerCase(Locale.ROOT));
        return mb != null ? mb : mailboxesById.get(idOrUpn);
    }

    FaultsImpl faultsImpl() {
        return faults;
    }

    StatsImpl statsImpl() {
        return stats;
    }

    Identity identity() {
        return identity;
    }

    // ------------------------------------------------------------------ HTTP front end

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Resp resp;
            try {
                byte[] body = readBody(ex.getRequestBody());
                Map<String, String> headers = new HashMap<>();
                ex.getRequestHeaders().forEach((k, v) -> headers.put(k, String.join(", ", v)));
                Req req = Req.of(ex.getRequestMethod(), ex.getRequestURI().getRawPath()
                        + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery()), headers, body);
                resp = dispatch(req);
            } catch (GraphError e) {
                resp = e.toResp();
            } catch (RuntimeException e) {
                resp = new GraphError(500, "InternalServerError", "The emulator failed: " + e).toResp();
            }
            String requestId = UUID.randomUUID().toString();
            ex.getResponseHeaders().set("request-id", requestId);
            String clientRequestId = ex.getRequestHeaders().getFirst("client-request-id");
            ex.getResponseHeaders().set("client-request-id", clientRequestId == null ? requestId : clientRequestId);
            resp.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            boolean noBody = resp.status() == 204 || resp.status() == 304 || ex.getRequestMethod().equalsIgnoreCase("HEAD");
            ex.sendResponseHeaders(resp.status(), noBody ? -1 : (resp.body().length == 0 ? -1 : resp.body().length));
            if (!noBody && resp.body().length > 0) {
                ex.getResponseBody().write(resp.body());
            }
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] b = in.readNBytes(MAX_BODY + 1);
        if (b.length > MAX_BODY) {
            throw new GraphError(413, "RequestEntityTooLarge", "The request body exceeds the emulator's limit of " + MAX_BODY + " bytes.");
        }
        return b;
    }

    private Resp dispatch(Req req) {
        String path = req.path();
        if (path.startsWith("/_emulator/")) {
            return admin.handle(req);
        }
        if (path.startsWith("/v1.0/") || path.equals("/v1.0")) {
            return graphRequest(req, path.substring("/v1.0".length()));
        }
        if (path.startsWith("/beta/")) {
            return new GraphError(400, "BadRequest", "The emulator serves only the v1.0 endpoint.").toResp();
        }
        String[] seg = path.substring(1).split("/");
        if (seg.length == 3 && seg[0].equals("common") && seg[1].equals("discovery") && seg[2].equals("instance")) {
            return identity.instanceDiscovery(req.query());
        }
        if (seg.length == 4 && seg[1].equals("oauth2") && seg[2].equals("v2.0") && req.method().equals("POST")) {
            if (seg[3].equals("token")) {
                stats.tokenRequest();
                return identity.token(seg[0], req.body(), req.header("Authorization"));
            }
            if (seg[3].equals("devicecode")) {
                return identity.deviceCode(seg[0], req.body());
            }
        }
        if (seg.length == 4 && seg[1].equals("v2.0") && seg[2].equals(".well-known") && seg[3].equals("openid-configuration")) {
            return identity.openIdConfiguration(seg[0]);
        }
        if (seg.length == 4 && seg[1].equals("discovery") && seg[2].equals("v2.0") && seg[3].equals("keys")) {
            ObjectNode keys = JSON.createObjectNode();
            keys.putArray("keys");
            return Resp.bytes(200, "application/json; charset=utf-8", Exchange.write(keys));
        }
        return Resp.bytes(404, "text/plain", ("No emulator endpoint at " + path).getBytes(StandardCharsets.UTF_8));
    }

    private static boolean immutableIds(Map<String, String> headers, Req req) {
        String p = headers == null ? req.header("Prefer") : headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Prefer")).map(Map.Entry::getValue).findFirst().orElse(null);
        return p != null && p.replace(" ", "").toLowerCase(Locale.ROOT).contains("idtype=\"immutableid\"");
    }

    private Resp graphRequest(Req req, String path) {
        GraphApi.Caller caller;
        try {
            caller = identity.authenticate(req.header("Authorization"));
        } catch (GraphError e) {
            return e.toResp();
        }
        if (path.equals("/$batch")) {
            if (!req.method().equals("POST")) {
                return new GraphError(405, "BadRequest", "$batch accepts only POST.").toResp();
            }
            return batch(req, caller);
        }
        GraphApi.Route route = graph.route(req, path, caller);
        StatsImpl.Counters counters = route.upn() == null ? null : stats.of(route.upn());
        if (counters != null) {
            counters.requests.incrementAndGet();
            counters.kind(route.kind());
            if (!immutableIds(null, req)) {
                counters.withoutImmutableId.incrementAndGet();
            }
            counters.enter();
        }
        try {
            int unavailable = faults.takeUnavailable();
            if (unavailable >= 0) {
                pause();
                return new GraphError(503, "ServiceUnavailable", "Service Unavailable").header("Retry-After", Integer.toString(unavailable)).toResp();
            }
            return atOutlook(route, req, caller, counters);
        } finally {
            if (counters != null) {
                counters.leave();
            }
        }
    }

    /**
     * Runs a plain request or a batch step as Outlook does: within the mailbox's concurrency limit (counted while the
     * latency is spent), throttled on demand.
     */
    private Resp atOutlook(GraphApi.Route route, Req req, GraphApi.Caller caller, StatsImpl.Counters counters) {
        boolean counted = route.upn() != null;
        if (counted && !concurrency.tryEnter(caller.clientId(), route.upn())) {
            counters.throttled.incrementAndGet();
            return OutlookConcurrency.overLimit().toResp();
        }
        try {
            pause();
            int throttle = faults.takeThrottle();
            if (throttle != FaultsImpl.NOT_THROTTLED) {
                if (counters != null) {
                    counters.throttled.incrementAndGet();
                }
                return throttled(throttle);
            }
            return execute(route, req);
        } finally {
            if (counted) {
                concurrency.leave(caller.clientId(), route.upn());
            }
        }
    }

    private static Resp throttled(int retryAfter) {
        GraphError e = new GraphError(429, "TooManyRequests", "Too many requests are being sent to this mailbox; retry after the time in the Retry-After header.");
        return (retryAfter >= 0 ? e.header("Retry-After", Integer.toString(retryAfter)) : e).toResp();
    }

    private Resp execute(GraphApi.Route route, Req req) {
        Resp resp;
        try {
            resp = route.action().get();
        } catch (GraphError e) {
            resp = e.toResp();
        }
        String tz = req.prefer("outlook.timezone");
        if (tz != null && !resp.headers().containsKey("Preference-Applied")) {
            resp.headers().put("Preference-Applied", "outlook.timezone=\"" + tz + "\"");
        }
        return resp;
    }

    private void pause() {
        Duration d = faults.latency();
        if (!d.isZero()) {
            try {
                Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One step of a batch, as one of the (at most four) steps of its batch running at once. */
    private Resp step(Semaphore parallel, GraphApi.Route route, Req sub, GraphApi.Caller caller, StatsImpl.Counters c) {
        parallel.acquireUninterruptibly();
        try {
            return atOutlook(route, sub, caller, c);
        } catch (RuntimeException e) {
            return new GraphError(500, "InternalServerError", "The emulator failed: " + e).toResp();
        } finally {
            parallel.release();
        }
    }

    /**
     * The JSON batch: up to 20 sub-requests, run up to four at once after their dependsOn (424 after a failure),
     * answered in request order.
     */
    private Resp batch(Req req, GraphApi.Caller caller) {
        JsonNode body = req.json();
        JsonNode requests = body.path("requests");
        if (!requests.isArray() || requests.isEmpty()) {
            return new GraphError(400, "BadRequest", "Invalid batch payload format.").toResp();
        }
        if (requests.size() > MAX_BATCH) {
            return new GraphError(400, "BadRequest", "Number of requests exceeds the limit of " + MAX_BATCH + ".").toResp();
        }
        List<Req> subs = new ArrayList<>();
        List<GraphApi.Route> routes = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (JsonNode r : requests) {
            String id = r.path("id").asText("");
            String method = r.path("method").asText("");
            String url = r.path("url").asText("");
            if (id.isEmpty() || method.isEmpty() || url.isEmpty()) {
                return new GraphError(400, "BadRequest", "Every batch request needs id, method and url.").toResp();
            }
            if (!seen.add(id)) {
                return new GraphError(400, "BadRequest", "Batch request ids must be unique; '" + id + "' repeats.").toResp();
            }
            Map<String, String> headers = new LinkedHashMap<>();
            r.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
            byte[] subBody = new byte[0];
            JsonNode b = r.get("body");
            if (b != null && !b.isNull()) {
                String ct = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Content-Type"))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
                if (ct == null) {
                    return new GraphError(400, "BadRequest", "Content-Type header is required in a batch request with a body (request '" + id + "').").toResp();
                }
                if (b.isTextual() && !ct.toLowerCase(Locale.ROOT).contains("json")) {
                    subBody = ct.toLowerCase(Locale.ROOT).startsWith("text/plain") ? b.asText().getBytes(StandardCharsets.UTF_8) : Base64.getDecoder().decode(b.asText());
                } else {
                    subBody = Exchange.write(b);
                }
            }
            String rel = url;
            int v = rel.indexOf("/v1.0/");
            if (rel.startsWith("http")) {
                rel = v >= 0 ? rel.substring(v + "/v1.0".length()) : rel.replaceFirst("^https?://[^/]+", "");
            }
            if (!rel.startsWith("/")) {
                rel = "/" + rel;
            }
            Map<String, String> all = new HashMap<>(headers);
            all.putIfAbsent("Authorization", req.header("Authorization"));
            Req sub = Req.of(method, rel, all, subBody);
            subs.add(sub);
            routes.add(graph.route(sub, sub.path(), caller));
            ids.add(id);
            r.path("dependsOn").forEach(d -> {
                if (!seen.contains(d.asText())) {
                    throw new GraphError(400, "BadRequest", "Request '" + id + "' depends on '" + d.asText() + "', which is not an earlier request of this batch.");
                }
            });
        }
        Set<String> upns = new LinkedHashSet<>();
        routes.forEach(r -> {
            if (r.upn() != null) {
                upns.add(r.upn());
            }
        });
        List<StatsImpl.Counters> counters = upns.stream().map(stats::of).toList();
        counters.forEach(c -> {
            c.requests.incrementAndGet();
            c.kind("batch");
            c.enter();
        });
        try {
            int unavailable = faults.takeUnavailable();
            if (unavailable >= 0) {
                pause();
                return new GraphError(503, "ServiceUnavailable", "Service Unavailable").header("Retry-After", Integer.toString(unavailable)).toResp();
            }
            // Graph hands up to four steps at once to Outlook, in any order but after their dependsOn
            Semaphore parallel = new Semaphore(BATCH_PARALLELISM, true);
            Map<String, CompletableFuture<Resp>> byId = new HashMap<>();
            List<CompletableFuture<Resp>> results = new ArrayList<>();
            for (int i = 0; i < subs.size(); i++) {
                Req sub = subs.get(i);
                GraphApi.Route route = routes.get(i);
                StatsImpl.Counters c = route.upn() == null ? null : stats.of(route.upn());
                if (c != null) {
                    c.batchSubRequests.incrementAndGet();
                    c.kind(route.kind());
                    if (!immutableIds(sub.headers(), sub)) {
                        c.withoutImmutableId.incrementAndGet();
                    }
                }
                List<CompletableFuture<Resp>> dependencies = new ArrayList<>();
                requests.get(i).path("dependsOn").forEach(d -> dependencies.add(byId.get(d.asText())));
                CompletableFuture<Resp> result = CompletableFuture.allOf(dependencies.toArray(CompletableFuture[]::new))
                        .thenApplyAsync(done -> {
                            if (dependencies.stream().anyMatch(d -> d.join().status() >= 400)) {
                                return new GraphError(424, "FailedDependency", "The request depends on a request of this batch that failed.").toResp();
                            }
                            return step(parallel, route, sub, caller, c);
                        }, steps);
                byId.put(ids.get(i), result);
                results.add(result);
            }
            ObjectNode out = JSON.createObjectNode();
            ArrayNode responses = out.putArray("responses");
            for (int i = 0; i < subs.size(); i++) {
                Resp resp = results.get(i).join();
                ObjectNode r = responses.addObject();
                r.put("id", ids.get(i));
                r.put("status", resp.status());
                ObjectNode h = r.putObject("headers");
                resp.headers().forEach(h::put);
                if (resp.body().length > 0) {
                    if (resp.isJson()) {
                        try {
                            r.set("body", JSON.readTree(resp.body()));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    } else {
                        r.put("body", Base64.getEncoder().encodeToString(resp.body()));
                    }
                }
            }
            return Resp.json(200, out);
        } finally {
            counters.forEach(StatsImpl.Counters::leave);
        }
    }
}
