package io.liaison.api.crm;

import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityData;
import io.liaison.api.domain.ActivityId;
import io.liaison.api.domain.EmployeeId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The host CRM's activities: create, read, update, delete, search and a change feed. */
@ProviderType
public interface ActivityStore {

    /**
     * Creates an activity, once per idempotency key: a second call with a key already used returns the
     * activity the first call created, unchanged, so that a sync that crashed after this call and repeats
     * it never creates a second copy.
     *
     * @param actor          the employee the call acts for
     * @param data           the content
     * @param idempotencyKey e.g. the Message-ID of an imported mail; empty for no idempotency
     * @return the stored activity
     */
    Activity create(EmployeeId actor, ActivityData data, Optional<String> idempotencyKey);

    /** The activity, if it exists and the actor may see it. */
    Optional<Activity> get(EmployeeId actor, ActivityId id);

    /** The activity created with this idempotency key, if any. */
    Optional<Activity> findBySourceKey(EmployeeId actor, String idempotencyKey);

    /**
     * Whether this CRM keeps one activity per imported mail for the whole CRM: a mail a second employee imports is
     * found with {@link #findSharedMail} and the employee added with {@link #addImporter}, instead of a second activity
     * with the same documents (as Dynamics 365 keeps one e-mail activity per Message-ID for the organisation). The
     * default, {@code false}, keeps mail activities per owner: a mail two employees import is two activities.
     *
     * @since 1.3
     */
    default boolean sharesMailActivities() {
        return false;
    }

    /**
     * The imported mail activity created with this idempotency key (a mail's Message-ID key) by any employee, if the
     * actor may see its details: the actor's own first, else the one created first. Empty in a CRM that keeps mail
     * activities per owner.
     *
     * @since 1.3
     */
    default Optional<Activity> findSharedMail(EmployeeId actor, String idempotencyKey) {
        return Optional.empty();
    }

    /**
     * What holds each of these idempotency keys, in one call: per key, the answers of {@link #findBySourceKey} and of
     * {@link #findSharedMail}, as those calls would give them at this moment. The mail import asks it before creating
     * a mail's activity, for the mail's key and the keys earlier versions gave it; a CRM that answers it in one
     * round trip saves one call per key and kind. The default asks the two calls per key (the second only in a CRM
     * that {@link #sharesMailActivities}).
     *
     * @param keys the keys; a key given twice is answered once
     * @return an entry for every key, in the order given; {@link KeyHolders#NONE} for a key nothing holds
     * @since 1.5
     */
    default Map<String, KeyHolders> findByKeys(EmployeeId actor, List<String> keys) {
        Map<String, KeyHolders> holders = new LinkedHashMap<>();
        for (String key : keys) {
            if (!holders.containsKey(key)) {
                holders.put(key, new KeyHolders(findBySourceKey(actor, key),
                        sharesMailActivities() ? findSharedMail(actor, key) : Optional.empty()));
            }
        }
        return holders;
    }

    /**
     * Records that the actor imported this mail activity too: from then on it is among the actor's imported mails
     * ({@link #quicksearch}). Its owner and content stay; repeating the call changes nothing.
     *
     * @return the activity
     * @throws CrmNotFoundException          when it does not exist
     * @throws UnsupportedOperationException in a CRM that keeps mail activities per owner (the default)
     * @since 1.3
     */
    default Activity addImporter(EmployeeId actor, ActivityId id) {
        throw new UnsupportedOperationException("this CRM keeps mail activities per owner");
    }

    /**
     * Whether this CRM records how activities relate ({@link #relate}, {@link #relations}, {@link #findReplies}): the
     * mail import then relates a reply to the mail it answers. The default, {@code false}, records nothing.
     *
     * @since 1.3
     */
    default boolean relatesActivities() {
        return false;
    }

    /**
     * Records a relation between two activities the actor may see; a repeat changes nothing.
     *
     * @throws CrmNotFoundException          when either activity does not exist
     * @throws UnsupportedOperationException in a CRM that records no relations (the default)
     * @since 1.3
     */
    default void relate(EmployeeId actor, ActivityRelation relation) {
        throw new UnsupportedOperationException("this CRM records no relations between activities");
    }

    /** The relations from and to an activity; empty in a CRM that records none. @since 1.3 */
    default List<ActivityRelation> relations(EmployeeId actor, ActivityId id) {
        return List.of();
    }

    /**
     * The imported mails (of any owner the actor may see) that answer the mail with this Message-ID (their
     * {@code In-Reply-To}), oldest first, at most {@code limit}; empty in a CRM that records no relations.
     *
     * @since 1.3
     */
    default List<Activity> findReplies(EmployeeId actor, String messageId, int limit) {
        return List.of();
    }

    /**
     * The imported bounces (of any owner the actor may see) that return the mail with this Message-ID (their
     * {@link io.liaison.api.domain.MailDetails#returnedMessageId}), oldest first, at most {@code limit}: a bounce
     * imported before the mail it returns is related to it when that mail comes. Empty in a CRM that records no
     * relations (the default).
     *
     * @since 1.4
     */
    default List<Activity> findReturns(EmployeeId actor, String messageId, int limit) {
        return List.of();
    }

    /**
     * The appointment that the activity sync brought from a groupware calendar with this iCalendar UID
     * ({@link io.liaison.api.domain.ActivityData#calendarUid}), if the actor may see it: the actor's own first, else the
     * one created first (every attendee's calendar holds the same meeting under the same UID). The mail import relates
     * an invitation mail to it ({@link ActivityRelation.Kind#INVITATION}). A CRM that does not keep the UID returns its
     * activities without it and finds nothing here (the default): an invitation then stays a mail of its own.
     *
     * @since 1.5
     */
    default Optional<Activity> findAppointment(EmployeeId actor, String calendarUid) {
        return Optional.empty();
    }

    /**
     * Replaces the content of an activity.
     *
     * @param expectedVersion the version the caller read
     * @throws CrmStaleVersionException when the activity changed since
     * @throws CrmNotFoundException     when it does not exist
     */
    Activity update(EmployeeId actor, ActivityId id, long expectedVersion, ActivityData data);

    /**
     * Deletes an activity and its documents.
     *
     * @throws CrmStaleVersionException when the activity changed since {@code expectedVersion}
     */
    void delete(EmployeeId actor, ActivityId id, long expectedVersion);

    /** Activities matching every criterion given, newest first. */
    List<Activity> search(EmployeeId actor, ActivityQuery query);

    /**
     * One of the spec's quicksearches for imported mails, for the actor's own activities and the shared mail
     * activities the actor imported too ({@link #addImporter}), newest first.
     */
    List<Activity> quicksearch(EmployeeId actor, Quicksearch quicksearch, int limit);

    /**
     * What changed among the activities the actor owns since a token: created or changed ones with
     * their current content, deleted ones by id. Start with an empty token for every activity.
     *
     * @param max the most items one page may hold; {@link CrmChangePage#more()} tells whether to call again
     */
    CrmChangePage<Activity, ActivityId> changesSince(EmployeeId actor, Optional<CrmToken> since, int max);

    /**
     * Whether a token is ahead of this feed's own position: one this CRM has not given out yet, as when its database
     * was restored from a backup older than the token. Reading on from such a token would silently skip the changes
     * made after the restore until the feed passes the token again; a caller that learns so reads the feed from its
     * start instead. The default cannot tell and answers false (no check).
     *
     * @throws CrmException when the token is not one of this feed's
     * @since 1.4
     */
    default boolean aheadOfFeed(EmployeeId actor, CrmToken token) {
        return false;
    }
}
