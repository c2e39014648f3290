package io.liaison.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.connector.SyncToken;
import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.ConflictPolicy;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.Link;
import io.liaison.api.runtime.LinkStore;
import io.liaison.api.runtime.RunJournal;
import io.liaison.api.runtime.TokenStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A run from end to end over two in-memory sides whose feeds report what each test says: reported removals are
 * confirmed before anything is deleted, unreadable items are left alone and offered again, partial runs advance the
 * tokens without losing what they left, a repaired crash leaves the link with the hash both sides hold, and a clock
 * that steps back during a run hides nothing from the next one.
 */
class SynchronizationTest {
    private static final AccountId ACCOUNT = AccountId.of("acc");
    private static final MassDeleteGuard GUARD = MassDeleteGuard.DEFAULT;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
    private final Links links = new Links();
    private final Tokens tokens = new Tokens();
    private final List<String> journal = new ArrayList<>();
    private Side crm;
    private Side gw;
    private Synchronization<String, String> sync;
    private Reconciler<String, String> reconciler;

    @BeforeEach
    void setUp() {
        crm = new Side("c");
        gw = new Side("g");
        sync = new Synchronization<>(ACCOUNT, "S", "crm", "gw", links, tokens, crm::feed, gw::feed, crm, gw, clock);
        RunJournal j = (area, item, outcome, message, crmId) -> journal.add(outcome + " " + item + ": " + message);
        reconciler = new Reconciler<>(ACCOUNT, "S", SyncArea.APPOINTMENTS, links, j, crm, gw, clock);
    }

    private Reconciler.Result run() {
        clock.tick();
        return sync.run(reconciler, ConflictPolicy.CRM_WINS, GUARD, s -> true, () -> false);
    }

    /** Two linked pairs, synchronised, feeds drained. */
    private void twoLinkedPairs() {
        crm.put("c1", "one");
        crm.put("c2", "two");
        run();
        assertThat(links.all()).hasSize(2);
        run();
        journal.clear();
    }

    private String gwOf(String crmId) {
        return links.byCrmId(ACCOUNT, "S", crmId).orElseThrow().groupwareId();
    }

    @Test
    void aRemovalTheFeedReportsIsADeletionOnlyWhenTheSideConfirmsIt() {
        twoLinkedPairs();
        // Graph's calendar view reports an event that left its date range as removed: it is still there
        gw.falselyReportRemoved(gwOf("c1"));
        run();
        assertThat(crm.items).containsKeys("c1", "c2");
        assertThat(links.all()).hasSize(2);
        assertThat(journal).anyMatch(e -> e.contains("1 linked item(s) the groupware no longer reports"));

        // truly gone: deleted in the CRM
        gw.remove(gwOf("c1"));
        run();
        assertThat(crm.items).containsOnlyKeys("c2");
    }

    @Test
    void aCompleteReReadKeepsTheLinkedItemsItLeavesOutButTheSideStillHas() {
        twoLinkedPairs();
        gw.listOnlyOnNextRead(Set.of(gwOf("c2")));
        run();
        assertThat(crm.items).containsKeys("c1", "c2");
        assertThat(links.all()).hasSize(2);
    }

    @Test
    void anUnreadableItemIsLeftAloneAndItsPartnersEditReachesItOnceReadableAgain() {
        twoLinkedPairs();
        String g1 = gwOf("c1");
        gw.unreadable.add(g1);
        gw.listOnlyOnNextRead(Set.of(gwOf("c2"))); // a full re-read that skips the broken file
        crm.put("c1", "one, edited in the CRM");
        Reconciler.Result broken = run();
        assertThat(broken.left()).isEqualTo(1);
        assertThat(crm.items).containsKeys("c1", "c2");
        assertThat(gw.items).containsKey(g1);
        assertThat(journal).anyMatch(e -> e.startsWith("WARNING") && e.contains("cannot be read"));
        // the tokens moved on all the same
        assertThat(tokens.get(ACCOUNT, "crm")).isPresent();
        int crmReads = crm.reads.get();

        // still broken: still left alone, still nothing deleted
        run();
        assertThat(crm.items).containsKey("c1");

        // readable again: the CRM's edit, read two runs ago, is not lost
        gw.unreadable.remove(g1);
        run();
        assertThat(gw.items.get(g1).data()).isEqualTo("one, edited in the CRM");
        assertThat(crm.reads.get()).isGreaterThan(crmReads);
    }

