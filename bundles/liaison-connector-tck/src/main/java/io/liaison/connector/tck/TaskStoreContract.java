package io.liaison.connector.tck;

import io.liaison.api.connector.item.TaskData;
import io.liaison.api.connector.item.TaskStatus;
import io.liaison.api.domain.Importance;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@link ItemStoreContract} for tasks, with sample tasks that are open, in progress and completed, with
 * start, due and reminder times, importance, categories and the link to the CRM.
 */
public abstract class TaskStoreContract extends ItemStoreContract<TaskData> {

    @Override
    protected TaskData sample(int n) {
        Instant due = Instant.parse("2026-02-10T16:00:00Z").plus(Duration.ofDays(n));
        TaskStatus status = switch (n % 3) {
            case 0 -> TaskStatus.COMPLETED;
            case 1 -> TaskStatus.NOT_STARTED;
            default -> TaskStatus.IN_PROGRESS;
        };
        return new TaskData("Call back customer " + n, "Ask about the offer for Müller & Söhne, item " + n,
                Optional.of(due.minus(Duration.ofDays(2))), Optional.of(due), status,
                status == TaskStatus.COMPLETED ? Optional.of(due.minus(Duration.ofHours(3))) : Optional.empty(),
                Optional.of(due.minus(Duration.ofHours(1))), n % 2 == 0 ? Importance.HIGH : Importance.NORMAL,
                List.of("Follow-up"), Optional.of(URI.create("https://crm.example.com/activities/t" + n)));
    }

    @Override
    protected TaskData changed(TaskData d) {
        return new TaskData(d.subject() + " (again)", d.bodyText() + "\nNo answer yet.", d.start(),
                d.due().map(x -> x.plus(Duration.ofDays(1))), TaskStatus.IN_PROGRESS, Optional.empty(),
                Optional.empty(), Importance.LOW, List.of("Follow-up", "Urgent"), d.crmLink());
    }
}
