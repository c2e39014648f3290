package io.liaison.api.crm;

import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityData;
import io.liaison.api.domain.ActivityId;
import io.liaison.api.domain.EmployeeId;
import java.util.List;
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

    /** One of the spec's quicksearches for imported mails, for the actor's own activities, newest first. */
    List<Activity> quicksearch(EmployeeId actor, Quicksearch quicksearch, int limit);

    /**
     * What changed among the activities the actor owns since a token: created or changed ones with
     * their current content, deleted ones by id. Start with an empty token for every activity.
     *
     * @param max the most items one page may hold; {@link CrmChangePage#more()} tells whether to call again
     */
    CrmChangePage<Activity, ActivityId> changesSince(EmployeeId actor, Optional<CrmToken> since, int max);
}