    @Test
    void aPartialManualRunAdvancesTheTokensAndTheNextRunsOfferWhatItLeft() {
        crm.put("c1", "one");
        crm.put("c2", "two");
        crm.put("c3", "three");
        clock.tick();
        Reconciler.Result first = sync.run(reconciler, ConflictPolicy.CRM_WINS, GUARD,
                s -> s.crmId().equals(Optional.of("c1")), () -> false);
        assertThat(first.applied()).isEqualTo(1);
        assertThat(first.deferred()).isEqualTo(2);
        SyncToken afterFirst = tokens.get(ACCOUNT, "crm").orElseThrow();
        assertThat(crm.feedPosition(afterFirst)).isEqualTo(crm.changeCount());

        clock.tick();
        sync.run(reconciler, ConflictPolicy.CRM_WINS, GUARD, s -> s.crmId().equals(Optional.of("c2")), () -> false);
        assertThat(links.all()).extracting(Link::crmId).containsExactlyInAnyOrder("c1", "c2");
        run();
        assertThat(links.all()).extracting(Link::crmId).containsExactlyInAnyOrder("c1", "c2", "c3");
        assertThat(gw.items).hasSize(3);
        assertThat(run().applied()).isZero();
    }

    @Test
    void aLinkedPairLeftOutOfAPartialRunIsOfferedAgain() {
        twoLinkedPairs();
        crm.put("c1", "one, edited");
        clock.tick();
        sync.run(reconciler, ConflictPolicy.CRM_WINS, GUARD, s -> false, () -> false);
        assertThat(gw.items.get(gwOf("c1")).data()).isEqualTo("one");
        run();
        assertThat(gw.items.get(gwOf("c1")).data()).isEqualTo("one, edited");
    }

    @Test
    void aStoppedMassDeleteIsStoppedAgainUntilAcknowledgedForOneRun() {
        twoLinkedPairs();
        gw.remove(gwOf("c1"));
        gw.remove(gwOf("c2"));
        run();
        assertThat(crm.items).hasSize(2);
        assertThat(journal).anyMatch(e -> e.contains("mass-delete guard"));
        // the feed's token moved on, the removals are offered again from the links
        run();
        assertThat(crm.items).hasSize(2);
        clock.tick();
        sync.run(reconciler, ConflictPolicy.CRM_WINS, GUARD.acknowledge(), s -> true, () -> false);
        assertThat(crm.items).isEmpty();
        assertThat(links.all()).isEmpty();
    }

    @Test
    void aRepairedCrashLeavesTheLinkWithTheContentBothSidesHoldSoNoFalseConflictFollows() {
        twoLinkedPairs();
        String g1 = gwOf("c1");
        // an edit written to both sides whose link save a crash lost: both changed, the same content
        crm.put("c1", "one, edited");
        gw.put(g1, "one, edited");
        run();
        assertThat(links.byCrmId(ACCOUNT, "S", "c1").orElseThrow().contentHash()).isEqualTo(Side.hash("one, edited"));
        // later: a CRM change outside the synchronised content (new version, same hash) and a groupware edit
        crm.touch("c1");
        gw.put(g1, "one, edited in the groupware");
        journal.clear();
        run();
        assertThat(journal).noneMatch(e -> e.startsWith("CONFLICT"));
        assertThat(crm.items.get("c1").data()).isEqualTo("one, edited in the groupware");
    }

