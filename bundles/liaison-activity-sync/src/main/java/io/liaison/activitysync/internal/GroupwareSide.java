package io.liaison.activitysync.internal;

import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.IdempotencyKey;
import io.liaison.api.connector.ItemNotFoundException;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.VersionConflictException;
import io.liaison.api.domain.Activity;
import io.liaison.sync.engine.CreateReason;
import io.liaison.sync.engine.GroupwareLookups;
import io.liaison.sync.engine.ItemChangedException;
import io.liaison.sync.engine.ItemGoneException;
import io.liaison.sync.engine.ItemReadOnlyException;
import io.liaison.sync.engine.Presence;
import io.liaison.sync.engine.SideItem;
import io.liaison.sync.engine.SideStore;
import java.net.URI;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The groupware side of one area: a connector's event or task store. Every item written carries the CRM id (found
 * again by {@code findByCrmId}) and the link back to its activity; a create's idempotency key names the CRM id.
 *
 * @param <T> the groupware content type
 */
final class GroupwareSide<T> implements SideStore<T, Activity> {

    private final ItemStore<T> store;
    private final ItemMapping<T> mapping;
    private final Function<String, URI> links;
    private final java.util.function.BiConsumer<String, String> left;
    private final PrivateItems privateItems;
    private final MeetingNotices notices;
    private final SyncFilters filters;
    private final java.util.function.Predicate<String> crmsOwnPrivate;
    private final CrmPrivateMarks writtenPrivate;

    /**
     * @param left         records an activity (CRM id) that left the sync and the groupware item (id) it left behind
     * @param privateItems the account's rule for private items
     * @param notices      what deleting a meeting tells its attendees in this groupware
     * @param filters      the account's sync filters
     * @param crmsOwnPrivate whether the CRM marked the activity with this CRM id private and holds its details
     *                     ({@link ItemMapping#crmsOwnPrivate}); asked only for private items that carry a CRM id
     * @param writtenPrivate the items written as private because the CRM marked their activity so
     */
    GroupwareSide(ItemStore<T> store, ItemMapping<T> mapping, Function<String, URI> links,
                  java.util.function.BiConsumer<String, String> left, PrivateItems privateItems,
                  MeetingNotices notices, SyncFilters filters, java.util.function.Predicate<String> crmsOwnPrivate,
                  CrmPrivateMarks writtenPrivate) {
        this.crmsOwnPrivate = crmsOwnPrivate;
        this.writtenPrivate = writtenPrivate;
        this.notices = notices;
        this.filters = filters;
        this.privateItems = privateItems;
        this.store = store;
        this.mapping = mapping;
        this.links = links;
        this.left = left;
    }

    /**
     * The engine's view of a groupware item. A private one is seen in its reduced form only (its content, hash and
     * journal label): its details never reach the CRM or the journal, whatever path reads it. One that is private
     * because the CRM marked its activity so is seen in full, with the CRM's mark in its hash.
     */
    SideItem<T> item(GroupwareItem<T> g) {
        boolean privateHere = mapping.sensitivity(g.data()).isPrivate();
        boolean crmsOwn = privateHere && isCrmsOwnPrivate(g.crmId());
        T data = privateHere && !crmsOwn ? mapping.reduced(g.data()) : g.data();
        return new SideItem<>(g.id(), g.version(), mapping.hash(data, crmsOwn), g.crmId(), g.modifiedAt(),
                mapping.label(data), data);
    }

    /** What the CRM writes carries a category the account's category filter takes, so it passes on its way back. */
    private T stamped(T data) {
        java.util.List<String> categories = mapping.facts(data).categories();
        java.util.List<String> stamped = filters.stamped(categories);
        return stamped.equals(categories) ? data : mapping.withCategories(data, stamped);
    }

