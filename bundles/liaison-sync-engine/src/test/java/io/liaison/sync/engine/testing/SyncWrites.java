package io.liaison.sync.engine.testing;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * For the fault-injection tests of the engine's consumers: counts the writes of sync runs by kind (CRM, groupware,
 * links) through proxies over the real stores, and crashes the run at the chosen write.
 */
public final class SyncWrites {
    private static final Hook NO_HOOK = (where, args) -> { };

    /** The simulated crash: a process killed between two writes (an Error, which nothing in a run catches). */
    public static final class Crash extends Error {
        private static final long serialVersionUID = 1L;

        Crash(String where) {
            super("simulated crash at " + where);
        }
    }

    /** Something a test does just before the sync calls a store: {@code where} is e.g. {@code events.update}. */
    @FunctionalInterface
    public interface Hook {
        void before(String where, Object[] args);
    }

    public final AtomicInteger count = new AtomicInteger();
    public final AtomicInteger crm = new AtomicInteger();
    public final AtomicInteger groupware = new AtomicInteger();
    public final AtomicInteger links = new AtomicInteger();
    /** The write (1, 2, ...) at which to crash; -1 for none. */
    public volatile int crashAt = -1;
    public volatile Hook hook = NO_HOOK;
    /** Whether writes count now (a flow may count only those of its sync runs, not its own set-up). */
    public volatile boolean counting = true;

    /** Counts a write of the kind ({@code crm}, {@code groupware}, {@code links}); crashes when it is the chosen one. */
    public void write(String kind, String where) {
        if (!counting) {
            return;
        }
        int n = count.incrementAndGet();
        switch (kind) {
            case "crm" -> crm.incrementAndGet();
            case "groupware" -> groupware.incrementAndGet();
            case "links" -> links.incrementAndGet();
            default -> { }
        }
        if (n == crashAt) {
            throw new Crash(where + " (write " + n + ")");
        }
    }

    /** The CRM, groupware and link writes counted. */
    public int written() {
        return crm.get() + groupware.get() + links.get();
    }

    /** Zero counts, no crash, no hook. */
    public void reset() {
        count.set(0);
        crm.set(0);
        groupware.set(0);
        links.set(0);
        crashAt = -1;
        hook = NO_HOOK;
    }

    /** {@link #counted(Class, String, Object, String, Set)} labelled with the type's simple name. */
    public <T> T counted(Class<T> type, T target, String kind, Set<String> methods) {
        return counted(type, type.getSimpleName(), target, kind, methods);
    }

    /**
     * A proxy of {@code target} that runs the {@link #hook} before every call ({@code label.method}) and counts the
     * calls of {@code methods} as writes of {@code kind}.
     */
    public <T> T counted(Class<T> type, String label, T target, String kind, Set<String> methods) {
        return Proxies.proxy(type, target, (m, args) -> {
            if (m.getDeclaringClass() != Object.class) {
                hook.before(label + "." + m.getName(), args);
            }
            if (methods.contains(m.getName())) {
                write(kind, label + "." + m.getName());
            }
            return Proxies.NO_REPLACEMENT;
        });
    }
}
