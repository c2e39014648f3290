package io.liaison.connector.graph.internal;

import com.microsoft.graph.models.BodyType;
import com.microsoft.graph.models.DateTimeTimeZone;
import com.microsoft.graph.models.ItemBody;
import com.microsoft.graph.models.LinkedResource;
import com.microsoft.graph.models.TodoTask;
import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.item.TaskData;
import io.liaison.api.connector.item.TaskStatus;
import io.liaison.api.domain.Importance;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps {@link TaskData} to Microsoft To Do tasks and back. Liaison's link to the CRM is one linked resource of the
 * task, marked with {@value #APPLICATION}: its {@code externalId} is the CRM id (empty when unlinked), its
 * {@code webUrl} the link to the CRM activity, and its display name carries the idempotency key of the create.
 * Times are written and read in UTC, except the due time: To Do keeps only the date of {@code dueDateTime} (a time
 * sent comes back as 00:00 of the date sent; microsoftgraph/microsoft-graph-docs issue 16991), so the due is written
 * as its date in the account's zone and read as the start of that date there, the same value both ways; the reminder
 * keeps its time. A {@code todoTask} has no sensitivity (Graph's resource has no such property): every task reads
 * as normal, and a sensitivity written is not kept.
 */
final class TaskMapper {

    /** The application name of Liaison's linked resource. */
    static final String APPLICATION = "Liaison";
    /** The prefix of the linked resource's display name before the idempotency key. */
    static final String KEY_PREFIX = "CRM activity ";

    private TaskMapper() {
    }

    static TodoTask toGraph(TaskData d, ZoneId zone) {
        TodoTask t = new TodoTask();
        t.setTitle(d.subject());
        ItemBody body = new ItemBody();
        body.setContentType(BodyType.Text);
        body.setContent(d.bodyText());
        t.setBody(body);
        t.setStartDateTime(d.start().map(TaskMapper::utc).orElse(null));
        t.setDueDateTime(d.due().map(due -> dueDate(due, zone)).orElse(null));
        t.setStatus(switch (d.status()) {
            case NOT_STARTED -> com.microsoft.graph.models.TaskStatus.NotStarted;
            case IN_PROGRESS -> com.microsoft.graph.models.TaskStatus.InProgress;
            case COMPLETED -> com.microsoft.graph.models.TaskStatus.Completed;
            case WAITING -> com.microsoft.graph.models.TaskStatus.WaitingOnOthers;
            case DEFERRED -> com.microsoft.graph.models.TaskStatus.Deferred;
        });
        t.setCompletedDateTime(d.completedAt().map(TaskMapper::utc).orElse(null));
        t.setIsReminderOn(d.reminderAt().isPresent());
        t.setReminderDateTime(d.reminderAt().map(TaskMapper::utc).orElse(null));
        t.setImportance(switch (d.importance()) {
            case LOW -> com.microsoft.graph.models.Importance.Low;
            case HIGH -> com.microsoft.graph.models.Importance.High;
            case NORMAL -> com.microsoft.graph.models.Importance.Normal;
        });
        t.setCategories(new ArrayList<>(d.categories()));
        // null values must be sent to clear a field: Kiota's backing store sends what was set, including null
        return t;
    }

    static LinkedResource link(Optional<String> crmId, Optional<URI> crmLink, String key) {
        LinkedResource r = new LinkedResource();
        r.setApplicationName(APPLICATION);
        r.setDisplayName(KEY_PREFIX + key);
        r.setExternalId(crmId.orElse(""));
        r.setWebUrl(crmLink.map(URI::toString).orElse(null));
        return r;
    }

    /** Liaison's linked resource of a task, if it has one. */
    static Optional<LinkedResource> ours(TodoTask t) {
        return t.getLinkedResources() == null ? Optional.empty() : t.getLinkedResources().stream()
                .filter(r -> APPLICATION.equals(r.getApplicationName())).findFirst();
    }

    /** The idempotency key the task was created with. */
    static Optional<String> key(TodoTask t) {
        return ours(t).map(LinkedResource::getDisplayName).filter(n -> n != null && n.startsWith(KEY_PREFIX))
                .map(n -> n.substring(KEY_PREFIX.length()));
    }

    static GroupwareItem<TaskData> fromGraph(TodoTask t, ZoneId zone) {
        Optional<LinkedResource> link = ours(t);
        TaskStatus status = t.getStatus() == null ? TaskStatus.NOT_STARTED : switch (t.getStatus()) {
            case InProgress -> TaskStatus.IN_PROGRESS;
            case Completed -> TaskStatus.COMPLETED;
            case WaitingOnOthers -> TaskStatus.WAITING;
            case Deferred -> TaskStatus.DEFERRED;
            default -> TaskStatus.NOT_STARTED;
        };
        Importance importance = t.getImportance() == null ? Importance.NORMAL : switch (t.getImportance()) {
            case Low -> Importance.LOW;
            case High -> Importance.HIGH;
            default -> Importance.NORMAL;
        };
        String body = t.getBody() == null || t.getBody().getContent() == null ? ""
                : t.getBody().getContentType() == BodyType.Html ? Html.toText(t.getBody().getContent()) : t.getBody().getContent();
        TaskData data = new TaskData(t.getTitle(), body, instant(t.getStartDateTime()), due(t.getDueDateTime(), zone),
                status, status == TaskStatus.COMPLETED ? instant(t.getCompletedDateTime()) : Optional.empty(),
                Boolean.TRUE.equals(t.getIsReminderOn()) ? instant(t.getReminderDateTime()) : Optional.empty(),
                importance, t.getCategories() == null ? List.of() : t.getCategories(),
                link.map(LinkedResource::getWebUrl).filter(u -> u != null && !u.isBlank()).flatMap(TaskMapper::uri));
        return new GroupwareItem<>(t.getId(), version(t),
                link.map(LinkedResource::getExternalId).filter(id -> id != null && !id.isEmpty()), data,
                Graph.modifiedAt(t.getLastModifiedDateTime()));
    }

    static String version(TodoTask t) {
        return Graph.etag(t.getAdditionalData())
                .orElseGet(() -> t.getLastModifiedDateTime() == null ? "" : t.getLastModifiedDateTime().toString());
    }

    private static DateTimeTimeZone utc(Instant i) {
        return GraphTimes.of(i, ZoneOffset.UTC);
    }

    /** The due date of an instant, as To Do keeps it: the date in the account's zone, at 00:00. */
    static DateTimeTimeZone dueDate(Instant due, ZoneId zone) {
        return GraphTimes.of(LocalDate.ofInstant(due, zone).atStartOfDay(), zone.getId());
    }

    /** The due To Do keeps, a date (whatever zone it is labelled with), as the start of that date in the account's zone. */
    private static Optional<Instant> due(DateTimeTimeZone t, ZoneId zone) {
        return t == null || t.getDateTime() == null ? Optional.empty()
                : Optional.of(GraphTimes.local(t).toLocalDate().atStartOfDay(zone).toInstant());
    }

    private static Optional<Instant> instant(DateTimeTimeZone t) {
        return t == null || t.getDateTime() == null ? Optional.empty() : Optional.of(GraphTimes.instant(t, ZoneOffset.UTC));
    }

    private static Optional<URI> uri(String s) {
        try {
            return Optional.of(URI.create(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