    /**
     * Whether an item is private by its owner's hand, so that the account's rule for private items applies: marked
     * private or confidential in the groupware, and not private because the CRM marked its activity so.
     *
     * @param crmId the CRM id the item carries
     */
    boolean isPrivate(T data, Optional<String> crmId) {
        return mapping.sensitivity(data).isPrivate() && !isCrmsOwnPrivate(crmId);
    }

    /**
     * The CRM's flag decides; an item written as private for the CRM also stays the CRM's own while the CRM takes its
     * mark back, until the update that makes it normal again (else that run would skip or reduce it first).
     */
    private boolean isCrmsOwnPrivate(Optional<String> crmId) {
        return crmId.map(id -> crmsOwnPrivate.test(id) || writtenPrivate.wasWritten(id)).orElse(false);
    }

    @Override
    public Optional<SideItem<T>> get(String id) {
        return GroupwareLookups.get(store, id, this::item);
    }

    /**
     * Under the rule {@code skip} a private item found has left the sync, and so has one the account's filters no
     * longer take (the engine ignores that for unlinked ones).
     */
    @Override
    public Map<String, Presence<T>> lookUp(Collection<String> ids) {
        Map<String, String> excluded = new java.util.HashMap<>();
        Map<String, Presence<T>> found = new java.util.LinkedHashMap<>(GroupwareLookups.lookUp(store, ids, g -> {
            // judged on the item as the groupware has it, not on a private item's reduced form
            filters.groupwareExcludes(mapping.facts(g.data())).ifPresent(why -> excluded.put(g.id(), why));
            return item(g);
        }));
        if (privateItems.skips()) {
            found.replaceAll((id, presence) -> {
                if (presence instanceof Presence.Found<T> f && isPrivate(f.item().data(), f.item().partnerId())) {
                    privateItems.leftAsPrivate(id);
                    return new Presence.Left<>(PrivateItems.LEFT_REASON);
                }
                return presence;
            });
        }
        found.replaceAll((id, presence) -> {
            if (presence instanceof Presence.Found<T> && excluded.containsKey(id)) {
                filters.leftByFilter(id);
                return new Presence.Left<>(GroupwareFeed.FILTER_REASON + excluded.get(id));
            }
            return presence;
        });
        return found;
    }

    /** A meeting the owner does not organise takes no CRM edits (see {@link ItemMapping#organisedElsewhere}). */
    @Override
    public Optional<String> readOnly(SideItem<T> item) {
        return mapping.organisedElsewhere(item.data());
    }

    @Override
    public Optional<SideItem<T>> findCreated(SideItem<Activity> source, CreateReason reason) {
        Optional<GroupwareItem<T>> named = source.partnerId().flatMap(store::get)
                .filter(g -> g.crmId().isEmpty() || g.crmId().get().equals(source.id()));
        return named.or(() -> store.findByCrmId(source.id())).map(this::item);
    }

    @Override
    public SideItem<T> create(SideItem<Activity> source, CreateReason reason) {
        T data = stamped(mapping.toGroupware(source.data(), Optional.empty(), Optional.of(links.apply(source.id()))));
        GroupwareItem<T> created = store.create(data, Optional.of(source.id()), key(source, reason));
        rememberPrivate(source);
        return item(created);
    }

    @Override
    public SideItem<T> update(String id, String expectedVersion, SideItem<Activity> source) {
        try {
            GroupwareItem<T> current = store.get(id).orElseThrow(() -> new ItemNotFoundException(id + " is gone"));
            Optional<String> kept = mapping.organisedElsewhere(current.data());
            if (kept.isPresent()) {
                throw new ItemReadOnlyException(kept.get(), item(current));
            }
            T now = current.data();
            if (!mapping.crmsOwnPrivate(source.data().data()) && writtenPrivate.wasWritten(source.id())
                    && mapping.sensitivity(now) == io.liaison.api.connector.item.Sensitivity.PRIVATE) {
                // the CRM took back the mark that made this item private: it is normal again, not one its owner
                // marked private (which would leave the sync or be reduced to busy under the account's rule)
                now = mapping.withSensitivity(now, io.liaison.api.connector.item.Sensitivity.NORMAL);
            }
            T data = stamped(mapping.toGroupware(source.data(), Optional.of(now), Optional.of(links.apply(source.id()))));
            GroupwareItem<T> updated = store.update(id, expectedVersion, data, Optional.of(source.id()));
            rememberPrivate(source);
            return item(updated);
        } catch (ItemNotFoundException e) {
            throw new ItemGoneException("groupware item " + id + " is gone", e);
        } catch (VersionConflictException e) {
            throw new ItemChangedException(e.getMessage(), e);
        }
    }

