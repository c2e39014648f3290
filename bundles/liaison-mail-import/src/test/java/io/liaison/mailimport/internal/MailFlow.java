package io.liaison.mailimport.internal;

import io.liaison.api.connector.AccountContext;
import io.liaison.api.connector.ConnectorFactory;
import io.liaison.api.connector.ConnectorSession;
import io.liaison.api.connector.MailStore;
import io.liaison.api.content.Categorization;
import io.liaison.api.content.ContentServiceStoppedException;
import io.liaison.api.content.DocumentCategorizer;
import io.liaison.api.content.MessageParser;
import io.liaison.api.content.ParsedMessage;
import io.liaison.api.domain.Classification;
import io.liaison.api.crm.DocumentStore;
import io.liaison.api.crm.ActivityCreation;
import io.liaison.api.crm.ActivityStore;
import io.liaison.api.crm.DocumentUpload;
import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.AccountRequest;
import io.liaison.api.runtime.JournalEntry;
import io.liaison.api.runtime.SyncRun;
import io.liaison.api.runtime.SyncTrigger;
import io.liaison.connector.local.internal.LocalConnectorFactory;
import io.liaison.content.internal.MessageParserComponent;
import io.liaison.content.internal.ParseLimits;
import io.liaison.content.internal.TikaDocumentCategorizer;
import io.liaison.crm.embedded.internal.JdbcHostCrm;
import io.liaison.runtime.internal.CredentialVault;
import io.liaison.runtime.internal.DefaultAccountService;
import io.liaison.runtime.internal.DefaultSyncService;
import io.liaison.runtime.internal.JdbcAccountRepository;
import io.liaison.runtime.internal.JdbcSyncJournal;
import io.liaison.runtime.internal.JdbcTokenStore;
import io.liaison.runtime.internal.JdbcTokenStore;
import io.liaison.runtime.internal.RuntimeDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The whole mail import as it runs in Karaf, wired by hand: the embedded CRM and the runtime on in-memory H2,
 * the local connector on a temporary folder tree, the content bundle's parser and categoriser. Faults are
 * injected at the two boundaries a crash can fall between: the CRM's document store and the groupware's move.
 */
final class MailFlow {
    static final EmployeeId DEMO = EmployeeId.of("demo");

    final Path root;
    final JdbcHostCrm crm;
    final JdbcSyncJournal journal;
    final DefaultSyncService sync;
    final MailImport mailImport;
    final GroupwareAccount account;
    final DefaultAccountService accounts;
    /** The runtime's token store (the import keeps its counts of failed reads there). */
    final JdbcTokenStore tokens;
    /** How many of the next document stores fail. */
    final AtomicInteger failingAttaches = new AtomicInteger();
    /**
     * Whether the CRM creates an activity with its documents in one transaction (the embedded CRM does); when false,
     * it behaves like a CRM that relies on the SPI's default, one call per document.
     */
    volatile boolean atomicCreates = true;
    /** How often the import called each method of the CRM's activity store, by method name. */
    final Map<String, AtomicInteger> activityCalls = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * Whether the activity store answers {@code findByKeys} with the SPI's default (one call per key and kind), as a
     * CRM that does not implement it does.
     */
    volatile boolean defaultKeyLookups;
    /** How many of the next moves fail. */
    final AtomicInteger failingMoves = new AtomicInteger();

    /** Names of messages on whose parse the parser throws this error (as a parser that ran out of heap would). */
    final Map<String, Error> parserErrors = new java.util.concurrent.ConcurrentHashMap<>();

    /** The parser's time limit, and so each message's budget, when set; else the parser's own. */
    volatile Duration parseTimeLimit;
    /** Whether each document's categorisation takes all the time it is given. */
    volatile boolean slowAttachments;
    /** Whether the categoriser behaves as one being stopped (its bundle stopping under the run). */
    volatile boolean categoriserStopped;
    /** The deadlines the slow categorisation was given. */
    final List<Instant> deadlines = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Called after each activity the CRM created (e.g. to cancel the run part way). */
    volatile Runnable afterCreate = () -> { };

    MailFlow(Path dir) {
        this(dir, 1);
    }

