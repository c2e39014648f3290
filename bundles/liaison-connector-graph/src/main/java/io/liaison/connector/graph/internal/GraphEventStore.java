package io.liaison.connector.graph.internal;

import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.EventCollectionResponse;
import com.microsoft.graph.models.EventType;
import com.microsoft.graph.users.item.UserItemRequestBuilder;
import com.microsoft.graph.users.item.calendarview.delta.DeltaGetResponse;
import io.liaison.api.connector.ChangeSet;
import io.liaison.api.connector.ConnectorException;
import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.IdempotencyKey;
import io.liaison.api.connector.ItemProblem;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.SyncToken;
import io.liaison.api.connector.item.EventData;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mailbox's default calendar, read by {@code calendarView/delta} in a window around today.
 *
 * <p>Series: Graph's calendar view lists single events, occurrences and exceptions, never series masters. This
 * store reports a series as ONE item, its master (with its RRULE): every occurrence or exception in a delta page
 * is folded into its {@code seriesMasterId}, and the master is read. Changes to a single occurrence therefore show
 * as a change of the series; exceptions are not separate items. Removals of occurrences carry ids nobody linked, so
 * the token remembers the masters it reported and checks them whenever a delta reports removals.
 *
 * <p>Creates carry a {@code transactionId} derived from the idempotency key and the key itself in an extended
 * property, which is looked up first; the CRM id lives in one extended property found with {@code $filter}.
 */
final class GraphEventStore implements ItemStore<EventData> {

    private static final Logger LOG = LoggerFactory.getLogger(GraphEventStore.class);

    private final Supplier<UserItemRequestBuilder> user;
    private final GraphCalls calls;
    private final GraphSettings settings;
    private final GraphBatch batch;
    private final EventMapper mapper;

    GraphEventStore(Supplier<UserItemRequestBuilder> user, GraphCalls calls, GraphSettings settings, GraphBatch batch) {
        this.batch = batch;
        this.user = user;
        this.calls = calls;
        this.settings = settings;
        this.mapper = new EventMapper(settings.timeZone());
    }

    @Override
    public ChangeSet<GroupwareItem<EventData>> changes(Optional<SyncToken> since) {
        if (since.isPresent()) {
            EventToken token = EventToken.parse(since.get());
            try {
                return read(Optional.of(token));
            } catch (GraphCalls.DeltaExpired e) {
                LOG.info("{}: the calendar's delta token expired; reading the calendar window completely", calls.account());
            }
        }
        return read(Optional.empty());
    }

    private ChangeSet<GroupwareItem<EventData>> read(Optional<EventToken> token) {
        var delta = user.get().calendarView().delta();
        Instant now = Instant.now().truncatedTo(ChronoUnit.DAYS);
        String from = now.minus(settings.calendarPastDays(), ChronoUnit.DAYS).toString();
        String to = now.plus(settings.calendarFutureDays(), ChronoUnit.DAYS).toString();
        GraphCalls.DeltaResult<Event> result = calls.delta("the calendar",
                () -> token.map(t -> delta.withUrl(t.deltaLink()).get()).orElseGet(() -> delta.get(c -> {
                    c.queryParameters.startDateTime = from;
                    c.queryParameters.endDateTime = to;
                })), link -> delta.withUrl(link).get(), DeltaGetResponse::getValue);
        boolean complete = token.isEmpty();
        Set<String> toRead = new LinkedHashSet<>();
        Set<String> removed = new LinkedHashSet<>();
        for (Event e : result.items()) {
            if (Graph.isRemoved(e.getAdditionalData())) {
                removed.add(e.getId());
            } else if ((e.getType() == EventType.Occurrence || e.getType() == EventType.Exception)
                    && e.getSeriesMasterId() != null) {
                toRead.add(e.getSeriesMasterId());
            } else {
                toRead.add(e.getId());
            }
        }
        Set<String> masters = new LinkedHashSet<>(token.map(EventToken::masters).orElse(List.of()));
        if (!removed.isEmpty()) {
            // an occurrence's removal may mean its series is gone: check the masters reported before
            for (String master : List.copyOf(masters)) {
                if (!toRead.contains(master) && get(master).isEmpty()) {
                    removed.add(master);
                }
            }
        }
        Map<String, GroupwareItem<EventData>> changed = new LinkedHashMap<>();
        List<ItemProblem> problems = new ArrayList<>();
        Map<String, Event> events = details(toRead);
        for (String id : toRead) {
            Event event = events.get(id);
            if (event == null) {
                removed.add(id);
                continue;
            }
            removed.remove(id);
            try {
                GroupwareItem<EventData> item = mapper.fromGraph(event);
                changed.put(item.id(), item);
                if (event.getType() == EventType.SeriesMaster) {
                    masters.add(item.id());
                }
            } catch (IllegalArgumentException | java.time.DateTimeException | NullPointerException e) {
                // Graph sent an event this mapping cannot read (no start, an odd time): report it, leave it
                problems.add(new ItemProblem("event " + id, "cannot be read: " + e.getMessage()));
            }
        }
        masters.removeAll(removed);
        List<String> removedIds = complete ? List.of() : List.copyOf(removed);
        return new ChangeSet<>(List.copyOf(changed.values()), removedIds, problems,
                new EventToken(result.deltaLink(), List.copyOf(masters)).toSyncToken(), complete);
    }

