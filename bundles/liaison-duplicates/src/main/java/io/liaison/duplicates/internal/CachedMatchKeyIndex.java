package io.liaison.duplicates.internal;

import io.liaison.api.domain.ContactPersonId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The match-key index kept in Liaison's tables and answered from memory: every write goes to the
 * {@link JdbcMatchKeyIndex} first (one transaction) and then to an {@link InMemoryMatchKeyIndex}; every look-up
 * is answered by the in-memory copy. The tables stay the durable index (it survives a restart and a crash, and is
 * not rebuilt from the CRM); the copy is loaded from them on first use, in one pass over the stored normalised
 * values, so that a check costs a few hash look-ups instead of several SQL round trips.
 *
 * <p>The copy costs heap (about 1 KB per contact person: 929 MiB for 1,000,000 in the duplicates benchmark); the duplicate
 * check's configuration can turn it off and let every look-up query the tables instead.
 *
 * <p>Another JVM writing the same tables is not seen by this copy; it does no harm: the copy's state is its own
 * place in the CRM's change feed, and catching up from there files the same contacts again, which is idempotent.
 */
public final class CachedMatchKeyIndex implements MatchKeyIndex {
    private static final Logger LOG = LoggerFactory.getLogger(CachedMatchKeyIndex.class);

    private final JdbcMatchKeyIndex durable;
    private final int loadBatch;
    /** The copy of what the tables hold; null until loaded, and again after a write to it failed. A reload builds
     * a new copy and then publishes it, so that a look-up never sees a half-loaded one. */
    private volatile InMemoryMatchKeyIndex memory;

    /** @param durable the index in Liaison's tables, its schema up to date */
    public CachedMatchKeyIndex(JdbcMatchKeyIndex durable) {
        this(durable, 5_000);
    }

    /** For tests: loads the tables in batches of the given size. */
    CachedMatchKeyIndex(JdbcMatchKeyIndex durable, int loadBatch) {
        this.durable = durable;
        this.loadBatch = loadBatch;
    }

    /** The in-memory copy, loaded from the tables the first time. */
    private InMemoryMatchKeyIndex memory() {
        InMemoryMatchKeyIndex copy = memory;
        if (copy == null) {
            synchronized (this) {
                copy = memory;
                if (copy == null) {
                    copy = load();
                    memory = copy;
                }
            }
        }
        return copy;
    }

    /**
     * A copy of the tables. The state is read before the contacts: should another process write in between, the
     * copy holds contacts at least as new as its state says, and catching up from that state files them again,
     * which is harmless. Without a state the index is missing or incomplete: nothing is loaded, and the next
     * catch-up rebuilds it (tables and copy).
     */
    private InMemoryMatchKeyIndex load() {
        InMemoryMatchKeyIndex copy = new InMemoryMatchKeyIndex();
        Optional<IndexState> state = durable.state();
        if (state.isEmpty()) {
            return copy;
        }
        long started = System.nanoTime();
        durable.forEachContact(loadBatch, batch -> copy.apply(batch, List.of(), Optional.empty()));
        copy.apply(List.of(), List.of(), state);
        LOG.info("Duplicate check: {} indexed contact persons loaded from the tables into memory in {} ms",
                copy.size(), (System.nanoTime() - started) / 1_000_000);
        return copy;
    }

    @Override
    public Optional<IndexState> state() {
        return memory().state();
    }

    @Override
    public synchronized void clear() {
        durable.clear();
        memory = new InMemoryMatchKeyIndex(); // as empty as the tables
    }

    /**
     * Writes to the tables first: when that fails, nothing changed anywhere. Should the copy then fail, it is
     * dropped and loaded again from the tables on next use.
     */
    /** Counts the rows of the tables; the copy in memory follows as {@link #apply} does. */
    @Override
    public synchronized int erase(ContactPersonId id) {
        InMemoryMatchKeyIndex copy = memory();
        int rows = durable.erase(id);
        try {
            copy.erase(id);
        } catch (RuntimeException e) {
            memory = null;
            throw e;
        }
        return rows;
    }

    @Override
    public synchronized void apply(Collection<IndexedContact> upserts, Collection<ContactPersonId> removed,
                                   Optional<IndexState> newState) {
        InMemoryMatchKeyIndex copy = memory();
        durable.apply(upserts, removed, newState);
        try {
            copy.apply(upserts, removed, newState);
        } catch (RuntimeException e) {
            memory = null;
            throw e;
        }
    }

    @Override
    public List<IndexedContact> candidates(Collection<String> keys, int limit) {
        return memory().candidates(keys, limit);
    }

    @Override
    public boolean visitByName(Collection<String> keys, int limit, NameVisitor visitor) {
        return memory().visitByName(keys, limit, visitor);
    }

    @Override
    public long size() {
        return memory().size();
    }
}
