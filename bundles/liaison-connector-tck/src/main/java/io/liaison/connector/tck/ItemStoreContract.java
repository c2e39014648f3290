package io.liaison.connector.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.connector.ChangeSet;
import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.IdempotencyKey;
import io.liaison.api.connector.ItemNotFoundException;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.Lookup;
import io.liaison.api.connector.SyncToken;
import io.liaison.api.connector.VersionConflictException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every connector's event, task and contact store keeps: a change feed with tokens, versioned
 * writes, idempotent creates and lookup by CRM id. A connector runs it by subclassing (usually through
 * {@link EventStoreContract}, {@link TaskStoreContract} or {@link ContactStoreContract}) and implementing the
 * hooks that reach its groupware from outside Liaison: a file edited by hand, an item changed in Outlook on
 * the Graph emulator.
 *
 * @param <T> the item type
 */
public abstract class ItemStoreContract<T> {

    /** The store under test, opened by {@link #openEmptyStore()} before each test. */
    protected ItemStore<T> store;

    /** A store on an empty area of a fresh groupware account. Called once before each test. */
    protected abstract ItemStore<T> openEmptyStore() throws Exception;

    /** A store on the same account, as a new session (a later sync run) opens it. */
    protected abstract ItemStore<T> reopenStore() throws Exception;

    /** Sample data; different {@code n} give items that differ in every field the connector stores. */
    protected abstract T sample(int n);

    /** The same item with its content changed (subject, body, times …), as a sync would write it. */
    protected abstract T changed(T data);

    /**
     * Changes the item the way a person would, outside Liaison (an editor, Outlook, the emulator's back
     * door), so that its content and version change.
     */
    protected abstract void editOutsideLiaison(String itemId) throws Exception;

    /** Deletes the item outside Liaison. */
    protected abstract void removeOutsideLiaison(String itemId) throws Exception;

    /**
     * Asserts that a connector gave back what was written. The default is equality; a connector whose
     * groupware normalises values (time precision, phone formats) overrides it and says why.
     */
    protected void assertSameContent(T actual, T expected) {
        assertThat(actual).isEqualTo(expected);
    }

    @BeforeEach
    void openStore() throws Exception {
        store = openEmptyStore();
    }

    // ---- change feed and tokens ----

    @Test
    void firstReadOfAnEmptyStoreIsCompleteAndEmpty() {
        ChangeSet<GroupwareItem<T>> first = store.changes(Optional.empty());

        assertThat(first.complete()).isTrue();
        assertThat(first.changed()).isEmpty();
        assertThat(first.removedIds()).isEmpty();
        assertThat(first.problems()).isEmpty();
    }

    @Test
    void firstReadListsEveryItemAndIsComplete() {
        GroupwareItem<T> a = create(1, "crm-1");
        GroupwareItem<T> b = create(2, "crm-2");
        GroupwareItem<T> c = create(3, "crm-3");

        ChangeSet<GroupwareItem<T>> first = store.changes(Optional.empty());

        assertThat(first.complete()).isTrue();
        assertThat(ids(first)).containsExactlyInAnyOrder(a.id(), b.id(), c.id());
        assertThat(first.removedIds()).isEmpty();
        GroupwareItem<T> listedA = find(first, a.id());
        assertSameContent(listedA.data(), sample(1));
        assertThat(listedA.crmId()).contains("crm-1");
    }

    @Test
    void anUnchangedStoreGivesAnEmptyChangeSet() {
        create(1, "crm-1");
        create(2, "crm-2");
        SyncToken token = store.changes(Optional.empty()).next();

        ChangeSet<GroupwareItem<T>> again = store.changes(Optional.of(token));

        assertThat(again.complete()).isFalse();
        assertThat(again.changed()).isEmpty();
        assertThat(again.removedIds()).isEmpty();
        assertThat(again.problems()).isEmpty();
        assertThat(store.changes(Optional.of(again.next())).changed()).isEmpty();
    }

    @Test
    void afterATokenOnlyTheDeltasAreListed() {
        GroupwareItem<T> a = create(1, "crm-1");
        GroupwareItem<T> b = create(2, "crm-2");
        SyncToken token = store.changes(Optional.empty()).next();

        GroupwareItem<T> c = create(3, "crm-3");
        GroupwareItem<T> a2 = store.update(a.id(), a.version(), changed(sample(1)), Optional.of("crm-1"));
        ChangeSet<GroupwareItem<T>> delta = store.changes(Optional.of(token));

        assertThat(delta.complete()).isFalse();
        assertThat(ids(delta)).containsExactlyInAnyOrder(a.id(), c.id()).doesNotContain(b.id());
        assertThat(find(delta, a.id()).version()).isEqualTo(a2.version());
        assertSameContent(find(delta, a.id()).data(), changed(sample(1)));
        assertThat(delta.removedIds()).isEmpty();
    }

