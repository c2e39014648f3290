package io.liaison.activitysync.internal;

import io.liaison.api.connector.item.Sensitivity;
import io.liaison.api.connector.item.TaskData;
import io.liaison.api.connector.item.TaskStatus;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityData;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.EmployeeId;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Tasks and follow-ups ↔ groupware tasks. A follow-up's due time is its due date, else its start; the CRM's
 * reminder (a lead time) becomes the task's reminder time before the due date (or the start), and back. The CRM
 * knows only open and done: "in progress", "waiting" and "deferred" stay in the groupware while the task is open.
 */
final class TaskMapping implements ItemMapping<TaskData> {

    private final Clock clock;

    TaskMapping(Clock clock) {
        this.clock = clock;
    }

    @Override
    public TaskData toGroupware(Activity activity, Optional<TaskData> current, Optional<URI> link) {
        ActivityData a = activity.data();
        boolean followUp = a.type().equals(ActivityType.FOLLOW_UP);
        Optional<Instant> start = followUp ? Optional.empty() : a.start();
        Optional<Instant> due = followUp ? a.due().or(a::start) : a.due();
        Optional<Instant> anchor = due.or(() -> start);
        // without a due date or start the CRM's lead time has nothing to count from, and the groupware's reminder
        // (an absolute time) is its own
        Optional<Instant> reminderAt = anchor.isPresent() ? a.reminder().map(r -> anchor.get().minus(r))
                : current.flatMap(TaskData::reminderAt);
        TaskStatus status;
        if (a.completedAt().isPresent()) {
            status = TaskStatus.COMPLETED;
        } else {
            status = current.map(TaskData::status).filter(s -> s != TaskStatus.COMPLETED).orElse(TaskStatus.NOT_STARTED);
        }
        // a task private because the CRM marked its activity so takes the CRM's details, which the CRM holds itself
        Optional<TaskData> privateOne = current.filter(c -> c.sensitivity().isPrivate())
                .filter(c -> !crmsOwnPrivate(a));
        if (privateOne.isPresent()) {
            // the CRM holds this task's busy form only: its private details stay as the groupware has them
            TaskData c = privateOne.get();
            return new TaskData(c.subject(), c.bodyText(), start, due, status, a.completedAt(), reminderAt,
                    a.importance(), c.categories(), link, c.sensitivity());
        }
        return new TaskData(a.subject(), a.text(), start, due, status, a.completedAt(), reminderAt, a.importance(),
                a.categories(), link, ItemMapping.sensitivity(a, current.map(TaskData::sensitivity)));
    }

    @Override
    public ActivityData toCrm(TaskData t, Optional<ActivityData> current, EmployeeId owner, StatusKeys status) {
        ActivityData.Builder b = current.map(ActivityData::toBuilder)
                .orElseGet(() -> ActivityData.builder(ActivityType.TASK, owner).status(status.open()));
        boolean followUp = current.map(c -> c.type().equals(ActivityType.FOLLOW_UP)).orElse(false);
        current.filter(c -> !Texts.same(c.text(), t.bodyText())).ifPresent(c -> b.html(""));
        // the same text with other line breaks keeps the CRM's own, and with it the HTML
        String text = current.map(ActivityData::text).filter(c -> Texts.same(c, t.bodyText())).orElse(t.bodyText());
        if (!followUp) {
            b.start(t.start().orElse(null));
        }
        b.due(t.due().orElse(null));
        Optional<Instant> anchor = t.due().or(t::start);
        if (anchor.isPresent()) {
            b.reminder(t.reminderAt().map(r -> anchor.get().isBefore(r) ? Duration.ZERO : Duration.between(r, anchor.get()))
                    .orElse(null));
        } else if (current.isEmpty()) {
            b.reminder(null); // a reminder without a due date stays the groupware's: the CRM cannot say it
        }
        boolean done = t.status() == TaskStatus.COMPLETED;
        if (done) {
            b.completedAt(t.completedAt().or(() -> current.flatMap(ActivityData::completedAt)).orElse(clock.instant()));
            b.status(status.done());
        } else {
            b.completedAt(null);
            if (current.map(c -> c.status().equals(status.done())).orElse(false)) {
                b.status(status.open());
            }
        }
        return b.subject(t.subject()).text(text).importance(t.importance()).categories(t.categories()).build();
    }

    @Override
    public String hash(TaskData t) {
        return Hashes.of("task", t.subject(), Texts.normalised(t.bodyText()).strip(), t.start().map(Instant::toString).orElse("-"),
                t.due().map(Instant::toString).orElse("-"), t.status() == TaskStatus.COMPLETED,
                syncedReminder(t).map(Instant::toString).orElse("-"), t.importance(), t.categories());
    }

    /** The reminder as far as the CRM holds it: not one without a due date or start, which stays in the groupware. */
    private static Optional<Instant> syncedReminder(TaskData t) {
        return t.due().or(t::start).isPresent() ? t.reminderAt() : Optional.empty();
    }

    @Override
    public String label(TaskData t) {
        return "task '" + t.subject() + "'" + t.due().map(d -> " due " + d).orElse("");
    }

    @Override
    public Optional<URI> crmLink(TaskData t) {
        return t.crmLink();
    }

    @Override
    public TaskData withLink(TaskData t, URI link) {
        return new TaskData(t.subject(), t.bodyText(), t.start(), t.due(), t.status(), t.completedAt(), t.reminderAt(),
                t.importance(), t.categories(), Optional.of(link), t.sensitivity());
    }

    @Override
    public Sensitivity sensitivity(TaskData t) {
        return t.sensitivity();
    }

    @Override
    public TaskData reduced(TaskData t) {
        return new TaskData(privateSubject(), "", t.start(), t.due(), t.status(), t.completedAt(), t.reminderAt(),
                t.importance(), List.of(), t.crmLink(), t.sensitivity());
    }

    @Override
    public TaskData withSensitivity(TaskData item, Sensitivity sensitivity) {
        return item.withSensitivity(sensitivity);
    }

    @Override
    public String privateSubject() {
        return "Private task";
    }

    @Override
    public boolean skipped(TaskData t) {
        return false;
    }

    @Override
    public List<String> addresses(TaskData t) {
        return List.of();
    }

    @Override
    public SyncFilters.Facts facts(TaskData t) {
        return new SyncFilters.Facts(t.categories(), t.start().or(t::due), t.due().or(t::start), false, false,
                Optional.empty(), false);
    }

    @Override
    public TaskData withCategories(TaskData t, List<String> categories) {
        return new TaskData(t.subject(), t.bodyText(), t.start(), t.due(), t.status(), t.completedAt(), t.reminderAt(),
                t.importance(), categories, t.crmLink(), t.sensitivity());
    }
}
