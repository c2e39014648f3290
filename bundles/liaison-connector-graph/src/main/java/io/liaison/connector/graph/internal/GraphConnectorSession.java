package io.liaison.connector.graph.internal;

import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.UserItemRequestBuilder;
import io.liaison.api.connector.ConnectorSession;
import io.liaison.api.connector.ConnectorState;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.MailStore;
import io.liaison.api.connector.item.ContactData;
import io.liaison.api.connector.item.ContactLimits;
import io.liaison.api.connector.item.EventData;
import io.liaison.api.connector.item.TaskData;
import java.time.Clock;
import java.util.Optional;
import okhttp3.OkHttpClient;

/** A session on one mailbox: the four stores share the Graph client, its token and its concurrency gate. */
final class GraphConnectorSession implements ConnectorSession {

    private final GraphServiceClient client;
    private final OkHttpClient http;
    private final GraphSettings settings;
    private final GraphCalls calls;
    private final GraphBatch batch;
    private final Clock clock;
    private final ConnectorState state;
    private MailStore mail;
    private ItemStore<EventData> events;
    private ItemStore<TaskData> tasks;
    private ItemStore<ContactData> contacts;

    GraphConnectorSession(GraphServiceClient client, OkHttpClient http, GraphSettings settings, GraphCalls calls, Clock clock,
                          ConnectorState state) {
        this.state = state;
        this.client = client;
        this.clock = clock;
        this.http = http;
        this.settings = settings;
        this.calls = calls;
        this.batch = new GraphBatch(client, calls);
    }

    /** The mailbox's requests: {@code /users/{mailbox}}, or {@code /me} for delegated sign-in. */
    UserItemRequestBuilder user() {
        return client.users().byUserId(settings.userSegment());
    }

    @Override
    public synchronized Optional<MailStore> mail() {
        if (mail == null) {
            mail = new GraphMailStore(this::user, calls);
        }
        return Optional.of(mail);
    }

    @Override
    public synchronized Optional<ItemStore<EventData>> events() {
        if (events == null) {
            events = new GraphEventStore(this::user, calls, settings, batch, clock, state);
        }
        return Optional.of(events);
    }

    @Override
    public synchronized Optional<ItemStore<TaskData>> tasks() {
        if (tasks == null) {
            tasks = new GraphTaskStore(this::user, calls, settings, batch);
        }
        return Optional.of(tasks);
    }

    @Override
    public synchronized Optional<ItemStore<ContactData>> contacts() {
        if (contacts == null) {
            contacts = new GraphContactStore(this::user, calls, settings, batch);
        }
        return Optional.of(contacts);
    }

    @Override
    public ContactLimits contactLimits() {
        return ContactMapper.LIMITS;
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
