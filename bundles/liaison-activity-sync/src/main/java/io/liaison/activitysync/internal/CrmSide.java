package io.liaison.activitysync.internal;

import io.liaison.api.address.AddressResolution;
import io.liaison.api.address.AddressResolver;
import io.liaison.api.crm.ActivityStore;
import io.liaison.api.crm.CrmNotFoundException;
import io.liaison.api.crm.CrmStaleVersionException;
import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityData;
import io.liaison.api.domain.ActivityId;
import io.liaison.api.domain.EmployeeId;
import io.liaison.sync.engine.CreateReason;
import io.liaison.sync.engine.ItemChangedException;
import io.liaison.sync.engine.ItemGoneException;
import io.liaison.sync.engine.Presence;
import io.liaison.sync.engine.SideItem;
import io.liaison.sync.engine.SideStore;
import java.util.Locale;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The CRM side of one area: activities of the account's employee. A groupware item becomes an activity with an
 * idempotency key that names the account, the area and the groupware id, so a repeated create finds the first
 * one and a CRM activity names the groupware item it came from. An activity put into the groupware on request is
 * never deleted because its groupware entry went: only its mark goes. An activity whose groupware item left the sync
 * by filter is held back (not put into the groupware again) until that item is taken again.
 *
 * @param <T> the groupware content type
 */
final class CrmSide<T> implements SideStore<Activity, T> {

    private static final int MAX_KEY = 900;

    private final ActivityStore activities;
    private final EmployeeId employee;
    private final AccountId account;
    private final ActivityArea area;
    private final ItemMapping<T> mapping;
    private final ItemMapping.StatusKeys status;
    private final Supplier<Optional<AddressResolver>> resolver;
    private final Marks marks;
    private final PrivateItems privateItems;
    private final SyncFilters filters;

    CrmSide(ActivityStore activities, EmployeeId employee, AccountId account, ActivityArea area, ItemMapping<T> mapping,
            ItemMapping.StatusKeys status, Supplier<Optional<AddressResolver>> resolver, Marks marks,
            PrivateItems privateItems, SyncFilters filters) {
        this.privateItems = privateItems;
        this.filters = filters;
        this.activities = activities;
        this.employee = employee;
        this.account = account;
        this.area = area;
        this.mapping = mapping;
        this.status = status;
        this.resolver = resolver;
        this.marks = marks;
    }

    /** The engine's view of an activity. */
    SideItem<Activity> item(Activity a) {
        T form = mapping.toGroupware(a, Optional.empty(), Optional.empty());
        return new SideItem<>(a.id().value(), Long.toString(a.version()),
                mapping.hash(form, mapping.crmsOwnPrivate(a.data())),
                a.sourceKey().flatMap(this::groupwareIdOf), Optional.of(a.modifiedAt()), mapping.label(form), a);
    }

    @Override
    public Optional<SideItem<Activity>> get(String id) {
        return activities.get(employee, ActivityId.of(id)).filter(a -> a.data().owner().equals(employee)).map(this::item);
    }

    /**
     * An activity whose owner changed has left this employee's sync, it is not deleted: its groupware item stays
     * (deleting a meeting would send its attendees a cancellation). So has one that is outside the area as the CRM
     * feed tells it ({@link #outside}): the engine looks up a linked pair the feed reported in an earlier run and
     * that run left alone (its groupware item could not be read), and must then see the same. Only an activity the
     * CRM no longer has is gone.
     */
    @Override
    public Map<String, Presence<Activity>> lookUp(Collection<String> ids) {
        Map<String, Presence<Activity>> found = new LinkedHashMap<>();
        Map<String, String> marked = ids.isEmpty() ? Map.of() : marks.all(account);
        for (String id : ids) {
            Optional<Activity> activity = activities.get(employee, ActivityId.of(id));
            found.put(id, activity.<Presence<Activity>>map(a -> !a.data().owner().equals(employee)
                    ? new Presence.Left<>("its owner is now another employee")
                    : outside(a, Optional.ofNullable(marked.get(id))).<Presence<Activity>>map(Presence.Left::new)
                    .orElseGet(() -> new Presence.Found<>(item(a)))).orElseGet(Presence.Gone::new));
        }
        return found;
    }

