package io.liaison.connector.graph.internal;

import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.kiota.RequestOption;
import com.microsoft.kiota.http.middleware.options.RetryHandlerOption;
import com.microsoft.kiota.http.middleware.options.UrlReplaceHandlerOption;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The HTTP client of one session: the Graph SDK's middleware (retries that honour {@code Retry-After}, redirects,
 * {@code /me} replacement) between our own interceptors — preferences and the access token outside, the
 * mailbox's concurrency gate innermost so that a retry waiting out its delay holds no slot.
 */
final class GraphHttp {

    /** The user segment that the SDK's URL replacement turns into {@code /me}. */
    static final String ME_TOKEN = "me-token-to-replace";

    /**
     * Kiota's maximum: with 10 % of requests throttled, ten retries in a row fail once in 10^11 requests. Each
     * retry waits the {@code Retry-After} of its answer (or an exponential delay when there is none).
     */
    static final int MAX_RETRIES = RetryHandlerOption.MAX_RETRIES;

    /** The preferences sent with every request; other Prefer values of a request are kept. */
    static final List<String> PREFERENCES = List.of("IdType=\"ImmutableId\"", "outlook.timezone=\"UTC\"",
            "outlook.body-content-type=\"text\"");

    private GraphHttp() {
    }

    /** A plain client (trust store applied): for the identity platform. */
    static OkHttpClient.Builder base(GraphSettings settings, String account) {
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(30)).readTimeout(Duration.ofSeconds(120))
                .writeTimeout(Duration.ofSeconds(120));
        settings.trustStore().ifPresent(store -> TrustStores.trust(builder, store, settings.trustStorePassword(), account));
        return builder;
    }

    /** The client for Graph requests of one mailbox. */
    static OkHttpClient graph(OkHttpClient base, GraphSettings settings, AccessTokens tokens) {
        List<Interceptor> interceptors = new ArrayList<>();
        interceptors.add(new Preferences());
        interceptors.add(new BearerToken(tokens, settings.graphHost()));
        RequestOption[] options = {
                new RetryHandlerOption((delay, attempt, request, response) -> true, MAX_RETRIES, 1),
                new UrlReplaceHandlerOption(Map.of("/users/" + ME_TOKEN, "/me"))};
        interceptors.addAll(Arrays.asList(GraphClientFactory.createDefaultGraphInterceptors(options)));
        interceptors.add(MailboxGate.of(settings.graphEndpoint(), settings.mailbox()));
        OkHttpClient.Builder builder = base.newBuilder();
        builder.interceptors().clear();
        builder.interceptors().addAll(interceptors);
        return builder.followRedirects(false).build();
    }

    /** Adds our preferences to each request's {@code Prefer} header, keeping the values already there. */
    static final class Preferences implements Interceptor {
        @Override
        public Response intercept(Chain chain) throws IOException {
            Request request = chain.request();
            Set<String> values = new LinkedHashSet<>();
            for (String header : request.headers("Prefer")) {
                for (String v : header.split(",")) {
                    if (!v.isBlank()) {
                        values.add(v.trim());
                    }
                }
            }
            for (String p : PREFERENCES) {
                String name = p.substring(0, p.indexOf('='));
                if (values.stream().noneMatch(v -> v.startsWith(name + "="))) {
                    values.add(p);
                }
            }
            return chain.proceed(request.newBuilder().header("Prefer", String.join(", ", values)).build());
        }
    }

    /**
     * Adds the access token to requests for the Graph host only, and when Graph answers 401 (an access token that
     * expired or was revoked early) fetches a new token and sends the request once more.
     */
    static final class BearerToken implements Interceptor {
        private final AccessTokens tokens;
        private final String host;

        BearerToken(AccessTokens tokens, String host) {
            this.tokens = tokens;
            this.host = host;
        }

        @Override
        public Response intercept(Chain chain) throws IOException {
            Request request = chain.request();
            if (!request.url().host().equalsIgnoreCase(host)) {
                return chain.proceed(request.newBuilder().removeHeader("Authorization").build());
            }
            String token = tokens.token();
            Response response = chain.proceed(withToken(request, token));
            if (response.code() != 401) {
                return response;
            }
            response.close();
            tokens.rejected(token);
            return chain.proceed(withToken(request, tokens.token()));
        }

        private static Request withToken(Request request, String token) {
            return request.newBuilder().header("Authorization", "Bearer " + token).build();
        }
    }
}
