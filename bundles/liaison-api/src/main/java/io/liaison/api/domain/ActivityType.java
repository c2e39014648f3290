package io.liaison.api.domain;

import java.util.Objects;

/**
 * The type of an activity. The five named here are the ones Liaison treats specially; a host CRM may
 * know more (a phone call, a visit, …), which Liaison carries through unchanged.
 *
 * @param key the host CRM's key of the type, e.g. {@code MAILIN}
 */
public record ActivityType(String key) {
    /** An appointed time: synchronised with a groupware event. */
    public static final ActivityType APPOINTMENT = new ActivityType("APPOINTMENT");
    /** A meeting with attendees: synchronised with a groupware event with attendees. */
    public static final ActivityType MEETING = new ActivityType("MEETING");
    /** A follow-up (a reminder-style entry): synchronised with a groupware task with a due date and reminder. */
    public static final ActivityType FOLLOW_UP = new ActivityType("FOLLOW_UP");
    /** A task: synchronised with a groupware task. */
    public static final ActivityType TASK = new ActivityType("TASK");
    /** An incoming mail, imported from an import folder (the spec's MAILIN). */
    public static final ActivityType MAIL_IN = new ActivityType("MAILIN");

    public ActivityType {
        Objects.requireNonNull(key, "key");
        if (key.isBlank()) {
            throw new IllegalArgumentException("activity type key must not be blank");
        }
    }

    @Override
    public String toString() {
        return key;
    }
}
