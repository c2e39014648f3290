package io.liaison.connector.graph.internal;

import com.microsoft.graph.models.LinkedResource;
import com.microsoft.graph.models.TodoTask;
import com.microsoft.graph.models.TodoTaskCollectionResponse;
import com.microsoft.graph.models.TodoTaskList;
import com.microsoft.graph.models.TodoTaskListCollectionResponse;
import com.microsoft.graph.models.WellknownListName;
import com.microsoft.graph.users.item.UserItemRequestBuilder;
import com.microsoft.graph.users.item.todo.lists.item.TodoTaskListItemRequestBuilder;
import com.microsoft.graph.users.item.todo.lists.item.tasks.delta.DeltaGetResponse;
import io.liaison.api.connector.ChangeSet;
import io.liaison.api.connector.ConnectorException;
import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.IdempotencyKey;
import io.liaison.api.connector.ItemNotFoundException;
import io.liaison.api.connector.ItemProblem;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.Lookup;
import io.liaison.api.connector.SyncToken;
import io.liaison.api.connector.item.TaskData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tasks in Microsoft To Do (the Outlook tasks API is gone): the list named by the {@code todoList} setting, or the
 * default list. Changes by {@code tasks/delta}; the CRM id and the link back live in Liaison's linked resource of
 * the task (see {@link TaskMapper}). To Do cannot filter tasks by linked resource, so {@link #findByCrmId} and the
 * idempotency check of {@link #create} scan the list's tasks with their linked resources (one request per page of
 * 100 tasks).
 */
final class GraphTaskStore implements ItemStore<TaskData> {

    private static final Logger LOG = LoggerFactory.getLogger(GraphTaskStore.class);
    private static final String[] EXPAND = {"linkedResources"};

    private final Supplier<UserItemRequestBuilder> user;
    private final GraphCalls calls;
    private final GraphSettings settings;
    private final GraphBatch batch;
    private String listId;

    GraphTaskStore(Supplier<UserItemRequestBuilder> user, GraphCalls calls, GraphSettings settings, GraphBatch batch) {
        this.batch = batch;
        this.user = user;
        this.calls = calls;
        this.settings = settings;
    }

    @Override
    public ChangeSet<GroupwareItem<TaskData>> changes(Optional<SyncToken> since) {
        if (since.isPresent()) {
            try {
                return read(Optional.of(since.get().value()));
            } catch (GraphCalls.DeltaExpired e) {
                LOG.info("{}: the To Do list's delta token expired; reading the list completely", calls.account());
            }
        }
        return read(Optional.empty());
    }

    private ChangeSet<GroupwareItem<TaskData>> read(Optional<String> deltaLink) {
        var delta = list().tasks().delta();
        // "todoTask: delta" supports $expand: the linked resources (our CRM id and link) come with each changed task,
        // and the tokens keep the $expand of the first request
        GraphCalls.DeltaResult<TodoTask> result = calls.delta("the To Do list",
                () -> deltaLink.map(link -> delta.withUrl(link).get())
                        .orElseGet(() -> delta.get(c -> c.queryParameters.expand = EXPAND)),
                link -> delta.withUrl(link).get(), DeltaGetResponse::getValue);
        boolean complete = deltaLink.isEmpty();
        Map<String, TodoTask> latest = new LinkedHashMap<>();
        Set<String> removed = new LinkedHashSet<>();
        for (TodoTask t : result.items()) {
            if (Graph.isRemoved(t.getAdditionalData())) {
                latest.remove(t.getId());
                removed.add(t.getId());
            } else {
                removed.remove(t.getId());
                latest.put(t.getId(), t);
            }
        }
        // a delta link made before the delta asked for $expand brings tasks without their linked resources: those
        // are read with them, so that no task loses its CRM id on the way
        Set<String> toRead = new LinkedHashSet<>();
        latest.forEach((id, t) -> {
            if (t.getLinkedResources() == null) {
                toRead.add(id);
            }
        });
        Map<String, TodoTask> read = details(toRead);
        Map<String, GroupwareItem<TaskData>> changed = new LinkedHashMap<>();
        List<ItemProblem> problems = new ArrayList<>();
        for (Map.Entry<String, TodoTask> e : latest.entrySet()) {
            String id = e.getKey();
            TodoTask task = toRead.contains(id) ? read.get(id) : e.getValue();
            if (task == null) {
                removed.add(id);
                continue;
            }
            try {
                changed.put(id, TaskMapper.fromGraph(task, settings.timeZone()));
            } catch (IllegalArgumentException | java.time.DateTimeException unreadable) {
                problems.add(new ItemProblem("task " + id, "cannot be read: " + unreadable.getMessage()));
            }
        }
        return new ChangeSet<>(List.copyOf(changed.values()), complete ? List.of() : List.copyOf(removed), problems,
                new SyncToken(result.deltaLink()), complete);
    }

    /** The tasks with their linked resources: one GET, or {@code $batch} requests of 20 for several (404s left out). */
    private Map<String, TodoTask> details(Set<String> ids) {
        if (ids.size() <= 1) {
            Map<String, TodoTask> one = new LinkedHashMap<>();
            ids.forEach(id -> fetch(id).ifPresent(t -> one.put(id, t)));
            return one;
        }
        Map<String, com.microsoft.kiota.RequestInformation> requests = new LinkedHashMap<>();
        for (String id : ids) {
            requests.put(id, list().tasks().byTodoTaskId(id).toGetRequestInformation(c -> c.queryParameters.expand = EXPAND));
        }
        return batch.getAll("task", requests, TodoTask::createFromDiscriminatorValue);
    }

    /** Reads the tasks in {@code $batch} requests of 20 (one GET for one id): found, gone (404) or unreadable. */
    @Override
    public Map<String, Lookup<TaskData>> lookUp(Collection<String> ids) {
        Map<String, TodoTask> tasks = details(new LinkedHashSet<>(ids));
        Map<String, Lookup<TaskData>> found = new LinkedHashMap<>();
        for (String id : ids) {
            TodoTask task = tasks.get(id);
            if (task == null) {
                found.put(id, new Lookup.Gone<>());
                continue;
            }
            try {
                found.put(id, new Lookup.Found<>(TaskMapper.fromGraph(task, settings.timeZone())));
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                found.put(id, new Lookup.Unreadable<>("task " + id + " cannot be read: " + e.getMessage()));
            }
        }
        return found;
    }

    @Override
    public Optional<GroupwareItem<TaskData>> get(String id) {
        return fetch(id).map(t -> TaskMapper.fromGraph(t, settings.timeZone()));
    }

    private Optional<TodoTask> fetch(String id) {
        return calls.find("task " + id, () -> list().tasks().byTodoTaskId(id).get(c -> c.queryParameters.expand = EXPAND));
    }

    @Override
    public GroupwareItem<TaskData> create(TaskData data, Optional<String> crmId, IdempotencyKey key) {
        Optional<TodoTask> existing = scan(t -> TaskMapper.key(t).filter(key.value()::equals).isPresent());
        if (existing.isPresent()) {
            return TaskMapper.fromGraph(existing.get(), settings.timeZone());
        }
        TodoTask task = TaskMapper.toGraph(data, settings.timeZone());
        task.setLinkedResources(new ArrayList<>(List.of(TaskMapper.link(crmId, data.crmLink(), key.value()))));
        TodoTask created = calls.call("creating the task for key " + key.value(), () -> list().tasks().post(task));
        return get(created.getId()).orElseThrow(() -> new ConnectorException(calls.account() + ": task "
                + created.getId() + " vanished right after its creation"));
    }

    @Override
    public GroupwareItem<TaskData> update(String id, String expectedVersion, TaskData data, Optional<String> crmId) {
        TodoTask before = fetch(id).orElseThrow(() -> new ItemNotFoundException(calls.account() + ": task " + id
                + " is not there (any more)"));
        if (!TaskMapper.version(before).equals(expectedVersion)) {
            throw new io.liaison.api.connector.VersionConflictException(calls.account() + ": task " + id
                    + " was changed meanwhile");
        }
        TodoTask task = TaskMapper.toGraph(data, settings.timeZone());
        calls.call("task " + id, () -> list().tasks().byTodoTaskId(id)
                .patch(task, c -> c.headers.add("If-Match", expectedVersion)));
        Optional<LinkedResource> link = TaskMapper.ours(before);
        String key = TaskMapper.key(before).orElse("update-" + id.hashCode());
        LinkedResource wanted = TaskMapper.link(crmId, data.crmLink(), key);
        if (link.isEmpty()) {
            calls.call("linking task " + id, () -> list().tasks().byTodoTaskId(id).linkedResources().post(wanted));
        } else if (!Objects.equals(link.get().getExternalId(), wanted.getExternalId())
                || !Objects.equals(link.get().getWebUrl(), wanted.getWebUrl())) {
            calls.call("linking task " + id, () -> list().tasks().byTodoTaskId(id).linkedResources()
                    .byLinkedResourceId(link.get().getId()).patch(wanted));
        }
        return get(id).orElseThrow(() -> new ItemNotFoundException(calls.account() + ": task " + id
                + " vanished right after its update"));
    }

    @Override
    public void delete(String id, String expectedVersion) {
        TodoTask before = fetch(id).orElseThrow(() -> new ItemNotFoundException(calls.account() + ": task " + id
                + " is not there (any more)"));
        if (!TaskMapper.version(before).equals(expectedVersion)) {
            throw new io.liaison.api.connector.VersionConflictException(calls.account() + ": task " + id
                    + " was changed meanwhile");
        }
        calls.run("task " + id, () -> list().tasks().byTodoTaskId(id)
                .delete(c -> c.headers.add("If-Match", expectedVersion)));
    }

    @Override
    public Optional<GroupwareItem<TaskData>> findByCrmId(String crmId) {
        return scan(t -> TaskMapper.ours(t).map(LinkedResource::getExternalId).filter(crmId::equals).isPresent())
                .map(t -> TaskMapper.fromGraph(t, settings.timeZone()));
    }

    /** The first task of the list that matches, reading the list page by page with the linked resources. */
    private Optional<TodoTask> scan(Predicate<TodoTask> match) {
        var tasks = list().tasks();
        TodoTaskCollectionResponse page = calls.call("the tasks of the To Do list", () -> tasks.get(c -> {
            c.queryParameters.expand = EXPAND;
            c.queryParameters.top = 100;
        }));
        while (page != null) {
            if (page.getValue() != null) {
                Optional<TodoTask> found = page.getValue().stream().filter(match).findFirst();
                if (found.isPresent()) {
                    return found;
                }
            }
            String next = page.getOdataNextLink();
            page = next == null ? null : calls.call("the tasks of the To Do list", () -> tasks.withUrl(next).get());
        }
        return Optional.empty();
    }

    private synchronized TodoTaskListItemRequestBuilder list() {
        if (listId == null) {
            var lists = user.get().todo().lists();
            TodoTaskListCollectionResponse page = calls.call("the To Do lists", () -> lists.get());
            List<TodoTaskList> all = new ArrayList<>();
            while (page != null) {
                if (page.getValue() != null) {
                    all.addAll(page.getValue());
                }
                String next = page.getOdataNextLink();
                page = next == null ? null : calls.call("the To Do lists", () -> lists.withUrl(next).get());
            }
            Optional<String> wanted = settings.todoList();
            listId = all.stream()
                    .filter(l -> wanted.isPresent() ? wanted.get().equalsIgnoreCase(l.getDisplayName())
                            : l.getWellknownListName() == WellknownListName.DefaultList)
                    .map(TodoTaskList::getId).findFirst()
                    .orElseThrow(() -> new ConnectorException(calls.account() + ": there is no To Do list "
                            + wanted.map(n -> "named '" + n + "'").orElse("marked as the default list")));
        }
        return user.get().todo().lists().byTodoTaskListId(listId);
    }

}