    /** @param parsingThreads the import's parsing threads (0: everything on the run's thread) */
    MailFlow(Path dir, int parsingThreads) {
        this.root = dir.resolve("groupware");
        this.crm = new JdbcHostCrm(h2("crm"));
        DataSource runtimeDb = h2("runtime");
        RuntimeDatabase.migrate(runtimeDb);
        this.accounts = DefaultAccountService.of(new JdbcAccountRepository(runtimeDb),
                new CredentialVault(dir.resolve("vault.key")));
        accounts.addConnectorFactory(new FaultyLocalConnector());
        this.journal = new JdbcSyncJournal(runtimeDb);
        this.sync = new DefaultSyncService(accounts, journal);
        this.tokens = new JdbcTokenStore(runtimeDb);
        this.mailImport = new MailImport(faultyCrm(), failingParser(new MessageParserComponent(ParseLimits.DEFAULTS, dir)),
                slowCategorizer(new TikaDocumentCategorizer(List.of(), 100_000, Duration.ofSeconds(30))), accounts, sync,
                tokens, config(true, parsingThreads), Clock.systemUTC());
        sync.addAreaSynchronizer(mailImport);
        this.account = accounts.create(new AccountRequest(DEMO, "local", Map.of("root", root.toString(), "createRoot", "true"),
                false, null, Set.of(SyncArea.MAILS), null));
    }

    Path inbox() {
        return root.resolve("Mail").resolve("Inbox");
    }

    Path importFolder() {
        return inbox().resolve("Import folder");
    }

    Path archive() {
        return inbox().resolve("CRM activities");
    }

    SyncRun run() {
        return run(account);
    }

    SyncRun run(GroupwareAccount of) {
        return sync.sync(of.id(), Set.of(SyncArea.MAILS), SyncTrigger.SCHEDULED);
    }

    /** A colleague in the CRM with a mail account of their own on a folder tree at {@code tree}. */
    GroupwareAccount colleague(EmployeeId employee, Path tree) {
        crm.saveEmployee(new io.liaison.api.domain.Employee(employee, employee.value(), employee.value(),
                employee.value() + "@liaison.example"));
        return accounts.create(new AccountRequest(employee, "local", Map.of("root", tree.toString(), "createRoot",
                "true"), false, null, Set.of(SyncArea.MAILS), null));
    }

    List<JournalEntry> entries(SyncRun run) {
        return journal.entries(run.id());
    }

    /** Cancels the runs under way, as a shutdown does (without waiting: a test calls this from the run's thread). */
    void cancelRuns() {
        sync.cancelAll();
    }

    static MailImportConfig config(boolean editDocumentStep) {
        return config(editDocumentStep, 1);
    }

    static MailImportConfig config(boolean editDocumentStep, int parsingThreads) {
        return new MailImportConfig() {
            @Override public Class<? extends Annotation> annotationType() { return MailImportConfig.class; }
            @Override public String importFolderName() { return "Import folder"; }
            @Override public String archiveFolderName() { return "CRM activities"; }
            @Override public boolean editDocumentStep() { return editDocumentStep; }
            @Override public String originalCategory() { return "E-Mail"; }
            @Override public int maxMessagesPerRun() { return 500; }
            @Override public int parsingThreads() { return parsingThreads; }
            @Override public String notImportedFolderName() { return "Not imported"; }
            @Override public int maxFailedAttempts() { return 3; }
            @Override public String outgoingActivityType() { return "MAILOUT"; }
        };
    }

    Path notImported() {
        return inbox().resolve("Not imported");
    }

    /**
     * The real parser, which throws {@link #parserErrors}' error for a message named there and has
     * {@link #parseTimeLimit} as its time limit when one is set.
     */
    private MessageParser failingParser(MessageParser parser) {
        return new MessageParser() {
            @Override
            public ParsedMessage parse(InputStream content, String mediaType, String name) {
                Error error = parserErrors.get(name);
                if (error != null) {
                    throw error;
                }
                return parser.parse(content, mediaType, name);
            }

            @Override
            public Duration timeLimit() {
                Duration limit = parseTimeLimit;
                return limit != null ? limit : parser.timeLimit();
            }

            @Override
            public java.util.Optional<Path> spoolDirectory() {
                return parser.spoolDirectory(); // the flow's own directory: tests running beside it spool elsewhere
            }
        };
    }