    /**
     * Every item says when the groupware last changed it, and a person's edit moves that time on: the "newest wins"
     * conflict policy compares it with the CRM's time (Graph: lastModifiedDateTime; a file's time on the local tree).
     */
    @Test
    void anItemSaysWhenItWasLastChangedAndAnEditOutsideLiaisonMovesThatOn() throws Exception {
        GroupwareItem<T> a = create(1, "crm-1");
        SyncToken token = store.changes(Optional.empty()).next();
        Instant written = store.get(a.id()).orElseThrow().modifiedAt().orElseThrow();
        assertThat(a.modifiedAt()).as("the time of Liaison's own write").contains(written);
        waitPastFileTimes();

        editOutsideLiaison(a.id());
        GroupwareItem<T> edited = find(store.changes(Optional.of(token)), a.id());

        assertThat(edited.modifiedAt()).as("the time of the edit").isPresent();
        assertThat(edited.modifiedAt().get()).isAfter(written);
    }

    /**
     * Linux stamps files with the kernel's coarse clock (one timer tick, 1-10 ms, behind the system clock); edits by
     * people are seconds apart, the test's two writes at least this far.
     */
    private static void waitPastFileTimes() throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofMillis(30));
        while (Instant.now().isBefore(until)) {
            Thread.sleep(Math.max(1, Duration.between(Instant.now(), until).toMillis()));
        }
    }

    @Test
    void ownWritesAreListedWithTheVersionsTheyReturned() {
        SyncToken token = store.changes(Optional.empty()).next();
        GroupwareItem<T> a = create(1, "crm-1");
        GroupwareItem<T> b = create(2, "crm-2");
        GroupwareItem<T> b2 = store.update(b.id(), b.version(), changed(sample(2)), Optional.of("crm-2"));

        ChangeSet<GroupwareItem<T>> delta = store.changes(Optional.of(token));

        // the sync recognises its own echoes by these versions
        assertThat(find(delta, a.id()).version()).isEqualTo(a.version());
        assertThat(find(delta, b.id()).version()).isEqualTo(b2.version());
    }

    @Test
    void aTokenResumesInANewSession() throws Exception {
        GroupwareItem<T> a = create(1, "crm-1");
        SyncToken token = store.changes(Optional.empty()).next();
        GroupwareItem<T> b = create(2, "crm-2");

        ItemStore<T> later = reopenStore();
        ChangeSet<GroupwareItem<T>> delta = later.changes(Optional.of(token));

        assertThat(delta.complete()).isFalse();
        assertThat(ids(delta)).containsExactly(b.id());
        assertThat(later.get(a.id())).map(GroupwareItem::version).contains(a.version());
    }

    /**
     * {@link ItemStore#aheadOfState}: a store that can tell a restore from an expired token, and one that cannot (the
     * default), both answer false for every token they gave out, in this session or an earlier one. Were one of them
     * ahead, every run would read everything again and unlink what it misses.
     */
    @Test
    void noTokenTheStoreGaveOutIsAheadOfIt() throws Exception {
        SyncToken first = store.changes(Optional.empty()).next();
        create(1, "crm-1");
        SyncToken second = store.changes(Optional.of(first)).next();

        ItemStore<T> later = reopenStore();
        SyncToken third = later.changes(Optional.of(second)).next();

        assertThat(List.of(first, second, third)).noneMatch(later::aheadOfState);
        assertThat(store.aheadOfState(third)).isFalse();
    }

    @Test
    void aDeleteIsReportedAsRemoved() {
        GroupwareItem<T> a = create(1, "crm-1");
        GroupwareItem<T> b = create(2, "crm-2");
        SyncToken token = store.changes(Optional.empty()).next();

        store.delete(a.id(), a.version());
        ChangeSet<GroupwareItem<T>> delta = store.changes(Optional.of(token));

        assertThat(delta.removedIds()).containsExactly(a.id());
        assertThat(delta.changed()).isEmpty();
        assertThat(store.changes(Optional.of(delta.next())).removedIds()).isEmpty();
        assertThat(ids(store.changes(Optional.empty()))).containsExactly(b.id());
    }

    @Test
    void anItemRemovedOutsideLiaisonIsReportedAsRemoved() throws Exception {
        GroupwareItem<T> a = create(1, "crm-1");
        create(2, "crm-2");
        SyncToken token = store.changes(Optional.empty()).next();

        removeOutsideLiaison(a.id());
        ChangeSet<GroupwareItem<T>> delta = store.changes(Optional.of(token));

        assertThat(delta.removedIds()).containsExactly(a.id());
        assertThat(delta.changed()).isEmpty();
        assertThat(store.get(a.id())).isEmpty();
    }

    @Test
    void anEditOutsideLiaisonIsReportedWithANewVersion() throws Exception {
        GroupwareItem<T> a = create(1, "crm-1");
        create(2, "crm-2");
        SyncToken token = store.changes(Optional.empty()).next();

        editOutsideLiaison(a.id());
        ChangeSet<GroupwareItem<T>> delta = store.changes(Optional.of(token));

        assertThat(ids(delta)).containsExactly(a.id());
        GroupwareItem<T> edited = find(delta, a.id());
        assertThat(edited.version()).isNotEqualTo(a.version());
        assertThat(edited.data()).isNotEqualTo(a.data());
        assertThat(edited.crmId()).contains("crm-1");
        assertThat(store.get(a.id())).map(GroupwareItem::version).contains(edited.version());
    }

    // ---- writes ----

    @Test
    void aCreatedItemCanBeReadBack() {
        GroupwareItem<T> a = create(1, "crm-1");

        assertThat(a.id()).isNotBlank();
        assertThat(a.version()).isNotBlank();
        assertThat(a.crmId()).contains("crm-1");
        assertSameContent(a.data(), sample(1));
        GroupwareItem<T> read = store.get(a.id()).orElseThrow();
        assertThat(read.version()).isEqualTo(a.version());
        assertThat(read.crmId()).contains("crm-1");
        assertSameContent(read.data(), sample(1));
    }

    @Test
    void anItemWithoutCrmIdHasNone() {
        GroupwareItem<T> a = store.create(sample(1), Optional.empty(), new IdempotencyKey("no-crm-id"));

        assertThat(a.crmId()).isEmpty();
        assertThat(store.get(a.id()).orElseThrow().crmId()).isEmpty();
    }

    @Test
    void aRepeatedCreateWithTheSameKeyReturnsTheFirstItem() throws Exception {
        GroupwareItem<T> first = store.create(sample(1), Optional.of("crm-1"), new IdempotencyKey("crm-activity-1"));

        GroupwareItem<T> again = store.create(sample(2), Optional.of("crm-2"), new IdempotencyKey("crm-activity-1"));
        GroupwareItem<T> afterReopen = reopenStore()
                .create(sample(1), Optional.of("crm-1"), new IdempotencyKey("crm-activity-1"));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.version()).isEqualTo(first.version());
        assertSameContent(again.data(), sample(1));
        assertThat(afterReopen.id()).isEqualTo(first.id());
        assertThat(ids(store.changes(Optional.empty()))).containsExactly(first.id());
    }

    @Test
    void differentKeysCreateDifferentItems() {
        GroupwareItem<T> a = store.create(sample(1), Optional.empty(), new IdempotencyKey("key-a"));
        GroupwareItem<T> b = store.create(sample(1), Optional.empty(), new IdempotencyKey("key-b"));

        assertThat(a.id()).isNotEqualTo(b.id());
        assertThat(ids(store.changes(Optional.empty()))).containsExactlyInAnyOrder(a.id(), b.id());
    }

    @Test
    void anUpdateReplacesTheContentAndChangesTheVersion() {
        GroupwareItem<T> a = create(1, "crm-1");

        GroupwareItem<T> updated = store.update(a.id(), a.version(), changed(sample(1)), Optional.of("crm-1"));

        assertThat(updated.id()).isEqualTo(a.id());
        assertThat(updated.version()).isNotEqualTo(a.version());
        assertSameContent(updated.data(), changed(sample(1)));
        GroupwareItem<T> read = store.get(a.id()).orElseThrow();
        assertThat(read.version()).isEqualTo(updated.version());
        assertSameContent(read.data(), changed(sample(1)));
    }

    @Test
    void anUpdateSetsAndClearsTheCrmId() {
        GroupwareItem<T> a = store.create(sample(1), Optional.empty(), new IdempotencyKey("k1"));

        GroupwareItem<T> linked = store.update(a.id(), a.version(), sample(1), Optional.of("crm-9"));
        assertThat(linked.crmId()).contains("crm-9");
        assertThat(store.findByCrmId("crm-9")).map(GroupwareItem::id).contains(a.id());

        GroupwareItem<T> unlinked = store.update(a.id(), linked.version(), sample(1), Optional.empty());
        assertThat(unlinked.crmId()).isEmpty();
        assertThat(store.findByCrmId("crm-9")).isEmpty();
    }

    @Test
    void anUpdateWithAStaleVersionIsAConflictAndOverwritesNothing() throws Exception {
        GroupwareItem<T> a = create(1, "crm-1");
        editOutsideLiaison(a.id());
        GroupwareItem<T> handEdited = store.get(a.id()).orElseThrow();

        assertThatThrownBy(() -> store.update(a.id(), a.version(), changed(sample(1)), Optional.of("crm-1")))
                .isInstanceOf(VersionConflictException.class);

        GroupwareItem<T> after = store.get(a.id()).orElseThrow();
        assertThat(after.version()).isEqualTo(handEdited.version());
        assertThat(after.data()).isEqualTo(handEdited.data());
    }

    @Test
    void aDeleteWithAStaleVersionIsAConflictAndKeepsTheItem() throws Exception {
        GroupwareItem<T> a = create(1, "crm-1");
        editOutsideLiaison(a.id());

        assertThatThrownBy(() -> store.delete(a.id(), a.version())).isInstanceOf(VersionConflictException.class);

        assertThat(store.get(a.id())).isPresent();
    }

    // ---- look-ups that confirm removals ----

    @Test
    void aLookUpAnswersFoundForEachItemAndGoneForOneRemovedOutsideLiaison() throws Exception {
        lookUpWithOneRemoved(3, () -> { });
    }

    /**
     * Creates {@code count} items, removes the second outside Liaison, runs {@code beforeLookUp} (a connector's test
     * resets its request counts there) and looks all of them up: one entry per id in their order, the removed one
     * {@link Lookup.Gone}, every other one {@link Lookup.Found} with its id.
     */
    protected final void lookUpWithOneRemoved(int count, Runnable beforeLookUp) throws Exception {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add(store.create(sample(i), Optional.empty(), new IdempotencyKey("look-up-" + i)).id());
        }
        String removed = ids.get(1);
        removeOutsideLiaison(removed);
        beforeLookUp.run();

        Map<String, Lookup<T>> found = store.lookUp(ids);

        assertThat(found.keySet()).containsExactlyElementsOf(ids);
        assertThat(found.get(removed)).isInstanceOf(Lookup.Gone.class);
        for (String id : ids) {
            if (!id.equals(removed)) {
                assertThat(found.get(id)).isInstanceOfSatisfying(Lookup.Found.class,
                        f -> assertThat(f.item().id()).isEqualTo(id));
            }
        }
    }

    @Test
    void aDeletedItemIsGone() {
        GroupwareItem<T> a = create(1, "crm-1");

        store.delete(a.id(), a.version());

        assertThat(store.get(a.id())).isEmpty();
        assertThat(store.findByCrmId("crm-1")).isEmpty();
        assertThatThrownBy(() -> store.delete(a.id(), a.version())).isInstanceOf(ItemNotFoundException.class);
    }

    @Test
    void writesToAMissingItemAreNotFound() throws Exception {
        GroupwareItem<T> a = create(1, "crm-1");
        removeOutsideLiaison(a.id());

        assertThatThrownBy(() -> store.update(a.id(), a.version(), sample(2), Optional.empty()))
                .isInstanceOf(ItemNotFoundException.class);
        assertThatThrownBy(() -> store.delete(a.id(), a.version())).isInstanceOf(ItemNotFoundException.class);
        assertThatThrownBy(() -> store.update("no-such-item", "v", sample(2), Optional.empty()))
                .isInstanceOf(ItemNotFoundException.class);
    }

    @Test
    void anUnknownIdIsEmpty() {
        create(1, "crm-1");

        assertThat(store.get("no-such-item")).isEmpty();
    }

    // ---- CRM id ----

    @Test
    void anItemIsFoundByItsCrmId() {
        create(1, "crm-1");
        GroupwareItem<T> b = create(2, "crm-2");

        Optional<GroupwareItem<T>> found = store.findByCrmId("crm-2");

        assertThat(found).map(GroupwareItem::id).contains(b.id());
        assertThat(found).map(GroupwareItem::version).contains(b.version());
        assertThat(store.findByCrmId("crm-unknown")).isEmpty();
    }

    // ---- helpers for subclasses ----

    /** Creates {@code sample(n)} with a CRM id and a key derived from it. */
    protected GroupwareItem<T> create(int n, String crmId) {
        return store.create(sample(n), Optional.of(crmId), new IdempotencyKey("key-" + crmId));
    }

    /** The ids of the changed items of a change set. */
    protected static <T> List<String> ids(ChangeSet<GroupwareItem<T>> changes) {
        return changes.changed().stream().map(GroupwareItem::id).toList();
    }

    /** The changed item with this id. */
    protected static <T> GroupwareItem<T> find(ChangeSet<GroupwareItem<T>> changes, String id) {
        return changes.changed().stream().filter(i -> i.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("item " + id + " is not in " + changes.changed().stream()
                        .map((Function<GroupwareItem<T>, String>) GroupwareItem::id).toList()));
    }

}
