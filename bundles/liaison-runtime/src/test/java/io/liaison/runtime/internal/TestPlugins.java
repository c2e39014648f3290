package io.liaison.runtime.internal;

import io.liaison.api.connector.AccountContext;
import io.liaison.api.connector.ConnectorFactory;
import io.liaison.api.connector.ConnectorSession;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.MailStore;
import io.liaison.api.connector.SignInFailedException;
import io.liaison.api.connector.item.ContactData;
import io.liaison.api.connector.item.EventData;
import io.liaison.api.connector.item.TaskData;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.AreaSynchronizer;
import io.liaison.api.runtime.SyncContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Small real implementations of the plug-in interfaces the runtime tracks, for its tests. */
final class TestPlugins {

    private TestPlugins() {
    }

    /** A connector of type {@code test}: counts sign-ins, refuses them while told to. */
    static final class TestConnectorFactory implements ConnectorFactory {
        final AtomicInteger signIns = new AtomicInteger();
        final List<AccountContext> contexts = new CopyOnWriteArrayList<>();
        final List<TestSession> sessions = new CopyOnWriteArrayList<>();
        volatile String refusal;

        @Override
        public String type() {
            return "test";
        }

        /** Refuses an endpoint on another host than groupware.example, as a real connector checks its hosts. */
        @Override
        public void checkSettings(Map<String, String> settings) {
            String endpoint = settings.get("endpoint");
            if (endpoint != null && !java.net.URI.create(endpoint).getHost().equals("groupware.example")) {
                throw new IllegalArgumentException("setting 'endpoint' names host "
                        + java.net.URI.create(endpoint).getHost() + ", not groupware.example");
            }
        }

        @Override
        public java.util.Set<String> credentialBoundSettings() {
            return java.util.Set.of("tenant", "endpoint");
        }

        @Override
        public java.util.Set<String> secretSettings() {
            return java.util.Set.of("trustStorePassword");
        }

        /** The mailbox: its root folder or address, and where the credentials go. */
        @Override
        public java.util.Set<String> identitySettings() {
            return java.util.Set.of("tenant", "endpoint", "root", "mailbox");
        }

        @Override
        public ConnectorSession open(AccountContext context) {
            signIns.incrementAndGet();
            contexts.add(context);
            if (refusal != null) {
                throw new SignInFailedException(refusal);
            }
            TestSession session = new TestSession();
            sessions.add(session);
            return session;
        }
    }

    /** A session without stores that knows whether it was closed. */
    static final class TestSession implements ConnectorSession {
        volatile boolean closed;

        @Override
        public Optional<MailStore> mail() {
            return Optional.empty();
        }

        @Override
        public Optional<ItemStore<EventData>> events() {
            return Optional.empty();
        }

        @Override
        public Optional<ItemStore<TaskData>> tasks() {
            return Optional.empty();
        }

        @Override
        public Optional<ItemStore<ContactData>> contacts() {
            return Optional.empty();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** What a synchronizer does in a test. */
    @FunctionalInterface
    interface Work {
        void run(SyncArea area, SyncContext context) throws Exception;
    }

    /** A module serving some areas by running the given work, counting its calls. */
    static final class TestSynchronizer implements AreaSynchronizer {
        final Set<SyncArea> areas;
        final Work work;
        final AtomicInteger calls = new AtomicInteger();

        TestSynchronizer(Set<SyncArea> areas, Work work) {
            this.areas = areas;
            this.work = work;
        }

        @Override
        public Set<SyncArea> areas() {
            return areas;
        }

        @Override
        public void synchronize(SyncArea area, SyncContext context) throws Exception {
            calls.incrementAndGet();
            work.run(area, context);
        }

        /** The areas forgotten, as "account/AREA". */
        final List<String> forgotten = new CopyOnWriteArrayList<>();

        @Override
        public void forget(io.liaison.api.domain.AccountId account, SyncArea area) {
            forgotten.add(account.value() + "/" + area);
        }
    }

    /** Keeps the events posted. */
    static final class RecordingEventAdmin implements EventAdmin {
        final List<Event> events = new CopyOnWriteArrayList<>();

        @Override
        public void postEvent(Event event) {
            events.add(event);
        }

        @Override
        public void sendEvent(Event event) {
            events.add(event);
        }

        List<Event> onTopic(String topic) {
            return events.stream().filter(e -> e.getTopic().equals(topic)).toList();
        }
    }
}