    /**
     * The real categoriser, or while {@link #slowAttachments} is set one that takes all the time it is given for
     * each document (as a slow parser would) and records the deadline.
     */
    private DocumentCategorizer slowCategorizer(DocumentCategorizer real) {
        return new DocumentCategorizer() {
            @Override
            public Classification categorize(String fileName, String mediaType, InputStream content) {
                return categorize(fileName, mediaType, content, Instant.now().plusSeconds(30));
            }

            @Override
            public Classification categorize(String fileName, String mediaType, InputStream content,
                                             Instant deadline) {
                return categorizeWithin(fileName, mediaType, content, deadline).classification();
            }

            @Override
            public Categorization categorizeWithin(String fileName, String mediaType, InputStream content,
                                                   Instant deadline) {
                if (categoriserStopped) {
                    throw new ContentServiceStoppedException("the document categoriser was stopped");
                }
                if (!slowAttachments) {
                    return real.categorizeWithin(fileName, mediaType, content, deadline);
                }
                deadlines.add(deadline);
                while (Instant.now().isBefore(deadline)) {
                    LockSupport.parkNanos(Duration.between(Instant.now(), deadline).toNanos());
                }
                return new Categorization(Classification.NONE, Optional.of("reading the text took longer than the "
                        + "time left"));
            }
        };
    }

    private static DataSource h2(String name) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return ds;
    }

    /**
     * The real CRM, whose document store fails while {@link #failingAttaches} is positive: a one-transaction create
     * fails on such a document as a whole; without them ({@link #atomicCreates} false) the activity stays behind.
     */
    private HostCrm faultyCrm() {
        String fault = "injected fault: the CRM's document store is down";
        DocumentStore documents = proxy(DocumentStore.class, crm.documents(), "attach", failingAttaches, fault);
        ActivityStore activities = countingActivities();
        InvocationHandler handler = (p, m, args) -> {
            if (m.getName().equals("documents")) {
                return documents;
            }
            if (m.getName().equals("activities")) {
                return activities;
            }
            if (m.getName().equals("createWithDocuments")) {
                if (!atomicCreates) {
                    return InvocationHandler.invokeDefault(p, m, args);
                }
                List<DocumentUpload> uploads = new ArrayList<>();
                for (Object o : (List<?>) args[3]) {
                    DocumentUpload u = (DocumentUpload) o;
                    uploads.add(new DocumentUpload(u.document(), () -> {
                        if (failingAttaches.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                            throw new IOException(fault);
                        }
                        return u.content().open();
                    }));
                }
                args = new Object[] {args[0], args[1], args[2], uploads};
            }
            try {
                Object result = m.invoke(crm, args);
                if (m.getName().equals("createWithDocuments") && ((ActivityCreation) result).created()) {
                    afterCreate.run();
                }
                return result;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (HostCrm) Proxy.newProxyInstance(HostCrm.class.getClassLoader(), new Class<?>[] {HostCrm.class}, handler);
    }

    /** The real activity store, counting the calls ({@link #activityCalls}); see {@link #defaultKeyLookups}. */
    private ActivityStore countingActivities() {
        ActivityStore real = crm.activities();
        InvocationHandler handler = (p, m, args) -> {
            activityCalls.computeIfAbsent(m.getName(), k -> new AtomicInteger()).incrementAndGet();
            if (m.getName().equals("findByKeys") && defaultKeyLookups) {
                return InvocationHandler.invokeDefault(p, m, args);
            }
            try {
                return m.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (ActivityStore) Proxy.newProxyInstance(ActivityStore.class.getClassLoader(),
                new Class<?>[] {ActivityStore.class}, handler);
    }

    /** How often the import called this method of the activity store. */
    int activityCalls(String method) {
        AtomicInteger calls = activityCalls.get(method);
        return calls == null ? 0 : calls.get();
    }

    /** The real local connector, whose moves fail while {@link #failingMoves} is positive. */
    private final class FaultyLocalConnector implements ConnectorFactory {
        private final LocalConnectorFactory local = new LocalConnectorFactory();

        @Override
        public String type() {
            return local.type();
        }

        @Override
        public ConnectorSession open(AccountContext context) {
            ConnectorSession session = local.open(context);
            MailStore mail = proxy(MailStore.class, session.mail().orElseThrow(), "move", failingMoves,
                    "injected fault: the groupware refused the move");
            return proxy(ConnectorSession.class, session, "mail", null, null, Optional.of(mail));
        }
    }

    /**
     * A proxy that delegates to {@code target}, except that {@code method} fails while {@code failures} is
     * positive, or returns {@code replacement} when one is given.
     */
    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, String method, AtomicInteger failures, String failure,
                               Object... replacement) {
        InvocationHandler handler = (p, m, args) -> {
            if (m.getName().equals(method)) {
                if (replacement.length > 0) {
                    return replacement[0];
                }
                if (failures != null && failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    throw new IllegalStateException(failure);
                }
            }
            try {
                return m.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
