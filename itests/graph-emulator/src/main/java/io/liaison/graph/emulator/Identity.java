package io.liaison.graph.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.graph.emulator.Exchange.Resp;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static io.liaison.graph.emulator.Exchange.JSON;

/** The Microsoft identity platform part: applications, refresh tokens, device codes, access tokens. */
final class Identity {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final int LIFETIME_SECONDS = 3599;

    /** A registered application; {@code secret} is null for public clients. */
    record App(String tenant, String clientId, String secret, java.security.cert.X509Certificate certificate) {
    }

    /** What an access token stands for. */
    record Token(GraphApi.Caller caller, long issue, Instant expires) {
    }

    /** A delegated grant: refresh token to user. */
    record Grant(String tenant, String clientId, String upn) {
    }

    /** A pending device authorization. */
    static final class DeviceCode {
        final String tenant;
        final String clientId;
        final String userCode;
        final Instant expires;
        volatile String approvedUpn;

        DeviceCode(String tenant, String clientId, String userCode, Instant expires) {
            this.tenant = tenant;
            this.clientId = clientId;
            this.userCode = userCode;
            this.expires = expires;
        }
    }

    private final GraphEmulator emulator;
    private final Map<String, App> apps = new ConcurrentHashMap<>();
    private final Map<String, Token> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, DeviceCode> deviceCodes = new ConcurrentHashMap<>();
    private final AtomicLong issues = new AtomicLong();
    private volatile long expiredThrough;

    Identity(GraphEmulator emulator) {
        this.emulator = emulator;
    }

    private static String key(String tenant, String clientId) {
        return tenant.toLowerCase(Locale.ROOT) + "|" + clientId.toLowerCase(Locale.ROOT);
    }

    void registerApplication(String tenant, String clientId, String secret) {
        apps.put(key(tenant, clientId), new App(tenant, clientId, secret, null));
    }

    void registerApplication(String tenant, String clientId, java.security.cert.X509Certificate certificate) {
        apps.put(key(tenant, clientId), new App(tenant, clientId, null, certificate));
    }

    String registerDelegatedUser(String tenant, String clientId, String upn) {
        apps.putIfAbsent(key(tenant, clientId), new App(tenant, clientId, null, null));
        emulator.mailbox(upn);
        String rt = random("0.A");
        refreshTokens.put(rt, new Grant(tenant, clientId, upn));
        return rt;
    }

    String approveDeviceCode(String userCode, String upn) {
        for (DeviceCode dc : deviceCodes.values()) {
            if (dc.userCode.equalsIgnoreCase(userCode)) {
                emulator.mailbox(upn);
                dc.approvedUpn = upn;
                return dc.clientId;
            }
        }
        throw new IllegalArgumentException("no pending device code with user code " + userCode);
    }

    void expireAccessTokens() {
        expiredThrough = issues.get();
    }

