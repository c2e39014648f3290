package io.liaison.connector.graph.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * At most {@value #MAX_IN_FLIGHT} requests in flight per mailbox, across every session of the JVM (Outlook allows
 * four concurrent requests per app and mailbox and answers a fifth with 429 {@code ApplicationThrottled},
 * "MailboxConcurrency": "Microsoft Graph service-specific throttling limits", Outlook service limits). A permit is held
 * from sending a request until its response body is closed; error answers (429, 503 …) are buffered and their permit
 * given back at once, so that a request waiting out a {@code Retry-After} does not count as in flight.
 * <p>
 * A {@code $batch} holds one permit per step, at most four: Graph hands up to four steps of a batch to Outlook at once
 * (same page, "Outlook service limits for JSON batching"). The other documented way, chaining every step with
 * {@code dependsOn} so that a batch counts as one request, does not suit our batches: a chain stops at its first failed
 * step (every later one answers 424), and our batches expect single steps to fail, a 404 for an item that is gone when
 * removals are confirmed, a throttled step to send again; and a sync run sends its batches one after another, so four
 * steps at once read a batch up to four times sooner than a chain. The price: a batch waits until the mailbox has no
 * other request in flight.
 */
final class MailboxGate implements Interceptor {

    static final int MAX_IN_FLIGHT = 4;
    /** Error answers are small JSON documents; a larger one is cut, never held whole. */
    private static final long MAX_ERROR_BODY = 256 * 1024;

    private static final ConcurrentMap<String, Semaphore> GATES = new ConcurrentHashMap<>();

    private final Semaphore permits;

    private MailboxGate(Semaphore permits) {
        this.permits = permits;
    }

    /** The gate of one mailbox on one Graph endpoint, shared by every session that opens it. */
    static MailboxGate of(String graphEndpoint, String mailbox) {
        String key = graphEndpoint.toLowerCase(Locale.ROOT) + "|" + mailbox.toLowerCase(Locale.ROOT);
        return new MailboxGate(GATES.computeIfAbsent(key, k -> new Semaphore(MAX_IN_FLIGHT, true)));
    }

    /** @return the permits free right now (for tests: with nothing in flight, all of them) */
    int availablePermits() {
        return permits.availablePermits();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        int slots = slots(chain.request());
        try {
            permits.acquire(slots);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a free request slot of the mailbox");
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                permits.release(slots);
            }
        };
        try {
            Response response = chain.proceed(chain.request());
            ResponseBody body = response.body();
            if (body == null || response.code() == 204 || response.code() == 205 || body.contentLength() == 0) {
                // nothing to read, and Kiota never closes the body of a 204 (a DELETE's answer): a permit held
                // until then would be lost, and after four DELETEs the mailbox would take no request any more
                release.run();
                return response;
            }
            if (!response.isSuccessful()) {
                Buffer buffered = new Buffer();
                try (body) {
                    BufferedSource source = body.source();
                    source.request(MAX_ERROR_BODY);
                    buffered.write(source.getBuffer(), Math.min(MAX_ERROR_BODY, source.getBuffer().size()));
                } finally {
                    release.run();
                }
                return response.newBuilder()
                        .body(ResponseBody.create(buffered, body.contentType(), buffered.size())).build();
            }
            return response.newBuilder().body(new ReleasingBody(body, release)).build();
        } catch (IOException | RuntimeException e) {
            release.run();
            throw e;
        }
    }

    /**
     * The permits a request needs: one, or for a {@code $batch} one per step up to {@value #MAX_IN_FLIGHT} (all of them
     * when its steps cannot be counted, a body that can be sent only once or is no JSON batch).
     */
    static int slots(Request request) throws IOException {
        if (!"POST".equals(request.method()) || !request.url().encodedPath().endsWith("/$batch")) {
            return 1;
        }
        RequestBody body = request.body();
        if (body == null || body.isOneShot()) {
            return MAX_IN_FLIGHT;
        }
        Buffer buffer = new Buffer();
        body.writeTo(buffer);
        try {
            JsonElement steps = JsonParser.parseString(buffer.readUtf8()).getAsJsonObject().get("requests");
            return steps != null && steps.isJsonArray() ? Math.max(1, Math.min(MAX_IN_FLIGHT, steps.getAsJsonArray().size()))
                    : MAX_IN_FLIGHT;
        } catch (JsonParseException | IllegalStateException e) {
            return MAX_IN_FLIGHT;
        }
    }

    /** A response body that gives the permits back when it is closed or read to its end. */
    private static final class ReleasingBody extends ResponseBody {
        private final ResponseBody delegate;
        private final BufferedSource source;

        ReleasingBody(ResponseBody delegate, Runnable release) {
            this.delegate = delegate;
            this.source = Okio.buffer(new ForwardingSource(delegate.source()) {
                @Override
                public long read(Buffer sink, long byteCount) throws IOException {
                    long n = super.read(sink, byteCount);
                    if (n < 0) {
                        release.run();
                    }
                    return n;
                }

                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        release.run();
                    }
                }
            });
        }

        @Override
        public MediaType contentType() {
            return delegate.contentType();
        }

        @Override
        public long contentLength() {
            return delegate.contentLength();
        }

        @Override
        public BufferedSource source() {
            return source;
        }
    }
}
