package io.liaison.api.crm;

/**
 * The push contract for host CRMs: after a committed change to an activity or contact person, the host
 * posts an OSGi Event Admin event on one of these topics so that Liaison writes it to the groupware within
 * seconds instead of at the next interval. Events are hints: Liaison reads the change through the change
 * feed, so a lost or repeated event does no harm.
 */
public final class CrmEvents {
    /** An activity was created, changed or deleted. */
    public static final String TOPIC_ACTIVITY_CHANGED = "liaison/crm/ACTIVITY_CHANGED";
    /** A contact person was created, changed or deleted. */
    public static final String TOPIC_CONTACT_CHANGED = "liaison/crm/CONTACT_CHANGED";
    /** Event property: the id of the item (String). */
    public static final String PROPERTY_ID = "id";
    /** Event property: the id of the employee who owns the activity, or who made the change (String). */
    public static final String PROPERTY_EMPLOYEE = "employee";
    /** Event property: {@code CREATED}, {@code UPDATED} or {@code DELETED}. */
    public static final String PROPERTY_CHANGE = "change";

    private CrmEvents() {
    }
}
