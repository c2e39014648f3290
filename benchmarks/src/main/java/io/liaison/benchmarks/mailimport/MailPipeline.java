package io.liaison.benchmarks.mailimport;

import io.liaison.api.connector.ConnectorFactory;
import io.liaison.api.content.DocumentCategorizer;
import io.liaison.api.content.MessageParser;
import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.AccountRequest;
import io.liaison.api.runtime.JournalEntry;
import io.liaison.api.runtime.SyncRun;
import io.liaison.api.runtime.SyncTrigger;
import io.liaison.connector.local.internal.LocalConnectorFactory;
import io.liaison.crm.embedded.internal.JdbcHostCrm;
import io.liaison.mailimport.internal.MailImport;
import io.liaison.mailimport.internal.MailImportConfig;
import io.liaison.runtime.internal.CredentialVault;
import io.liaison.runtime.internal.DefaultAccountService;
import io.liaison.runtime.internal.DefaultSyncService;
import io.liaison.runtime.internal.JdbcAccountRepository;
import io.liaison.runtime.internal.JdbcSyncJournal;
import io.liaison.runtime.internal.JdbcTokenStore;
import io.liaison.runtime.internal.RuntimeDatabase;
import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The whole mail import as it runs in Karaf, wired by hand as the mail import's flow test does: the embedded
 * CRM and the runtime on H2 <em>file</em> databases behind H2's connection pool, the local connector on a folder
 * tree, the content bundle's parser and categoriser (shared, as the services are in Karaf). Each instance is a
 * fresh CRM, so every message of a round is really imported.
 */
final class MailPipeline implements AutoCloseable {
    static final EmployeeId DEMO = EmployeeId.of("demo");

    final Path root;
    final JdbcHostCrm crm;
    final JdbcConnectionPool crmPool;
    final JdbcSyncJournal journal;
    private final JdbcConnectionPool runtimePool;
    private final DefaultSyncService sync;
    private final GroupwareAccount account;

    /**
     * @param dir         an empty directory for the databases, the vault key and the groupware tree
     * @param maxMessages the import's per-run budget
     */
    MailPipeline(Path dir, MessageParser parser, DocumentCategorizer categorizer, UnaryOperator<HostCrm> crmView,
                 UnaryOperator<ConnectorFactory> connectorView, int maxMessages) {
        this(dir, parser, categorizer, crmView, connectorView, maxMessages, 1);
    }

    /** @param parsingThreads the import's parsing threads (0: everything on the run's thread) */
    MailPipeline(Path dir, MessageParser parser, DocumentCategorizer categorizer, UnaryOperator<HostCrm> crmView,
                 UnaryOperator<ConnectorFactory> connectorView, int maxMessages, int parsingThreads) {
        this.root = dir.resolve("groupware");
        this.crmPool = pool(dir.resolve("crm"));
        this.crm = new JdbcHostCrm(crmPool);
        this.runtimePool = pool(dir.resolve("runtime"));
        RuntimeDatabase.migrate(runtimePool);
        DefaultAccountService accounts = DefaultAccountService.of(new JdbcAccountRepository(runtimePool),
                new CredentialVault(dir.resolve("vault.key")));
        accounts.addConnectorFactory(connectorView.apply(new LocalConnectorFactory()));
        this.journal = new JdbcSyncJournal(runtimePool);
        this.sync = new DefaultSyncService(accounts, journal);
        MailImport mailImport = new MailImport(crmView.apply(crm), parser, categorizer, accounts, sync,
                new JdbcTokenStore(runtimePool), config(maxMessages, parsingThreads));
        sync.addAreaSynchronizer(mailImport);
        this.account = accounts.create(new AccountRequest(DEMO, LocalConnectorFactory.TYPE,
                Map.of(LocalConnectorFactory.ROOT, root.toString(), LocalConnectorFactory.CREATE_ROOT, "true"), false, null, Set.of(SyncArea.MAILS), null));
    }

    Path importFolder() {
        return root.resolve("Mail").resolve("Inbox").resolve("Import folder");
    }

    Path archive() {
        return root.resolve("Mail").resolve("Inbox").resolve("CRM activities");
    }

    /** One automatic import run over the import folders, as the scheduler starts it. */
    SyncRun run() {
        return sync.sync(account.id(), Set.of(SyncArea.MAILS), SyncTrigger.SCHEDULED);
    }

    /** The journal entries of a run. */
    List<JournalEntry> entries(SyncRun run) {
        return journal.entries(run.id());
    }

    /** How many documents the CRM holds and their bytes (read with SQL, past the SPI). */
    long[] documentCountAndBytes() {
        try (Connection c = crmPool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), COALESCE(SUM(size_bytes), 0) FROM crm_document")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the CRM's documents: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        sync.deactivate();
        crmPool.dispose();
        runtimePool.dispose();
    }

    private static JdbcConnectionPool pool(Path file) {
        // as pax-jdbc's pooled H2 data source in Karaf: a file database, connections kept open
        // -Dh2.options=";QUERY_CACHE_SIZE=64" tries H2 settings (the default is the assembly's plain file URL)
        return JdbcConnectionPool.create("jdbc:h2:file:" + file.toAbsolutePath() + System.getProperty("h2.options", ""),
                "sa", "");
    }

    private static MailImportConfig config(int maxMessages, int parsingThreads) {
        return new MailImportConfig() {
            @Override public Class<? extends Annotation> annotationType() { return MailImportConfig.class; }
            @Override public String importFolderName() { return "Import folder"; }
            @Override public String archiveFolderName() { return "CRM activities"; }
            @Override public boolean editDocumentStep() { return false; }
            @Override public String originalCategory() { return "E-Mail"; }
            @Override public int maxMessagesPerRun() { return maxMessages; }
            @Override public int parsingThreads() { return parsingThreads; }
            @Override public String notImportedFolderName() { return "Not imported"; }
            @Override public int maxFailedAttempts() { return 3; }
            @Override public String outgoingActivityType() { return "MAILOUT"; }
        };
    }
}