    private static String random(String prefix) {
        byte[] b = new byte[48];
        RANDOM.nextBytes(b);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** @return the caller for an Authorization header, or the Graph 401 to answer */
    GraphApi.Caller authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw unauthenticated("Access token is empty.");
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw unauthenticated("Access token validation failure. Invalid audience.");
        }
        Token t = accessTokens.get(authorization.substring(7).trim());
        if (t == null) {
            throw unauthenticated("IDX14100: JWT is not well formed, there are no dots (.).");
        }
        if (t.issue() <= expiredThrough || Instant.now().isAfter(t.expires())) {
            throw unauthenticated("Lifetime validation failed, the token is expired.");
        }
        return t.caller();
    }

    private static Exchange.GraphError unauthenticated(String message) {
        return new Exchange.GraphError(401, "InvalidAuthenticationToken", message)
                .header("WWW-Authenticate", "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\", client_id=\"00000003-0000-0000-c000-000000000000\"");
    }

    // ------------------------------------------------------------------ endpoints

    Resp token(String tenant, byte[] body, String authorizationHeader) {
        Map<String, String> form = form(body);
        String grant = form.getOrDefault("grant_type", "");
        String clientId = form.get("client_id");
        String secret = form.get("client_secret");
        if (authorizationHeader != null && authorizationHeader.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] basic = new String(Base64.getDecoder().decode(authorizationHeader.substring(6).trim()), StandardCharsets.UTF_8).split(":", 2);
            clientId = URLDecoder.decode(basic[0], StandardCharsets.UTF_8);
            secret = basic.length > 1 ? URLDecoder.decode(basic[1], StandardCharsets.UTF_8) : null;
        }
        if (clientId == null || clientId.isBlank()) {
            return oauthError(400, "invalid_request", 900144, "AADSTS900144: The request body must contain the following parameter: 'client_id'.");
        }
        java.util.Optional<Faults.SignInRefusal> refusal = emulator.faultsImpl().takeSignInRejection();
        if (refusal.isPresent()) {
            Faults.SignInRefusal r = refusal.get();
            return r == Faults.SignInRefusal.INVALID_CLIENT
                    ? oauthError(401, "invalid_client", 7000215, "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '" + clientId + "'.")
                    : oauthError(r.status, r.error, r.code, r.description);
        }
        App app = apps.get(key(tenant, clientId));
        if (app == null) {
            return oauthError(400, "unauthorized_client", 700016, "AADSTS700016: Application with identifier '" + clientId
                    + "' was not found in the directory '" + tenant + "'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.");
        }
        String assertion = form.get("client_assertion");
        if (assertion != null) {
            String problem = checkAssertion(app, assertion);
            if (problem != null) {
                return oauthError(401, "invalid_client", 700027, "AADSTS700027: Client assertion failed signature validation or is malformed: " + problem);
            }
            secret = app.secret();
        }
        boolean confidential = app.secret() != null || app.certificate() != null;
        if (confidential && secret != null && assertion == null && (app.secret() == null || !app.secret().equals(secret))) {
            return oauthError(401, "invalid_client", 7000215, "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '" + clientId + "'.");
        }
        String scope = form.getOrDefault("scope", "");
        switch (grant) {
            case "client_credentials" -> {
                if (!confidential || (secret == null && assertion == null)) {
                    return oauthError(401, "invalid_client", 7000218, "AADSTS7000218: The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
                }
                if (java.util.Arrays.stream(scope.trim().split("\\s+")).noneMatch(s -> s.endsWith("/.default"))) {
                    return oauthError(400, "invalid_scope", 1002012, "AADSTS1002012: The provided value for scope " + scope + " is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).");
                }
                return tokenResponse(new GraphApi.Caller(tenant, clientId, null), null, "https://graph.microsoft.com/.default");
            }
            case "refresh_token" -> {
                Grant g = refreshTokens.remove(form.getOrDefault("refresh_token", ""));
                if (g == null || !g.clientId().equalsIgnoreCase(clientId)) {
                    if (g != null) {
                        refreshTokens.put(form.get("refresh_token"), g);
                    }
                    return oauthError(400, "invalid_grant", 70000, "AADSTS70000: Provided grant is invalid or malformed.");
                }
                return tokenResponse(new GraphApi.Caller(tenant, clientId, g.upn()), g, scope);
            }
            case "urn:ietf:params:oauth:grant-type:device_code", "device_code" -> {
                DeviceCode dc = deviceCodes.get(form.getOrDefault("device_code", ""));
                if (dc == null || Instant.now().isAfter(dc.expires)) {
                    return oauthError(400, "expired_token", 70020, "AADSTS70020: The provided value for the input parameter 'device_code' is not valid. This device code has expired.");
                }
                if (dc.approvedUpn == null) {
                    return oauthError(400, "authorization_pending", 70016, "AADSTS70016: OAuth 2.0 device flow error. Authorization is pending. Continue polling.");
                }
                deviceCodes.values().remove(dc);
                return tokenResponse(new GraphApi.Caller(tenant, clientId, dc.approvedUpn), new Grant(tenant, clientId, dc.approvedUpn), scope);
            }
            default -> {
                return oauthError(400, "unsupported_grant_type", 70003, "AADSTS70003: The app requested an unsupported grant type '" + grant + "'.");
            }
        }
    }

    /** @return null when the JWT client assertion is signed (RS256/PS256) by the app's certificate and names the app */
    private static String checkAssertion(App app, String assertion) {
        if (app.certificate() == null) {
            return "the application has no certificate credential";
        }
        String[] parts = assertion.split("\\.");
        if (parts.length != 3) {
            return "not a signed JWT";
        }
        try {
            com.fasterxml.jackson.databind.JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            com.fasterxml.jackson.databind.JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            String alg = header.path("alg").asText();
            java.security.Signature sig;
            if (alg.equals("RS256")) {
                sig = java.security.Signature.getInstance("SHA256withRSA");
            } else if (alg.equals("PS256")) {
                sig = java.security.Signature.getInstance("RSASSA-PSS");
                sig.setParameter(new java.security.spec.PSSParameterSpec("SHA-256", "MGF1", java.security.spec.MGF1ParameterSpec.SHA256, 32, 1));
            } else {
                return "unsupported alg " + alg;
            }
            sig.initVerify(app.certificate().getPublicKey());
            sig.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!sig.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return "the signature does not match the registered certificate";
            }
            if (!app.clientId().equalsIgnoreCase(claims.path("sub").asText()) || !app.clientId().equalsIgnoreCase(claims.path("iss").asText())) {
                return "iss and sub must be the client id";
            }
            if (claims.has("exp") && claims.get("exp").asLong() < Instant.now().getEpochSecond()) {
                return "the assertion has expired";
            }
            return null;
        } catch (Exception e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    Resp deviceCode(String tenant, byte[] body) {
        Map<String, String> form = form(body);
        String clientId = form.get("client_id");
        if (clientId == null || apps.get(key(tenant, clientId)) == null) {
            return oauthError(400, "unauthorized_client", 700016, "AADSTS700016: Application with identifier '" + clientId + "' was not found in the directory '" + tenant + "'.");
        }
        String userCode = Long.toString(Math.abs(RANDOM.nextLong()), 36).toUpperCase(Locale.ROOT).substring(0, 9);
        String deviceCode = random("DAQABAAEAAA");
        deviceCodes.put(deviceCode, new DeviceCode(tenant, clientId, userCode, Instant.now().plusSeconds(900)));
        ObjectNode out = JSON.createObjectNode();
        out.put("user_code", userCode);
        out.put("device_code", deviceCode);
        out.put("verification_uri", "https://microsoft.com/devicelogin");
        out.put("expires_in", 900);
        out.put("interval", 1);
        out.put("message", "To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code " + userCode + " to authenticate.");
        return Resp.bytes(200, "application/json; charset=utf-8", Exchange.write(out));
    }

    private Resp tokenResponse(GraphApi.Caller caller, Grant rotate, String scope) {
        String at = random("eyJ0eXAiOiJKV1QiLCJub25jZSI6IkVtdWxhdG9yIn0.");
        long issue = issues.incrementAndGet();
        accessTokens.put(at, new Token(caller, issue, Instant.now().plusSeconds(LIFETIME_SECONDS)));
        ObjectNode out = JSON.createObjectNode();
        out.put("token_type", "Bearer");
        if (rotate != null) {
            out.put("scope", scope.isBlank() ? "https://graph.microsoft.com/Mail.ReadWrite https://graph.microsoft.com/Calendars.ReadWrite https://graph.microsoft.com/Contacts.ReadWrite https://graph.microsoft.com/Tasks.ReadWrite" : scope);
        }
        out.put("expires_in", LIFETIME_SECONDS);
        out.put("ext_expires_in", LIFETIME_SECONDS);
        out.put("access_token", at);
        if (rotate != null) {
            String rt = random("0.A");
            refreshTokens.put(rt, rotate);
            out.put("refresh_token", rt);
            MailboxStore mb = emulator.store(rotate.upn());
            String oid = mb == null ? UUID.randomUUID().toString() : mb.userId;
            out.put("id_token", idToken(caller, oid));
            out.put("client_info", b64(("{\"uid\":\"" + oid + "\",\"utid\":\"" + tenantId(caller.tenant()) + "\"}").getBytes(StandardCharsets.UTF_8)));
        }
        return Resp.bytes(200, "application/json; charset=utf-8", Exchange.write(out));
    }

    private String idToken(GraphApi.Caller caller, String oid) {
        long now = Instant.now().getEpochSecond();
        ObjectNode header = JSON.createObjectNode().put("typ", "JWT").put("alg", "RS256").put("kid", "emulator");
        ObjectNode claims = JSON.createObjectNode();
        claims.put("aud", caller.clientId());
        claims.put("iss", emulator.authorityHost() + tenantId(caller.tenant()) + "/v2.0");
        claims.put("iat", now).put("nbf", now).put("exp", now + LIFETIME_SECONDS);
        claims.put("name", caller.upn()).put("oid", oid).put("preferred_username", caller.upn()).put("sub", oid)
                .put("tid", tenantId(caller.tenant())).put("ver", "2.0");
        byte[] sig = new byte[64];
        RANDOM.nextBytes(sig);
        return b64(Exchange.write(header)) + "." + b64(Exchange.write(claims)) + "." + b64(sig);
    }

    /** @return a stable GUID for a tenant name (a GUID tenant stays itself) */
    static String tenantId(String tenant) {
        try {
            return UUID.fromString(tenant).toString();
        } catch (IllegalArgumentException e) {
            return UUID.nameUUIDFromBytes(tenant.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)).toString();
        }
    }

    private static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static Resp oauthError(int status, String error, long code, String description) {
        ObjectNode out = JSON.createObjectNode();
        String trace = UUID.randomUUID().toString();
        String correlation = UUID.randomUUID().toString();
        String ts = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace("T", " ").replace("Z", "Z");
        out.put("error", error);
        out.put("error_description", description + "\r\nTrace ID: " + trace + "\r\nCorrelation ID: " + correlation + "\r\nTimestamp: " + ts);
        ArrayNode codes = out.putArray("error_codes");
        codes.add(code);
        out.put("timestamp", ts);
        out.put("trace_id", trace);
        out.put("correlation_id", correlation);
        out.put("error_uri", "https://login.microsoftonline.com/error?code=" + code);
        return Resp.bytes(status, "application/json; charset=utf-8", Exchange.write(out));
    }

    Resp openIdConfiguration(String tenant) {
        String host = emulator.authorityHost();
        String t = tenant;
        ObjectNode out = JSON.createObjectNode();
        out.put("token_endpoint", host + t + "/oauth2/v2.0/token");
        out.putArray("token_endpoint_auth_methods_supported").add("client_secret_post").add("private_key_jwt").add("client_secret_basic");
        out.put("jwks_uri", host + t + "/discovery/v2.0/keys");
        out.putArray("response_modes_supported").add("query").add("fragment").add("form_post");
        out.putArray("subject_types_supported").add("pairwise");
        out.putArray("id_token_signing_alg_values_supported").add("RS256");
        out.putArray("response_types_supported").add("code").add("id_token").add("code id_token").add("id_token token");
        out.putArray("scopes_supported").add("openid").add("profile").add("email").add("offline_access");
        out.put("issuer", host + tenantId(t) + "/v2.0");
        out.put("request_uri_parameter_supported", false);
        out.put("userinfo_endpoint", emulator.graphBaseUrl().replace("/v1.0", "") + "/oidc/userinfo");
        out.put("authorization_endpoint", host + t + "/oauth2/v2.0/authorize");
        out.put("device_authorization_endpoint", host + t + "/oauth2/v2.0/devicecode");
        out.put("http_logout_supported", true);
        out.put("frontchannel_logout_supported", true);
        out.put("end_session_endpoint", host + t + "/oauth2/v2.0/logout");
        out.putNull("tenant_region_scope");
        out.put("cloud_instance_name", "microsoftonline.com");
        out.put("cloud_graph_host_name", "graph.windows.net");
        out.put("msgraph_host", "graph.microsoft.com");
        return Resp.bytes(200, "application/json; charset=utf-8", Exchange.write(out));
    }

    Resp instanceDiscovery(Map<String, String> query) {
        String host = emulator.authorityHost();
        String hostPort = host.replaceFirst("^https://", "").replaceFirst("/$", "");
        String tenant = "common";
        String authorize = query.get("authorization_endpoint");
        if (authorize != null) {
            String[] parts = authorize.replaceFirst("^https://[^/]+/", "").split("/");
            if (parts.length > 0 && !parts[0].isBlank()) {
                tenant = parts[0];
            }
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("tenant_discovery_endpoint", host + tenant + "/v2.0/.well-known/openid-configuration");
        out.put("api-version", "1.1");
        ObjectNode meta = out.putArray("metadata").addObject();
        meta.put("preferred_network", hostPort);
        meta.put("preferred_cache", hostPort);
        meta.putArray("aliases").add(hostPort).add("127.0.0.1").add("localhost:" + hostPort.substring(hostPort.indexOf(':') + 1)).add("localhost");
        return Resp.bytes(200, "application/json; charset=utf-8", Exchange.write(out));
    }

    static Map<String, String> form(byte[] body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }
}
