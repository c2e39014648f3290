package io.liaison.connector.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.connector.ConnectorSession;
import io.liaison.api.connector.IdempotencyKey;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.item.TaskData;
import io.liaison.api.connector.item.TaskStatus;
import io.liaison.api.domain.Importance;
import io.liaison.connector.tck.TaskStoreContract;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The connector contract for tasks, against the Graph emulator; a person's edits are PATCHes through Graph. */
class GraphTaskStoreContractTest extends TaskStoreContract {

    @RegisterExtension
    static final GraphStores STORES = new GraphStores();

    /**
     * To Do keeps only the date of a due time (microsoftgraph/microsoft-graph-docs issue 16991: 04:10 comes back as
     * 00:00): the due read back is the start of its date in the account's zone (Europe/Berlin in these tests); the
     * reminder keeps its time.
     */
    @Override
    protected void assertSameContent(TaskData actual, TaskData expected) {
        ZoneId zone = ZoneId.of("Europe/Berlin");
        Optional<Instant> dueDate = expected.due().map(d -> LocalDate.ofInstant(d, zone).atStartOfDay(zone).toInstant());
        assertThat(actual).isEqualTo(new TaskData(expected.subject(), expected.bodyText(), expected.start(), dueDate,
                expected.status(), expected.completedAt(), expected.reminderAt(), expected.importance(),
                expected.categories(), expected.crmLink()));
    }

    /**
     * "todoTask: delta" supports {@code $expand}: changed tasks come with their linked resources (the CRM id and
     * link), and no task is read a second time. Also across pages (the tokens keep the {@code $expand}) and in the
     * next round.
     */
    @Test
    void theDeltaBringsTheLinkedResourcesAlongWithoutASecondRead() {
        ItemStore<TaskData> store = openEmptyStore();
        for (int i = 1; i <= 12; i++) {
            store.create(sample(i), Optional.of("crm-" + i), new IdempotencyKey("delta-" + i));
        }
        STORES.resetStats();

        var first = reopenStore().changes(Optional.empty());

        assertThat(first.changed()).hasSize(12).allSatisfy(t -> assertThat(t.crmId()).isPresent());
        assertThat(first.changed()).extracting(t -> t.crmId().orElseThrow())
                .containsExactlyInAnyOrder(java.util.stream.IntStream.rangeClosed(1, 12).mapToObj(i -> "crm-" + i)
                        .toArray(String[]::new));
        Map<String, Integer> kinds = STORES.requestsByKind();
        assertThat(kinds).doesNotContainKeys("batch", "todoTasks.get");
        assertThat(kinds.get("todoTasks.delta")).isGreaterThan(1);

        var task = first.changed().get(0);
        editOutsideLiaison(task.id());
        STORES.resetStats();
        var next = reopenStore().changes(Optional.of(first.next()));

        assertThat(next.changed()).singleElement().satisfies(t -> assertThat(t.crmId()).isEqualTo(task.crmId()));
        assertThat(STORES.requestsByKind()).doesNotContainKeys("batch", "todoTasks.get");
    }

    /** A due time late in the evening in Berlin is already the next day in UTC: the date is Berlin's, not UTC's. */
    @Test
    void aDueTimeNearMidnightKeepsItsDateInTheAccountsZone() {
        ItemStore<TaskData> store = openEmptyStore();
        Instant lateEvening = Instant.parse("2026-03-10T23:30:00Z"); // 00:30 on 11 March in Berlin
        Instant reminder = Instant.parse("2026-03-10T22:45:00Z");
        TaskData data = new TaskData("Send the offer", "", Optional.empty(), Optional.of(lateEvening),
                TaskStatus.NOT_STARTED, Optional.empty(), Optional.of(reminder),
                Importance.NORMAL, List.of(), Optional.empty());
        String id = store.create(data, Optional.empty(), new IdempotencyKey("near-midnight")).id();

        TaskData read = store.get(id).orElseThrow().data();

        assertThat(read.due()).contains(Instant.parse("2026-03-10T23:00:00Z")); // 11 March, 00:00 in Berlin
        assertThat(read.reminderAt()).contains(reminder);
        assertThat(STORES.mailbox().item(id)).extracting(t -> ((Map<?, ?>) t.get("dueDateTime")).get("dateTime"))
                .isEqualTo("2026-03-11T00:00:00.0000000");
    }

    @Override
    protected ItemStore<TaskData> openEmptyStore() {
        return STORES.openEmpty(ConnectorSession::tasks);
    }

    @Override
    protected ItemStore<TaskData> reopenStore() {
        return STORES.reopen(ConnectorSession::tasks);
    }

    @Override
    protected void editOutsideLiaison(String itemId) {
        STORES.editInOutlook("/todo/lists/" + STORES.mailbox().folderId("tasks") + "/tasks/" + itemId,
                "{\"title\":\"Changed in To Do\"}");
    }

    @Override
    protected void removeOutsideLiaison(String itemId) {
        STORES.mailbox().remove(itemId);
    }

    /** Confirmations read 3 items in 1 {@code $batch} request(s) of up to 20; Graph's 404 is gone. */
    @Test
    void lookUpReadsTwentyPerBatchAndAnswersGoneForA404() throws Exception {
        lookUpWithOneRemoved(3, STORES::resetStats);
        assertThat(STORES.requestsByKind()).containsEntry("batch", 1).containsEntry("todoTasks.get", 3);
    }
}
