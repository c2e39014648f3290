package io.liaison.activitysync.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The administrator's settings of the activity sync. */
@ObjectClassDefinition(name = "Liaison activity sync",
        description = "Two-way sync of appointments, meetings, follow-ups and tasks with the groupware.")
public @interface ActivitySyncConfig {

    @AttributeDefinition(name = "Link template", description = "The link from a groupware item to its CRM activity; "
            + "{id} is replaced by the activity's id (URL-encoded).")
    String linkTemplate() default "crm://activity/{id}";

    @AttributeDefinition(name = "Mass-delete share", description = "A run in which one side reports more than this "
            + "share (0 to 1) of the linked items gone deletes nothing on the other side and reports it.")
    double massDeleteShare() default 0.5;

    @AttributeDefinition(name = "Mass-delete minimum", description = "The mass-delete guard acts from this many "
            + "linked items per account and area on.")
    int massDeleteMinLinks() default 10;

    @AttributeDefinition(name = "Push delay (ms)", description = "How long a CRM change waits for further changes of "
            + "the same employee before its sync run starts (coalesces bursts).")
    long pushDelayMillis() default 1000;

    @AttributeDefinition(name = "Open status", description = "Status key of a new or reopened activity from the groupware.")
    String openStatus() default "O";

    @AttributeDefinition(name = "Done status", description = "Status key of an activity whose groupware task was completed.")
    String doneStatus() default "E";

    @AttributeDefinition(name = "Cancelled status", description = "Status key of an appointment whose groupware event "
            + "was cancelled (iCalendar STATUS:CANCELLED, Graph isCancelled); an activity given this key is written "
            + "to the groupware as a cancelled event. While the CRM does not know the key, cancelled events stay "
            + "open activities; empty turns the mapping off.")
    String cancelledStatus() default "X";

    @AttributeDefinition(name = "CRM page size", description = "Activities read per page of the CRM change feed.")
    int crmPageSize() default 500;
}