    @Test
    void aClockThatStepsBackDuringARunHidesNothingItCreated() {
        crm.put("c1", "one");
        clock.tick();
        Instant readTime = clock.now;
        // the clock steps back an hour as soon as the run writes
        crm.beforeWrite = () -> clock.now = readTime.minus(Duration.ofHours(1));
        gw.beforeWrite = crm.beforeWrite;
        sync.run(reconciler, ConflictPolicy.CRM_WINS, GUARD, s -> true, () -> false);
        crm.beforeWrite = () -> { };
        gw.beforeWrite = crm.beforeWrite;
        String g1 = gwOf("c1");
        assertThat(links.byCrmId(ACCOUNT, "S", "c1").orElseThrow().syncedAt()).isBefore(readTime);
        // a person deletes the new event before the next run; the feed, whose position is after the create,
        // never reports it (see the class comment of Synchronization)
        gw.items.remove(g1);
        tokens.put(ACCOUNT, "gw", new SyncToken(String.valueOf(gw.changeCount())));
        crm.put("c9", "keeps the CRM from looking emptied");
        clock.now = readTime.plus(Duration.ofMinutes(1));
        sync.run(reconciler, ConflictPolicy.CRM_WINS, GUARD.acknowledge(), s -> true, () -> false);
        assertThat(crm.items).doesNotContainKey("c1");
    }

    // ---- in-memory sides -----------------------------------------------------------------------------------

    /** One side: items, a change log its feed reads from, and items that cannot be read. */
    @Test
    void anEditOfAnItemTheOtherSideKeepsAsItIsIsNeitherWrittenNorRetriedNorAConflict() {
        twoLinkedPairs();
        String g1 = gwOf("c1");
        gw.keptAsIs.add(g1);
        crm.put("c1", "one, edited in the CRM");

        Reconciler.Result result = run();

        assertThat(result.clean()).isTrue();
        assertThat(gw.items.get(g1).data()).isEqualTo("one");
        assertThat(journal).singleElement().asString().startsWith("SKIPPED")
                .contains("organised by zoe@partner.example: CRM changes stay in the CRM");
        assertThat(links.byCrmId(ACCOUNT, "S", "c1").orElseThrow().crmVersion()).isEqualTo("2");
        journal.clear();
        run();
        assertThat(journal).isEmpty();
        assertThat(crm.items.get("c1").data()).isEqualTo("one, edited in the CRM");

        // the groupware's own change still reaches the CRM
        gw.put(g1, "one, moved by its organizer");
        run();
        assertThat(crm.items.get("c1").data()).isEqualTo("one, moved by its organizer");
        assertThat(journal).singleElement().asString().startsWith("UPDATED");
    }

    @Test
    void editsOnBothSidesOfAnItemTheGroupwareKeepsGoTheGroupwaresWayWithoutAConflict() {
        twoLinkedPairs();
        String g1 = gwOf("c1");
        gw.keptAsIs.add(g1);
        crm.put("c1", "one, edited in the CRM");
        gw.put(g1, "one, moved by its organizer");

        run();

        assertThat(crm.items.get("c1").data()).isEqualTo("one, moved by its organizer");
        assertThat(gw.items.get(g1).data()).isEqualTo("one, moved by its organizer");
        assertThat(journal).singleElement().asString().startsWith("UPDATED")
                .contains("organised by zoe@partner.example");
        journal.clear();
        run();
        assertThat(journal).isEmpty();
    }

    /**
     * A CRM merged a linked item into an unlinked one and the groupware write that makes its partner follow the
     * survivor fails: the next run's feed no longer mentions the merged item, yet the side's look-up says it was
     * merged, so its partner follows the survivor then instead of being deleted.
     */
    @Test
    void aPartnerWhoseFollowingOfAMergeSurvivorFailedFollowsItInTheNextRunAndIsNotDeleted() {
        twoLinkedPairs();
        String g1 = gwOf("c1");
        crm.put("c3", "one and three");
        crm.remove("c1");
        crm.merged.put("c1", "c3");
        java.util.concurrent.atomic.AtomicBoolean refuse = new java.util.concurrent.atomic.AtomicBoolean(true);
        gw.beforeWrite = () -> {
            if (refuse.getAndSet(false)) {
                throw new IllegalStateException("the groupware refused the write");
            }
        };
        assertThat(run().failed()).isEqualTo(1);
        assertThat(gw.items).containsKey(g1);

        run();

        assertThat(gw.items).containsOnlyKeys(g1, gwOf("c2"));
        assertThat(gwOf("c3")).isEqualTo(g1);
        assertThat(gw.items.get(g1).data()).isEqualTo("one and three");
        assertThat(links.byCrmId(ACCOUNT, "S", "c1")).isEmpty();
    }