    /**
     * Whether this employee's activity is in the area: one of its types, or put in on request (the area's mark),
     * unless its groupware entry was deleted on request or its private groupware item left it reduced.
     */
    private boolean inArea(Activity a, Optional<String> mark) {
        if (mark.filter(m -> Marks.EXCLUDED.equals(m) || Marks.LEFT_PRIVATE.equals(m)).isPresent()) {
            return false;
        }
        return ownType(a) || mark.filter(area.name()::equals).isPresent();
    }

    /**
     * Why this employee's activity is outside the area's sync, as its pair is told when it leaves: outside the area
     * ({@link #inArea}), or of the area's own types and excluded by a filter. Empty when it is in the sync.
     */
    Optional<String> outside(Activity a, Optional<String> mark) {
        if (!inArea(a, mark)) {
            return Optional.of(mark.filter(Marks.EXCLUDED::equals).isPresent()
                    ? "its groupware entry was deleted on request"
                    : "its type is now " + a.data().type().key() + ", which " + area.name().toLowerCase(Locale.ROOT)
                    + " do not synchronise");
        }
        return ownType(a) ? filters.crmExcludes(a).map(why -> GroupwareFeed.FILTER_REASON + why) : Optional.empty();
    }

    @Override
    public Optional<SideItem<Activity>> findCreated(SideItem<T> source, CreateReason reason) {
        return activities.findBySourceKey(employee, key(source, reason)).map(this::item);
    }

    @Override
    public SideItem<Activity> create(SideItem<T> source, CreateReason reason) {
        ActivityData data = assignPartner(mapping.toCrm(source.data(), Optional.empty(), employee, status), source.data());
        return item(activities.create(employee, data, Optional.of(key(source, reason))));
    }

    @Override
    public SideItem<Activity> update(String id, String expectedVersion, SideItem<T> source) {
        try {
            Activity current = activities.get(employee, ActivityId.of(id))
                    .orElseThrow(() -> new CrmNotFoundException("activity " + id + " does not exist"));
            ActivityData data = mapping.toCrm(source.data(), Optional.of(current.data()), employee, status);
            SideItem<Activity> updated = item(activities.update(employee, ActivityId.of(id),
                    Long.parseLong(expectedVersion), data));
            if (marks.of(account, id).filter(Marks.LEFT_PRIVATE::equals).isPresent()) {
                // its groupware item, made normal again, brought its details back: the activity is back in the sync
                // (should this run stop before the link is saved, the CRM feed takes the mark back once it is linked)
                marks.remove(account, id);
            }
            return updated;
        } catch (CrmNotFoundException e) {
            throw new ItemGoneException("activity " + id + " is gone from the CRM", e);
        } catch (CrmStaleVersionException e) {
            throw new ItemChangedException(e.getMessage(), e);
        }
    }

    @Override
    public void delete(String id, String expectedVersion) {
        try {
            Optional<Activity> current = activities.get(employee, ActivityId.of(id));
            if (current.isEmpty()) {
                throw new CrmNotFoundException("activity " + id + " does not exist");
            }
            if (!area.types.contains(current.get().data().type())) {
                // put into the groupware on request: its entry is gone, the activity stays
                marks.remove(account, id);
                return;
            }
            activities.delete(employee, ActivityId.of(id), Long.parseLong(expectedVersion));
        } catch (CrmNotFoundException e) {
            throw new ItemGoneException("activity " + id + " is gone from the CRM", e);
        } catch (CrmStaleVersionException e) {
            throw new ItemChangedException(e.getMessage(), e);
        }
    }

