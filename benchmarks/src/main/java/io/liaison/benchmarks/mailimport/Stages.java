package io.liaison.benchmarks.mailimport;

import io.liaison.api.connector.AccountContext;
import io.liaison.api.connector.ConnectorFactory;
import io.liaison.api.connector.ConnectorSession;
import io.liaison.api.connector.MailStore;
import io.liaison.api.content.DocumentCategorizer;
import io.liaison.api.content.MessageParser;
import io.liaison.api.crm.HostCrm;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where a pipeline run's time goes: wraps the three services the mail import calls (message parser, document
 * categoriser, host CRM) and adds up the wall time spent in each. What is left of a run is the connector
 * (listing, reading, moving files), the runtime's journal, the Message-ID/hash key and the import's own code.
 */
final class Stages {
    final LongAdder parseNanos = new LongAdder();
    final LongAdder categorizeNanos = new LongAdder();
    final LongAdder crmNanos = new LongAdder();
    final LongAdder connectorNanos = new LongAdder();
    final LongAdder categorized = new LongAdder();
    /** Time per CRM and mail store method ("documents.attach", "mail.move"), until {@link #resetDetail()}. */
    final Map<String, LongAdder> detail = new ConcurrentSkipListMap<>();
    final Map<String, LongAdder> calls = new ConcurrentSkipListMap<>();

    void resetDetail() {
        detail.clear();
        calls.clear();
    }

    private void detail(String what, long nanos) {
        detail.computeIfAbsent(what, k -> new LongAdder()).add(nanos);
        calls.computeIfAbsent(what, k -> new LongAdder()).increment();
    }

    void reset() {
        parseNanos.reset();
        categorizeNanos.reset();
        crmNanos.reset();
        connectorNanos.reset();
        categorized.reset();
    }

    MessageParser parser(MessageParser parser) {
        return (content, mediaType, name) -> {
            long t0 = System.nanoTime();
            try {
                return parser.parse(content, mediaType, name);
            } finally {
                parseNanos.add(System.nanoTime() - t0);
            }
        };
    }

    DocumentCategorizer categorizer(DocumentCategorizer categorizer) {
        return (fileName, mediaType, content) -> {
            long t0 = System.nanoTime();
            try {
                return categorizer.categorize(fileName, mediaType, content);
            } finally {
                categorizeNanos.add(System.nanoTime() - t0);
                categorized.increment();
            }
        };
    }

    /** The connector, timing every call on its mail store (reading a message's content is the parser's time). */
    ConnectorFactory connector(ConnectorFactory factory) {
        return new ConnectorFactory() {
            @Override
            public String type() {
                return factory.type();
            }

            @Override
            public ConnectorSession open(AccountContext context) {
                ConnectorSession session = factory.open(context);
                Optional<MailStore> mail = session.mail().map(m -> timed(MailStore.class, m, connectorNanos, "mail"));
                return (ConnectorSession) Proxy.newProxyInstance(ConnectorSession.class.getClassLoader(),
                        new Class<?>[] {ConnectorSession.class}, (p, m, args) -> {
                            if (m.getName().equals("mail") && m.getParameterCount() == 0) {
                                return mail;
                            }
                            try {
                                return m.invoke(session, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
    }

    @SuppressWarnings("unchecked")
    private <T> T timed(Class<T> type, T target, LongAdder nanos, String prefix) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            long t0 = System.nanoTime();
            try {
                return m.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                long t = System.nanoTime() - t0;
                nanos.add(t);
                detail(prefix + "." + m.getName(), t);
            }
        });
    }

    /**
     * The CRM, timing every call on its stores and directories and its own calls ({@code createWithDocuments}), the
     * reading of documents' contents included.
     */
    @SuppressWarnings("unchecked")
    HostCrm crm(HostCrm crm) {
        return (HostCrm) Proxy.newProxyInstance(HostCrm.class.getClassLoader(), new Class<?>[] {HostCrm.class},
                (p, m, args) -> {
                    if (!m.getReturnType().isInterface()) {
                        // a call of the CRM itself (createWithDocuments): timed as a whole
                        long t0 = System.nanoTime();
                        try {
                            return m.invoke(crm, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        } finally {
                            long t = System.nanoTime() - t0;
                            crmNanos.add(t);
                            detail("crm." + m.getName(), t);
                        }
                    }
                    try {
                        Object store = m.invoke(crm, args);
                        return store == null ? null : timed((Class<Object>) m.getReturnType(), store, crmNanos, m.getName());
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