    private static final class Side implements SideStore<String, String> {
        final String prefix;
        final Map<String, SideItem<String>> items = new LinkedHashMap<>();
        /** Items this side merged into another, with the survivor (its feed reports them removed, no more). */
        final Map<String, String> merged = new HashMap<>();
        final List<String> log = new ArrayList<>();
        final Set<String> unreadable = new HashSet<>();
        final Set<String> falselyRemoved = new HashSet<>();
        /** Items this side keeps as they are (a meeting organised by someone else). */
        final Set<String> keptAsIs = new HashSet<>();
        final AtomicInteger reads = new AtomicInteger();
        Set<String> listOnly;
        Runnable beforeWrite = () -> { };
        int next = 1;

        Side(String prefix) {
            this.prefix = prefix;
        }

        static String hash(String data) {
            return Integer.toHexString(data.hashCode());
        }

        void put(String id, String data) {
            SideItem<String> old = items.get(id);
            int version = old == null ? 1 : Integer.parseInt(old.version()) + 1;
            items.put(id, new SideItem<>(id, String.valueOf(version), hash(data),
                    old == null ? Optional.empty() : old.partnerId(), Optional.empty(), id, data));
            log.add(id);
        }

        void touch(String id) {
            SideItem<String> old = items.get(id);
            items.put(id, new SideItem<>(id, String.valueOf(Integer.parseInt(old.version()) + 1), old.contentHash(),
                    old.partnerId(), Optional.empty(), id, old.data()));
            log.add(id);
        }

        void remove(String id) {
            items.remove(id);
            log.add(id);
        }

        void falselyReportRemoved(String id) {
            falselyRemoved.add(id);
            log.add(id);
        }

        void listOnlyOnNextRead(Set<String> ids) {
            listOnly = ids;
        }

        int changeCount() {
            return log.size();
        }

        int feedPosition(SyncToken token) {
            return Integer.parseInt(token.value());
        }

        SideChanges<String> feed(Optional<SyncToken> since) {
            reads.incrementAndGet();
            if (listOnly != null || since.isEmpty()) {
                Set<String> only = listOnly;
                listOnly = null;
                List<SideItem<String>> all = items.values().stream()
                        .filter(i -> only == null || only.contains(i.id()))
                        .filter(i -> !unreadable.contains(i.id())).toList();
                return new SideChanges<>(all, Set.of(), true, new SyncToken(String.valueOf(log.size())));
            }
            List<SideItem<String>> changed = new ArrayList<>();
            Set<String> removed = new HashSet<>();
            for (String id : new LinkedHashSet<>(log.subList(Integer.parseInt(since.get().value()), log.size()))) {
                if (falselyRemoved.remove(id) || !items.containsKey(id)) {
                    removed.add(id);
                } else if (!unreadable.contains(id)) {
                    changed.add(items.get(id));
                }
            }
            return new SideChanges<>(changed, removed, false, new SyncToken(String.valueOf(log.size())));
        }

        @Override
        public Optional<SideItem<String>> get(String id) {
            if (unreadable.contains(id)) {
                throw new ItemUnreadableException(id + ": line 3 is not iCalendar", null);
            }
            return Optional.ofNullable(items.get(id));
        }

        @Override
        public Map<String, Presence<String>> lookUp(java.util.Collection<String> ids) {
            Map<String, Presence<String>> found = new LinkedHashMap<>(SideStore.super.lookUp(ids));
            ids.stream().filter(merged::containsKey).forEach(id -> found.put(id, new Presence.Merged<>(merged.get(id))));
            return found;
        }

