package io.liaison.api.connector.item;

import io.liaison.api.domain.Importance;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A task as every connector can express it (Microsoft To Do {@code todoTask}, iCalendar VTODO).
 *
 * @param subject     the title
 * @param bodyText    the note as plain text
 * @param start       when work starts, if set
 * @param due         when it is due, if set
 * @param status      not started, in progress, completed, …
 * @param completedAt when it was completed
 * @param reminderAt  when the reminder fires, if set
 * @param importance  low, normal or high
 * @param categories  categories
 * @param crmLink     the link to the CRM activity (a To Do linked resource, a URL property)
 * @param sensitivity how private its owner marked it; Microsoft To Do has no such mark (always normal there)
 */
public record TaskData(
        String subject,
        String bodyText,
        Optional<Instant> start,
        Optional<Instant> due,
        TaskStatus status,
        Optional<Instant> completedAt,
        Optional<Instant> reminderAt,
        Importance importance,
        List<String> categories,
        Optional<URI> crmLink,
        Sensitivity sensitivity) {

    public TaskData {
        subject = subject == null ? "" : subject;
        bodyText = bodyText == null ? "" : bodyText;
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(due, "due");
        status = status == null ? TaskStatus.NOT_STARTED : status;
        Objects.requireNonNull(completedAt, "completedAt");
        Objects.requireNonNull(reminderAt, "reminderAt");
        importance = importance == null ? Importance.NORMAL : importance;
        categories = List.copyOf(categories);
        Objects.requireNonNull(crmLink, "crmLink");
        sensitivity = sensitivity == null ? Sensitivity.NORMAL : sensitivity;
    }

    /** A task of normal sensitivity (the form before sensitivity was carried). */
    public TaskData(String subject, String bodyText, Optional<Instant> start, Optional<Instant> due, TaskStatus status,
                    Optional<Instant> completedAt, Optional<Instant> reminderAt, Importance importance,
                    List<String> categories, Optional<URI> crmLink) {
        this(subject, bodyText, start, due, status, completedAt, reminderAt, importance, categories, crmLink,
                Sensitivity.NORMAL);
    }

    /** This task with another sensitivity. */
    public TaskData withSensitivity(Sensitivity sensitivity) {
        return new TaskData(subject, bodyText, start, due, status, completedAt, reminderAt, importance, categories,
                crmLink, sensitivity);
    }

    /** An open task with nothing but a title and a due time. */
    public static TaskData simple(String subject, Instant due) {
        return new TaskData(subject, "", Optional.empty(), Optional.ofNullable(due), TaskStatus.NOT_STARTED,
                Optional.empty(), Optional.empty(), Importance.NORMAL, List.of(), Optional.empty());
    }
}