    /**
     * The groupware item became private and left the sync (rule {@code skip}): the activity stays, reduced to what a
     * colleague may see (the area's private subject, no text, HTML, location, participants or categories; time,
     * type, status and business partner stay), and is marked so that it is not put into the groupware as a new item
     * ({@link Marks#LEFT_PRIVATE}; the item made normal again is linked to it again). Other partners that left change
     * nothing here.
     */
    @Override
    public void partnerLeft(String id, String partnerId) {
        if (filters.isLeftByFilter(partnerId) || privateItems.isLeftAsPrivate(partnerId)) {
            marks.cameBack(account, area, id);
        }
        if (filters.isLeftByFilter(partnerId)) {
            // held back until its groupware item is taken again, so it is not put there a second time
            marks.holdBack(account, area, id, partnerId);
            return;
        }
        if (!privateItems.isLeftAsPrivate(partnerId)) {
            return;
        }
        try {
            Activity current = activities.get(employee, ActivityId.of(id))
                    .orElseThrow(() -> new CrmNotFoundException("activity " + id + " does not exist"));
            ActivityData reduced = current.data().toBuilder().subject(mapping.privateSubject()).text("").html("")
                    .location("").participants(java.util.List.of()).categories(java.util.List.of()).build();
            if (!reduced.equals(current.data())) {
                activities.update(employee, current.id(), current.version(), reduced);
            }
            marks.leftAsPrivate(account, id);
        } catch (CrmNotFoundException e) {
            throw new ItemGoneException("activity " + id + " is gone from the CRM", e);
        } catch (CrmStaleVersionException e) {
            throw new ItemChangedException(e.getMessage(), e);
        }
    }

    /**
     * Whether the CRM marked this activity private and holds its details ({@link ItemMapping#crmsOwnPrivate}): its
     * groupware item is private because of that. An activity of another owner, or one that is gone, is not.
     */
    boolean crmsOwnPrivate(String id) {
        return activities.get(employee, ActivityId.of(id)).filter(a -> a.data().owner().equals(employee))
                .map(a -> mapping.crmsOwnPrivate(a.data())).orElse(false);
    }

    /** One of the area's own types (not one put into the groupware on request). */
    boolean ownType(Activity a) {
        return area.types.contains(a.data().type());
    }

    @Override
    public Optional<SideItem<Activity>> ensureLinkTo(SideItem<Activity> item, SideItem<T> other) {
        return Optional.empty(); // the CRM side names its groupware copy through the link store only
    }

    /** The business partner and contact person of a new activity, from the addresses the item names. */
    private ActivityData assignPartner(ActivityData data, T source) {
        Optional<AddressResolver> r = resolver.get();
        if (r.isEmpty()) {
            return data;
        }
        for (String address : mapping.addresses(source)) {
            AddressResolution resolution;
            try {
                resolution = r.get().resolve(employee, address);
            } catch (RuntimeException e) {
                continue; // not an address, or the resolver failed: the activity stays unassigned
            }
            if (resolution instanceof AddressResolution.ContactFound found) {
                return data.toBuilder().contactPerson(found.contactPerson().id())
                        .businessPartner(found.contactPerson().data().businessPartner().orElse(null)).build();
            }
            if (resolution instanceof AddressResolution.BusinessPartnerFound found) {
                return data.toBuilder().businessPartner(found.businessPartner().id()).build();
            }
        }
        return data;
    }

    private String prefix(CreateReason reason) {
        String kind = switch (reason) {
            case NEW -> "groupware";
            case RECREATE -> "groupware-again";
            case CONFLICT_COPY -> "groupware-conflict";
        };
        return kind + ":" + account.value() + ":" + area.name().toLowerCase(Locale.ROOT) + ":";
    }

    /** {@code groupware:<account>:<area>:<id>}; a re-create and a conflict copy also name the version they kept. */
    String key(SideItem<T> source, CreateReason reason) {
        String key = prefix(reason) + (reason == CreateReason.NEW ? "" : Hashes.sha256(source.version()).substring(0, 16) + ":")
                + source.id();
        return key.length() <= MAX_KEY ? key : prefix(reason) + "sha256:" + Hashes.sha256(key);
    }

    /** The groupware item an activity was created from, if its key says so (not for conflict copies). */
    private Optional<String> groupwareIdOf(String sourceKey) {
        String neu = prefix(CreateReason.NEW);
        String again = prefix(CreateReason.RECREATE);
        String id = null;
        if (sourceKey.startsWith(neu)) {
            id = sourceKey.substring(neu.length());
        } else if (sourceKey.startsWith(again) && sourceKey.length() > again.length() + 17) {
            id = sourceKey.substring(again.length() + 17);
        }
        return Optional.ofNullable(id).filter(s -> !s.startsWith("sha256:"));
    }
}
