package io.liaison.api.runtime;

/**
 * The Event Admin events the runtime posts, so that a host can show the spec's popup ("N activities
 * imported", with a link listing them).
 */
public final class RuntimeEvents {
    /** Posted when a sync run has ended, whatever its status. */
    public static final String TOPIC_RUN_COMPLETED = "liaison/sync/RUN_COMPLETED";
    /** Posted when an account was blocked after a refused sign-in. */
    public static final String TOPIC_ACCOUNT_BLOCKED = "liaison/account/PASSWORD_BLOCKED";
    /** The run id (String). */
    public static final String PROPERTY_RUN_ID = "runId";
    /** The account id (String). */
    public static final String PROPERTY_ACCOUNT = "account";
    /** The employee id (String). */
    public static final String PROPERTY_EMPLOYEE = "employee";
    /** The {@link RunStatus} name (String). */
    public static final String PROPERTY_STATUS = "status";
    /** The ids of the activities the run created (String[]). */
    public static final String PROPERTY_CREATED_ACTIVITIES = "createdActivities";
    /** Counts per {@link Outcome}: one property per outcome, named {@code count.<OUTCOME>} (Integer). */
    public static final String PROPERTY_COUNT_PREFIX = "count.";

    private RuntimeEvents() {
    }
}