        @Override
        public Optional<SideItem<String>> findCreated(SideItem<String> source, CreateReason reason) {
            return items.values().stream().filter(i -> i.partnerId().equals(Optional.of(source.id()))).findFirst();
        }

        @Override
        public SideItem<String> create(SideItem<String> source, CreateReason reason) {
            beforeWrite.run();
            String id = prefix + "-new-" + next++;
            SideItem<String> item = new SideItem<>(id, "1", source.contentHash(), Optional.of(source.id()),
                    Optional.empty(), id, source.data());
            items.put(id, item);
            log.add(id);
            return item;
        }

        @Override
        public SideItem<String> update(String id, String expectedVersion, SideItem<String> source) {
            beforeWrite.run();
            SideItem<String> old = get(id).orElseThrow(() -> new ItemGoneException(id + " is gone", null));
            if (!old.version().equals(expectedVersion)) {
                throw new ItemChangedException(id + " changed", null);
            }
            if (keptAsIs.contains(id)) {
                throw new ItemReadOnlyException(readOnly(old).orElseThrow(), old);
            }
            put(id, source.data());
            return items.get(id);
        }

        @Override
        public void delete(String id, String expectedVersion) {
            beforeWrite.run();
            if (items.remove(id) == null) {
                throw new ItemGoneException(id + " is gone", null);
            }
            log.add(id);
        }

        @Override
        public Optional<String> readOnly(SideItem<String> item) {
            return keptAsIs.contains(item.id()) ? Optional.of("organised by zoe@partner.example: CRM changes stay "
                    + "in the CRM") : Optional.empty();
        }

        @Override
        public Optional<SideItem<String>> ensureLinkTo(SideItem<String> item, SideItem<String> other) {
            if (item.partnerId().equals(Optional.of(other.id()))) {
                return Optional.empty();
            }
            SideItem<String> linked = new SideItem<>(item.id(), String.valueOf(Integer.parseInt(item.version()) + 1),
                    item.contentHash(), Optional.of(other.id()), Optional.empty(), item.label(), item.data());
            items.put(item.id(), linked);
            log.add(item.id());
            return Optional.of(linked);
        }
    }

    private static final class Links implements LinkStore {
        final Map<String, Link> byCrm = new LinkedHashMap<>();

        List<Link> all() {
            return List.copyOf(byCrm.values());
        }

        @Override
        public Optional<Link> byCrmId(AccountId account, String scope, String crmId) {
            return Optional.ofNullable(byCrm.get(crmId));
        }

        @Override
        public Optional<Link> byGroupwareId(AccountId account, String scope, String groupwareId) {
            return byCrm.values().stream().filter(l -> l.groupwareId().equals(groupwareId)).findFirst();
        }

        @Override
        public List<Link> list(AccountId account, String scope) {
            return all();
        }

        @Override
        public void save(Link link) {
            // the store's contract: replaces the link of the CRM id and that of the groupware id
            byCrm.values().removeIf(l -> l.groupwareId().equals(link.groupwareId()));
            byCrm.put(link.crmId(), link);
        }

        @Override
        public void delete(AccountId account, String scope, String crmId) {
            byCrm.remove(crmId);
        }
    }

    private static final class Tokens implements TokenStore {
        final Map<String, SyncToken> values = new HashMap<>();

        @Override
        public Optional<SyncToken> get(AccountId account, String scope) {
            return Optional.ofNullable(values.get(scope));
        }

        @Override
        public void put(AccountId account, String scope, SyncToken token) {
            values.put(scope, token);
        }

        @Override
        public void clear(AccountId account, String scope) {
            values.remove(scope);
        }

        @Override
        public int clearStartingWith(AccountId account, String scopePrefix) {
            int before = values.size();
            values.keySet().removeIf(scope -> scope.startsWith(scopePrefix));
            return before - values.size();
        }
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant start) {
            now = start;
        }

        void tick() {
            now = now.plus(Duration.ofMinutes(1));
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
