package io.liaison.content.internal;

import io.liaison.api.content.ContentServiceStoppedException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads that extract text, at most {@code workers} at work at once, each extraction with a time limit.
 *
 * <p>A Tika parser does not always stop when its thread is interrupted (a parser in a tight loop never looks), so a
 * fixed pool would lose a worker to every stuck extraction until none is left. Here an extraction that has not
 * stopped shortly after its time is up is abandoned: its place goes to a new thread at once, and the stuck thread
 * (a daemon) ends when its parser does. At most {@code maxAbandoned} stuck threads are tolerated; while that many
 * are stuck, no text is extracted (documents are categorised by name and type only) rather than more threads
 * piling up. The cost is one semaphore and one flag per extraction; threads are reused as in any pool.
 */
final class ExtractionWorkers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExtractionWorkers.class);
    /** How long a cancelled extraction may take to notice before it counts as stuck. */
    static final Duration GRACE = Duration.ofMillis(200);
    private static final int RUNNING = 0;
    private static final int ENDED = 1;
    private static final int ABANDONED = 2;

    private final Semaphore places;
    private final int maxAbandoned;
    private final AtomicInteger abandoned = new AtomicInteger();
    private final ExecutorService threads;
    private volatile boolean closed;

    /** The outcome of one extraction: its value, or why there is none. */
    record Attempt<T>(Optional<T> value, Optional<String> problem) {
        static <T> Attempt<T> of(T value) {
            return new Attempt<>(Optional.ofNullable(value), Optional.empty());
        }

        static <T> Attempt<T> failed(String why) {
            return new Attempt<>(Optional.empty(), Optional.of(why));
        }
    }

    ExtractionWorkers(int workers, int maxAbandoned) {
        this.places = new Semaphore(Math.max(1, workers));
        this.maxAbandoned = Math.max(1, maxAbandoned);
        AtomicInteger number = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "liaison-content-extract-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs an extraction within {@code time} (waiting for a free place counts); without a value, and with the
     * reason, when it failed, took longer, or no place was free in time. {@code cleanup} runs once, when the
     * extraction ended or was never started.
     *
     * @throws ContentServiceStoppedException when the workers were closed (the categoriser is stopping)
     */
    <T> Attempt<T> run(String name, Duration time, Callable<T> extraction, Runnable cleanup) {
        long deadline = System.nanoTime() + time.toNanos();
        if (closed) {
            cleanup.run();
            throw stopped();
        }
        if (abandoned.get() >= maxAbandoned || !acquire(time)) {
            cleanup.run();
            LOG.info("No extraction place free for '{}' ({} stuck); categorised without its text", name,
                    abandoned.get());
            return Attempt.failed("no text extraction place was free within " + time.toMillis() + " ms ("
                    + abandoned.get() + " extractions stuck)");
        }
        // RUNNING until the extraction ends (its place is given back) or is abandoned (its place given to another)
        AtomicInteger state = new AtomicInteger(RUNNING);
        CountDownLatch ended = new CountDownLatch(1);
        Future<T> task;
        try {
            task = threads.submit(() -> {
                try {
                    return extraction.call();
                } finally {
                    cleanup.run();
                    if (state.compareAndSet(RUNNING, ENDED)) {
                        places.release();
                    } else {
                        abandoned.decrementAndGet();
                    }
                    ended.countDown();
                }
            });
        } catch (RejectedExecutionException e) {
            places.release();
            cleanup.run();
            throw stopped(); // only a closed pool rejects
        }
        try {
            return Attempt.of(task.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            task.cancel(true);
            LOG.info("Reading the text of '{}' took longer than its {} ms; categorised without its text", name,
                    time.toMillis());
            abandonIfStuck(state, ended, name);
            return Attempt.failed("reading the text took longer than the " + time.toMillis() + " ms left");
        } catch (ExecutionException | CancellationException e) {
            LOG.debug("Could not read the text of '{}': {}", name, String.valueOf(e.getCause()));
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String message = cause.getMessage();
            return Attempt.failed("the text could not be read: " + cause.getClass().getSimpleName()
                    + (message == null || message.isBlank() ? "" : " (" + firstLine(message) + ")"));
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            abandonIfStuck(state, ended, name);
            return Attempt.failed("reading the text was interrupted");
        }
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    private static ContentServiceStoppedException stopped() {
        return new ContentServiceStoppedException("the document categoriser was stopped");
    }

    /** How many extractions are stuck right now (abandoned, their threads still running). */
    int stuck() {
        return abandoned.get();
    }

    private boolean acquire(Duration time) {
        try {
            return places.tryAcquire(time.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The cancelled task's thread gets a short grace to stop; if it does not, its place goes to a new thread. */
    private void abandonIfStuck(AtomicInteger state, CountDownLatch ended, String name) {
        try {
            if (ended.await(GRACE.toNanos(), TimeUnit.NANOSECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (state.compareAndSet(RUNNING, ABANDONED)) {
            abandoned.incrementAndGet();
            places.release();
            LOG.warn("The text extraction of '{}' does not stop; its thread is left to end on its own", name);
        }
    }

    /**
     * Takes no more extractions; the ones under way finish (their callers get their text) and their threads end.
     * Nothing is interrupted: a parser interrupted in file I/O closes its channel and fails for nothing, and the
     * extraction would be reported as a document whose text cannot be read.
     */
    @Override
    public void close() {
        closed = true;
        threads.shutdown();
    }
}