    /** Records whether the item was written as private because the CRM marked its activity so. */
    private void rememberPrivate(SideItem<Activity> source) {
        if (mapping.crmsOwnPrivate(source.data().data())) {
            writtenPrivate.written(source.id());
        } else {
            writtenPrivate.takenBack(source.id());
        }
    }

    @Override
    public void delete(String id, String expectedVersion) {
        try {
            store.delete(id, expectedVersion);
        } catch (ItemNotFoundException e) {
            throw new ItemGoneException("groupware item " + id + " is gone", e);
        } catch (VersionConflictException e) {
            throw new ItemChangedException(e.getMessage(), e);
        }
    }

    /** A meeting the owner organises tells its attendees of the deletion as the groupware does ({@link MeetingNotices}). */
    @Override
    public Optional<String> deleteAndTell(String id, String expectedVersion) {
        int invited;
        try {
            invited = store.get(id).map(g -> mapping.invitees(g.data())).orElse(0);
        } catch (io.liaison.api.connector.ItemUnreadableException e) {
            invited = 0; // the delete below answers for the item
        }
        delete(id, expectedVersion);
        return notices.onDelete(invited);
    }

    @Override
    public Optional<SideItem<T>> ensureLinkTo(SideItem<T> item, SideItem<Activity> other) {
        URI link = links.apply(other.id());
        if (item.partnerId().equals(Optional.of(other.id())) && mapping.crmLink(item.data()).equals(Optional.of(link))) {
            return Optional.empty();
        }
        try {
            T data = item.data();
            if (isPrivate(data, item.partnerId())) {
                // the engine holds the reduced form: the link goes into the item as the groupware has it
                GroupwareItem<T> full = store.get(item.id())
                        .orElseThrow(() -> new ItemNotFoundException(item.id() + " is gone"));
                if (!full.version().equals(item.version())) {
                    throw new ItemChangedException("groupware item " + item.id() + " changed meanwhile", null);
                }
                data = full.data();
            }
            return Optional.of(item(store.update(item.id(), item.version(), mapping.withLink(data, link),
                    Optional.of(other.id()))));
        } catch (ItemNotFoundException e) {
            throw new ItemGoneException("groupware item " + item.id() + " is gone", e);
        } catch (VersionConflictException e) {
            throw new ItemChangedException(e.getMessage(), e);
        }
    }

    /**
     * The activity left the sync: its groupware item is not written at all (a meeting's attendees get neither a
     * cancellation nor an update) and is kept out of the area's feed from now on, so that it does not come back as a
     * new activity; it keeps the CRM id it carries, by which it is found again if the activity comes back.
     */
    @Override
    public void partnerLeft(String id, String partnerId) {
        left.accept(partnerId, id);
    }

    /** {@code crm-activity-<id>}, and for a re-created item also the CRM version it carries. */
    static IdempotencyKey key(SideItem<Activity> source, CreateReason reason) {
        String id = source.id().matches("[A-Za-z0-9._-]{1,120}") ? source.id()
                : "h" + Hashes.sha256(source.id()).substring(0, 40);
        return new IdempotencyKey("crm-activity-" + id + (reason == CreateReason.NEW ? "" : "-v" + source.version()));
    }
}
