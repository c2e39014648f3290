package io.liaison.connector.graph.internal;

import com.microsoft.graph.models.BodyType;
import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.EventCollectionResponse;
import com.microsoft.graph.models.EventType;
import com.microsoft.graph.models.ItemBody;
import com.microsoft.graph.users.item.UserItemRequestBuilder;
import com.microsoft.graph.users.item.calendarview.delta.DeltaGetResponse;
import io.liaison.api.connector.ChangeSet;
import io.liaison.api.connector.ConnectorState;
import io.liaison.api.connector.ConnectorException;
import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.IdempotencyKey;
import io.liaison.api.connector.ItemProblem;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.Lookup;
import io.liaison.api.connector.SyncToken;
import io.liaison.api.connector.item.EventData;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
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
 * the token remembers the masters it reported and confirms them (in {@code $batch} requests) when a delta reports
 * removals it cannot attribute; only masters Graph answers 404 for are reported removed. The masters are kept in the
 * connector state ({@link SeriesMasters}), not in the token, which stays a position of a few hundred characters
 * however many series the calendar holds.
 *
 * <p>Window: the window's dates are fixed in the delta token; Graph reports changes outside it as removals, which are
 * only candidates for the sync engine to confirm through {@link #lookUp}. When today's window has moved more than
 * {@link #WINDOW_SLACK} from the token's, a new token is made (a complete listing).
 *
 * <p>Creates carry a {@code transactionId} derived from the idempotency key and the key itself in an extended
 * property, which is looked up first; the CRM id lives in one extended property found with {@code $filter}.
 */
final class GraphEventStore implements ItemStore<EventData> {

    private static final Logger LOG = LoggerFactory.getLogger(GraphEventStore.class);

    /**
     * How far the calendar window may drift from today's before a new delta token moves it: the window is fixed in
     * the token, and a new token costs a complete listing of the window (nothing is written again: the engine
     * matches by link, and confirms the linked events that aged out of the window through {@link #lookUp}).
     */
    static final Duration WINDOW_SLACK = Duration.ofDays(7);

    private final Supplier<UserItemRequestBuilder> user;
    private final GraphCalls calls;
    private final GraphSettings settings;
    private final GraphBatch batch;
    private final EventMapper mapper;
    private final Clock clock;
    private final SeriesMasters series;

    GraphEventStore(Supplier<UserItemRequestBuilder> user, GraphCalls calls, GraphSettings settings, GraphBatch batch,
                    Clock clock, ConnectorState state) {
        this.series = new SeriesMasters(state);
        this.batch = batch;
        this.user = user;
        this.calls = calls;
        this.settings = settings;
        this.clock = clock;
        this.mapper = new EventMapper(settings.timeZone());
    }

    @Override
    public ChangeSet<GroupwareItem<EventData>> changes(Optional<SyncToken> since) {
        Instant windowStart = windowStart();
        if (since.isPresent()) {
            EventToken token = EventToken.parse(since.get());
            if (token.windowStart().filter(start -> !aged(start, windowStart)).isEmpty()) {
                LOG.info("{}: the calendar window of the delta token starts {}, today's starts {}: reading the window"
                        + " completely", calls.account(), token.windowStart().map(Instant::toString).orElse("(unknown)"),
                        windowStart);
                return read(Optional.empty(), windowStart);
            }
            try {
                return read(Optional.of(token), token.windowStart().orElseThrow());
            } catch (GraphCalls.DeltaExpired e) {
                LOG.info("{}: the calendar's delta token expired; reading the calendar window completely", calls.account());
            }
        }
        return read(Optional.empty(), windowStart);
    }

    /** Where today's calendar window starts: {@code calendarPastDays} before the start of today (UTC). */
    private Instant windowStart() {
        return clock.instant().truncatedTo(ChronoUnit.DAYS).minus(settings.calendarPastDays(), ChronoUnit.DAYS);
    }

    /** Whether a token's window has drifted too far from today's (time passed, or the reach was changed). */
    static boolean aged(Instant tokenStart, Instant todaysStart) {
        return Duration.between(tokenStart, todaysStart).abs().compareTo(WINDOW_SLACK) > 0;
    }

    /**
     * Reads the calendar view. Graph's calendar view delta reports as {@code @removed} (reason "deleted") also the
     * events outside its window that were added, updated or deleted ("event: delta",
     * https://learn.microsoft.com/en-us/graph/api/event-delta), so a removal here is only a candidate: the sync
     * engine confirms it through {@link #lookUp} before deleting anything.
     */
    private ChangeSet<GroupwareItem<EventData>> read(Optional<EventToken> token, Instant windowStart) {
        var delta = user.get().calendarView().delta();
        String from = windowStart.toString();
        String to = windowStart.plus((long) settings.calendarPastDays() + settings.calendarFutureDays(), ChronoUnit.DAYS)
                .toString();
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
        Instant readAt = clock.instant();
        // the masters reported before: kept in the connector state (tokens written before it held them themselves)
        Set<String> masters = series.known(token.flatMap(EventToken::readAt));
        token.ifPresent(t -> masters.addAll(t.masters()));
        Set<String> knownBefore = Set.copyOf(masters);
        removed.removeAll(toRead);
        if (!masters.containsAll(removed)) {
            // removed occurrences name no series: confirm the series reported before, 20 per $batch; only those
            // Graph answers 404 for are reported removed (the rest may just have left the window, or be unchanged)
            Set<String> unread = new LinkedHashSet<>(masters);
            unread.removeAll(toRead);
            unread.removeAll(removed);
            lookUp(unread).forEach((id, found) -> {
                if (found instanceof Lookup.Gone) {
                    removed.add(id);
                }
            });
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
        Set<String> dropped = new LinkedHashSet<>(knownBefore);
        // a complete listing names every series of the window: those it did not name are no longer followed
        dropped.removeAll(complete ? changed.keySet() : masters);
        masters.removeAll(dropped);
        series.update(masters, dropped, readAt);
        List<String> removedIds = complete ? List.of() : List.copyOf(removed);
        return new ChangeSet<>(List.copyOf(changed.values()), removedIds, problems,
                new EventToken(result.deltaLink(), Optional.of(windowStart), Optional.of(readAt), List.of()).toSyncToken(),
                complete);
    }

    /** Reads the events in {@code $batch} requests of 20 (one GET for one id): found, gone (404) or unreadable. */
    @Override
    public Map<String, Lookup<EventData>> lookUp(Collection<String> ids) {
        Map<String, Event> events = details(new LinkedHashSet<>(ids));
        Map<String, Lookup<EventData>> found = new LinkedHashMap<>();
        for (String id : ids) {
            Event event = events.get(id);
            if (event == null) {
                found.put(id, new Lookup.Gone<>());
                continue;
            }
            try {
                found.put(id, new Lookup.Found<>(mapper.fromGraph(event)));
            } catch (IllegalArgumentException | java.time.DateTimeException | NullPointerException e) {
                found.put(id, new Lookup.Unreadable<>("event " + id + " cannot be read: " + e.getMessage()));
            }
        }
        return found;
    }

    /** The events with their CRM reference: one GET, or $batch requests for several. */
    private Map<String, Event> details(Set<String> ids) {
        if (ids.size() <= 1) {
            Map<String, Event> one = new LinkedHashMap<>();
            ids.forEach(id -> fetch(id).ifPresent(e -> one.put(id, e)));
            return one;
        }
        Map<String, Event> events = batchRead(ids, ExtendedProperties.CRM_REFERENCE);
        Set<String> legacy = new LinkedHashSet<>();
        events.forEach((id, e) -> {
            if (EventMapper.holdsLegacyLink(e)) {
                legacy.add(id);
            }
        });
        if (!legacy.isEmpty()) {
            Map<String, Event> crmIds = legacy.size() == 1 ? fetchCrmIds(legacy) : batchRead(legacy, ExtendedProperties.CRM_ID);
            crmIds.forEach((id, e) -> addCrmId(events.get(id), e));
        }
        return events;
    }

    private Map<String, Event> batchRead(Set<String> ids, String property) {
        Map<String, com.microsoft.kiota.RequestInformation> requests = new LinkedHashMap<>();
        for (String id : ids) {
            requests.put(id, user.get().events().byEventId(id)
                    .toGetRequestInformation(c -> c.queryParameters.expand = new String[] {ExtendedProperties.expand(property)}));
        }
        return batch.getAll("event", requests, Event::createFromDiscriminatorValue);
    }

    private Map<String, Event> fetchCrmIds(Set<String> ids) {
        Map<String, Event> found = new LinkedHashMap<>();
        ids.forEach(id -> read(id, ExtendedProperties.CRM_ID).ifPresent(e -> found.put(id, e)));
        return found;
    }

    /**
     * Puts the CRM id read with a second request into an event written before the reference carried it; both reads
     * are needed because Graph documents one extended property per {@code $expand} ({@link ExtendedProperties}).
     */
    private static void addCrmId(Event event, Event withCrmId) {
        if (event == null) {
            return;
        }
        ExtendedProperties.stored(withCrmId.getSingleValueExtendedProperties(), ExtendedProperties.CRM_ID).ifPresent(id -> {
            List<com.microsoft.graph.models.SingleValueLegacyExtendedProperty> properties = new ArrayList<>(
                    Optional.ofNullable(event.getSingleValueExtendedProperties()).orElse(List.of()));
            properties.add(ExtendedProperties.with(ExtendedProperties.CRM_ID, id));
            event.setSingleValueExtendedProperties(properties);
        });
    }

    @Override
    public Optional<GroupwareItem<EventData>> get(String id) {
        return fetch(id).map(mapper::fromGraph);
    }

    /** The event with its CRM reference (and, for an event written before the reference, its CRM id). */
    private Optional<Event> fetch(String id) {
        Optional<Event> event = read(id, ExtendedProperties.CRM_REFERENCE);
        event.filter(EventMapper::holdsLegacyLink)
                .ifPresent(e -> read(id, ExtendedProperties.CRM_ID).ifPresent(withId -> addCrmId(e, withId)));
        return event;
    }

    private Optional<Event> read(String id, String property) {
        return calls.find("event " + id, () -> user.get().events().byEventId(id)
                .get(c -> c.queryParameters.expand = new String[] {ExtendedProperties.expand(property)}));
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

    /**
     * Writes only what the CRM changed compared with the event as read just before ({@link EventPatch}): no PATCH
     * when nothing changed. The body of an online meeting is written only when the CRM's text changed, and then into
     * the HTML body read for that update, its meeting block kept ({@link OnlineMeetingBody}).
     */
    @Override
    public GroupwareItem<EventData> update(String id, String expectedVersion, EventData data, Optional<String> crmId) {
        Event read = current(id, expectedVersion);
        GroupwareItem<EventData> current = mapper.fromGraph(read);
        Event wanted = toGraph(data, crmId, Optional.empty(), "event " + id);
        Optional<Event> fields = EventPatch.of(current, data, crmId, wanted);
        Optional<ItemBody> body = EventPatch.bodyChanged(current.data(), data)
                ? Boolean.TRUE.equals(read.getIsOnlineMeeting()) ? meetingBody(id, data.bodyText()) : Optional.of(wanted.getBody())
                : Optional.empty();
        if (fields.isEmpty() && body.isEmpty()) {
            LOG.debug("{}: event {} already shows the CRM's values: not written", calls.account(), id);
            return current;
        }
        Event event = fields.orElseGet(Event::new);
        body.ifPresent(event::setBody);
        calls.call("event " + id, () -> user.get().events().byEventId(id)
                .patch(event, c -> c.headers.add("If-Match", ExtendedProperties.ifMatch(expectedVersion))));
        return get(id).orElseThrow(() -> new io.liaison.api.connector.ItemNotFoundException(
                calls.account() + ": event " + id + " vanished right after its update"));
    }

    /**
     * An online meeting's new body: its HTML, read for this update, with the CRM's text before the meeting block;
     * empty (the text not written) when the HTML shows no meeting block that could be kept.
     */
    private Optional<ItemBody> meetingBody(String id, String text) {
        Event html = calls.call("the body of event " + id, () -> user.get().events().byEventId(id).get(c -> {
            c.headers.add("Prefer", "outlook.body-content-type=\"html\"");
            c.queryParameters.select = new String[] {"body"};
        }));
        String content = html == null || html.getBody() == null || html.getBody().getContent() == null ? ""
                : html.getBody().getContent();
        Optional<String> updated = OnlineMeetingBody.withCrmText(content, text);
        if (updated.isEmpty()) {
            LOG.info("{}: event {} is an online meeting whose body shows no meeting block: its text is not written,"
                    + " so as not to disable the meeting", calls.account(), id);
        }
        return updated.map(h -> {
            ItemBody body = new ItemBody();
            body.setContentType(BodyType.Html);
            body.setContent(h);
            return body;
        });
    }

    /**
     * The event as read just before a write, if its change key is still the one the caller read. "Update event" and
     * "Delete event" document no {@code If-Match}, so this comparison is what detects a concurrent edit; the header is
     * still sent, in case Graph honours it for the moment between this read and the write.
     */
    private Event current(String id, String expectedVersion) {
        Event read = fetch(id).orElseThrow(() -> new io.liaison.api.connector.ItemNotFoundException(
                calls.account() + ": event " + id + " is not there (any more)"));
        if (!EventMapper.version(read).equals(expectedVersion)) {
            throw new io.liaison.api.connector.VersionConflictException(calls.account() + ": event " + id
                    + " was changed meanwhile (its change key moved on)");
        }
        return read;
    }

    @Override
    public void delete(String id, String expectedVersion) {
        current(id, expectedVersion);
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
                    c.queryParameters.select = new String[] {"id"};
                    c.queryParameters.expand = new String[] {ExtendedProperties.expand(property)};
                    c.queryParameters.top = ExtendedProperties.CANDIDATES;
                }));
        // Graph compares the value case-insensitively: only the exact value is ours; the one found is then read
        // whole, as one $expand brings only the property filtered on
        return found == null || found.getValue() == null ? Optional.empty()
                : found.getValue().stream().filter(e -> ExtendedProperties.value(e.getSingleValueExtendedProperties(), property)
                        .filter(value::equals).isPresent()).findFirst().flatMap(e -> fetch(e.getId())).map(mapper::fromGraph);
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

    /**
     * The calendar's sync token: the delta link, the start of the window it was made for (a line {@code @window
     * <instant>}; absent in tokens written before the window moved, which then count as aged), when it was read (a
     * line {@code @read <instant>}, which lets {@link SeriesMasters} prune what this read dropped), and, in tokens
     * written before the masters moved to the connector state, the series masters reported so far (one per line).
     */
    record EventToken(String deltaLink, Optional<Instant> windowStart, Optional<Instant> readAt, List<String> masters) {
        private static final String WINDOW = "@window ";
        private static final String READ = "@read ";

        static EventToken parse(SyncToken token) {
            String[] lines = token.value().split("\n");
            List<String> masters = new ArrayList<>();
            Optional<Instant> windowStart = Optional.empty();
            Optional<Instant> readAt = Optional.empty();
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].startsWith(WINDOW)) {
                    windowStart = instant(lines[i].substring(WINDOW.length()));
                } else if (lines[i].startsWith(READ)) {
                    readAt = instant(lines[i].substring(READ.length()));
                } else if (!lines[i].isBlank()) {
                    masters.add(lines[i]);
                }
            }
            return new EventToken(lines[0], windowStart, readAt, masters);
        }

        private static Optional<Instant> instant(String text) {
            try {
                return Optional.of(Instant.parse(text.trim()));
            } catch (java.time.format.DateTimeParseException e) {
                return Optional.empty();
            }
        }

        SyncToken toSyncToken() {
            StringBuilder s = new StringBuilder(deltaLink);
            windowStart.ifPresent(w -> s.append('\n').append(WINDOW).append(w));
            readAt.ifPresent(r -> s.append('\n').append(READ).append(r));
            masters.forEach(m -> s.append('\n').append(m));
            return new SyncToken(s.toString());
        }
    }
}