    /** The events with their extended properties: one GET, or $batch requests for several. */
    private Map<String, Event> details(Set<String> ids) {
        if (ids.size() <= 1) {
            Map<String, Event> one = new LinkedHashMap<>();
            ids.forEach(id -> fetch(id).ifPresent(e -> one.put(id, e)));
            return one;
        }
        Map<String, com.microsoft.kiota.RequestInformation> requests = new LinkedHashMap<>();
        for (String id : ids) {
            requests.put(id, user.get().events().byEventId(id)
                    .toGetRequestInformation(c -> c.queryParameters.expand = new String[] {ExtendedProperties.EXPAND}));
        }
        return batch.getAll("event", requests, Event::createFromDiscriminatorValue);
    }

    @Override
    public Optional<GroupwareItem<EventData>> get(String id) {
        return fetch(id).map(mapper::fromGraph);
    }

    private Optional<Event> fetch(String id) {
        return calls.find("event " + id, () -> user.get().events().byEventId(id)
                .get(c -> c.queryParameters.expand = new String[] {ExtendedProperties.EXPAND}));
    }

    @Override
    public GroupwareItem<EventData> create(EventData data, Optional<String> crmId, IdempotencyKey key) {
        Optional<GroupwareItem<EventData>> existing = findBy(ExtendedProperties.KEY, key.value());
        if (existing.isPresent()) {
            LOG.debug("{}: event for key {} exists already: {}", calls.account(), key.value(), existing.get().id());
            return existing.get();
        }
        Event event = toGraph(data, crmId, Optional.of(key.value()), "event for key " + key.value());
        event.setTransactionId(transactionId(key));
        Event created = calls.call("creating the event for key " + key.value(), () -> user.get().events().post(event));
        return fetch(created.getId()).map(mapper::fromGraph).orElseThrow(() ->
                new ConnectorException(calls.account() + ": event " + created.getId() + " vanished right after its creation"));
    }

    @Override
    public GroupwareItem<EventData> update(String id, String expectedVersion, EventData data, Optional<String> crmId) {
        Event event = toGraph(data, crmId, Optional.empty(), "event " + id);
        calls.call("event " + id, () -> user.get().events().byEventId(id)
                .patch(event, c -> c.headers.add("If-Match", ExtendedProperties.ifMatch(expectedVersion))));
        return get(id).orElseThrow(() -> new io.liaison.api.connector.ItemNotFoundException(
                calls.account() + ": event " + id + " vanished right after its update"));
    }

    @Override
    public void delete(String id, String expectedVersion) {
        calls.run("event " + id, () -> user.get().events().byEventId(id)
                .delete(c -> c.headers.add("If-Match", ExtendedProperties.ifMatch(expectedVersion))));
    }

    @Override
    public Optional<GroupwareItem<EventData>> findByCrmId(String crmId) {
        return findBy(ExtendedProperties.CRM_ID, crmId);
    }

    private Optional<GroupwareItem<EventData>> findBy(String property, String value) {
        EventCollectionResponse found = calls.call("events with " + property.substring(property.lastIndexOf(' ') + 1)
                + " " + value, () -> user.get().events().get(c -> {
                    c.queryParameters.filter = ExtendedProperties.filter(property, value);
                    c.queryParameters.expand = new String[] {ExtendedProperties.EXPAND};
                    c.queryParameters.top = 2;
                }));
        return found == null || found.getValue() == null ? Optional.empty()
                : found.getValue().stream().findFirst().map(mapper::fromGraph);
    }

    private Event toGraph(EventData data, Optional<String> crmId, Optional<String> key, String what) {
        try {
            return mapper.toGraph(data, crmId, key);
        } catch (IllegalArgumentException e) {
            throw new ConnectorException(calls.account() + ": " + what + " cannot be written to Graph: " + e.getMessage(), e);
        }
    }

    /** The same key always gives the same transaction id, so Graph drops a repeated POST. */
    static String transactionId(IdempotencyKey key) {
        return UUID.nameUUIDFromBytes(("liaison:" + key.value()).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The calendar's sync token: the delta link, and the series masters reported so far (one per line). */
    record EventToken(String deltaLink, List<String> masters) {
        static EventToken parse(SyncToken token) {
            String[] lines = token.value().split("\n");
            List<String> masters = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    masters.add(lines[i]);
                }
            }
            return new EventToken(lines[0], masters);
        }

        SyncToken toSyncToken() {
            StringBuilder s = new StringBuilder(deltaLink);
            masters.forEach(m -> s.append('\n').append(m));
            return new SyncToken(s.toString());
        }
    }
}
