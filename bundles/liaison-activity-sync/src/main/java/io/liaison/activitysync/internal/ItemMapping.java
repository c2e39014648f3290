package io.liaison.activitysync.internal;

import io.liaison.api.connector.item.Sensitivity;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityData;
import io.liaison.api.domain.EmployeeId;
import java.net.URI;
import java.util.Optional;

/**
 * The field mapping between CRM activities and one kind of groupware item (events or tasks). The content hash is
 * computed from the groupware form on both sides, so that a CRM activity and a groupware item with the same
 * synchronised content have the same hash.
 *
 * @param <T> {@link io.liaison.api.connector.item.EventData} or {@link io.liaison.api.connector.item.TaskData}
 */
interface ItemMapping<T> {

    /**
     * The groupware form of an activity.
     *
     * @param current the groupware item's current content, whose groupware-only fields (a series' recurrence, a
     *                task's "in progress" state, its sensitivity) are kept; of a private item also its subject, body,
     *                location, people and categories, which the CRM holds only in their reduced form
     * @param link    the link back to the activity
     */
    T toGroupware(Activity activity, Optional<T> current, Optional<URI> link);

    /**
     * The CRM content of a groupware item.
     *
     * @param current the activity's current content, whose CRM-only fields (type, status, owner, business partner,
     *                contact person, HTML body when the text did not change) are kept; empty for a new activity
     */
    ActivityData toCrm(T item, Optional<ActivityData> current, EmployeeId owner, StatusKeys status);

    /** The hash of the synchronised fields. */
    String hash(T item);

    /**
     * The hash of the synchronised fields and of the CRM's private mark, so that marking an activity private (or
     * taking the mark back) is a change that gets written. Unmarked items keep the hash {@link #hash(Object)} gives,
     * so that the hashes of links stored before the mark existed stay valid.
     *
     * @param markedPrivate the CRM marked the activity private: on the CRM side its flag, on the groupware side a
     *                      private item whose activity the CRM marked private ({@link #crmsOwnPrivate})
     */
    default String hash(T item, boolean markedPrivate) {
        return markedPrivate ? Hashes.of(hash(item), "private") : hash(item);
    }

    /**
     * Whether the CRM holds an activity's private details itself: it is marked private there, so only its owner may
     * see it, and it is not the busy form of an item its owner marked private in the groupware (whose details the CRM
     * never holds). Such an activity's groupware item is private because the CRM marked it so: it is synchronised in
     * full, not skipped or reduced to busy.
     */
    default boolean crmsOwnPrivate(ActivityData activity) {
        return activity.privateActivity()
                && !(activity.subject().equals(privateSubject()) && activity.text().isBlank());
    }

    /**
     * The sensitivity to write: the groupware's own, but at least private for an activity the CRM marked private
     * (a confidential item stays confidential).
     */
    static Sensitivity sensitivity(ActivityData activity, Optional<Sensitivity> current) {
        Sensitivity kept = current.orElse(Sensitivity.NORMAL);
        return activity.privateActivity() && !kept.isPrivate() ? Sensitivity.PRIVATE : kept;
    }

    /** Subject and time, for the journal; never the body. */
    String label(T item);

    Optional<URI> crmLink(T item);

    T withLink(T item, URI link);

    /** Whether the item is one the sync leaves alone (an occurrence or exception of a series). */
    boolean skipped(T item);

    /** How private the item's owner marked it. */
    Sensitivity sensitivity(T item);

    /**
     * A private item as the CRM may see it ("busy"): its time, reminder and importance, with {@link #privateSubject}
     * for a subject and without body, location, people and categories. Its sensitivity stays, so that it is still
     * known to be private.
     */
    T reduced(T item);

    /** The item with another sensitivity. */
    T withSensitivity(T item, Sensitivity sensitivity);

    /** The subject of a reduced item, e.g. "Private appointment". */
    String privateSubject();

    /**
     * Why the groupware keeps this item as it is (a meeting its owner does not organise), or empty when the CRM's
     * edits may be written to it. Tasks are always their owner's.
     */
    default Optional<String> organisedElsewhere(T item) {
        return Optional.empty();
    }

    /** What the account's sync filters look at in an item. */
    SyncFilters.Facts facts(T item);

    /** The item with other categories (those a category filter adds to what Liaison writes). */
    T withCategories(T item, java.util.List<String> categories);

    /** How many attendees a deletion of this item would tell: those of a meeting the owner organises, else none. */
    default int invitees(T item) {
        return 0;
    }

    /** The e-mail addresses of the people an item names (organizer, attendees), for finding the business partner. */
    java.util.List<String> addresses(T item);

    /**
     * The status keys to use.
     *
     * @param cancelled the key of a cancelled appointment; empty when the CRM has none, and cancelled events
     *                  then stay open activities
     */
    record StatusKeys(io.liaison.api.domain.StatusKey open, io.liaison.api.domain.StatusKey done,
                      Optional<io.liaison.api.domain.StatusKey> cancelled) {

        StatusKeys(io.liaison.api.domain.StatusKey open, io.liaison.api.domain.StatusKey done) {
            this(open, done, Optional.empty());
        }
    }
}
