package io.liaison.mailimport.internal;

import io.liaison.api.address.AddressResolver;
import io.liaison.api.connector.ConnectorSession;
import io.liaison.api.connector.MailStore;
import io.liaison.api.content.DocumentCategorizer;
import io.liaison.api.content.MessageParser;
import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.mailimport.ImportCandidate;
import io.liaison.api.mailimport.ImportSelection;
import io.liaison.api.mailimport.MailImportService;
import io.liaison.api.mailimport.MessageInspection;
import io.liaison.api.runtime.AccountNotFoundException;
import io.liaison.api.runtime.AccountService;
import io.liaison.api.runtime.AreaSynchronizer;
import io.liaison.api.runtime.SyncContext;
import io.liaison.api.runtime.SyncRun;
import io.liaison.api.runtime.SyncService;
import io.liaison.api.runtime.SyncTrigger;
import io.liaison.api.runtime.TokenStore;
import java.io.InputStream;
import java.time.Duration;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.liaison.api.crm.CrmNotFoundException;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityId;
import io.liaison.api.domain.Document;
import io.liaison.api.connector.RawMessage;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mail import module: serves the {@code MAILS} area of every sync run (the automatic import) and the
 * spec's two-step manual import. A manual import is an ordinary journaled run of the runtime that carries
 * the user's choice, so both ways share one code path and one journal.
 */
@Component(service = {AreaSynchronizer.class, MailImportService.class}, configurationPid = "io.liaison.mailimport")
@Designate(ocd = MailImportConfig.class)
public final class MailImport implements AreaSynchronizer, MailImportService {
    private static final Logger LOG = LoggerFactory.getLogger(MailImport.class);
    /** How long stopping waits for the runs under way to finish their current message. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final HostCrm crm;
    private final MessageParser parser;
    private final DocumentCategorizer categorizer;
    private final AccountService accounts;
    private final SyncService syncService;
    private final TokenStore tokens;
    private final Clock clock;
    /** The choice of a manual import under way, per account; runs of one account never overlap. */
    private final Map<AccountId, ImportSelection> manualSelections = new ConcurrentHashMap<>();
    private volatile MailImportConfig config;
    /** Set by {@link #deactivate}: runs under way stop before their next message. */
    private volatile boolean stopping;
    /** The runs under way, which deactivation waits for. */
    private final AtomicInteger runsUnderWay = new AtomicInteger();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AddressResolver addressResolver;

    @Activate
    public MailImport(@Reference HostCrm crm, @Reference MessageParser parser,
                      @Reference DocumentCategorizer categorizer, @Reference AccountService accounts,
                      @Reference SyncService syncService, @Reference TokenStore tokens, MailImportConfig config) {
        this(crm, parser, categorizer, accounts, syncService, tokens, config, Clock.systemUTC());
    }

    MailImport(HostCrm crm, MessageParser parser, DocumentCategorizer categorizer, AccountService accounts,
               SyncService syncService, TokenStore tokens, MailImportConfig config, Clock clock) {
        this.crm = crm;
        this.parser = parser;
        this.categorizer = categorizer;
        this.accounts = accounts;
        this.syncService = syncService;
        this.tokens = tokens;
        this.config = config;
        this.clock = clock;
    }

    @Modified
    void modified(MailImportConfig changed) {
        this.config = changed;
    }

    /**
     * The module stops (uninstalled, updated, or a service it uses went away): runs under way stop before their next
     * message, leaving it and the rest in their folders, and are awaited a bounded time, so that none goes on with
     * the parser, categoriser or CRM that are being stopped. Nothing is interrupted.
     */
    /** Whether the module is stopping (deactivation has begun). */
    boolean isStopping() {
        return stopping;
    }

    @Deactivate
    void deactivate() {
        stopping = true;
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        while (runsUnderWay.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        if (runsUnderWay.get() > 0) {
            LOG.warn("{} mail import runs still under way after {} s; they stop after their current message",
                    runsUnderWay.get(), STOP_WAIT.toSeconds());
        }
    }

    /** For tests and hosts that wire the module by hand: the address resolution to use, or null for none. */
    void setAddressResolver(AddressResolver resolver) {
        this.addressResolver = resolver;
    }

    @Override
    public Set<SyncArea> areas() {
        return Set.of(SyncArea.MAILS);
    }

    /**
     * The mail import keeps no links and no change-feed tokens (a mail is imported once by the idempotency key it
     * carries, and leaves the import folder when imported); what it keeps per account is only how often a message
     * could not be read ({@link FailedAttempts}). Those counts are forgotten, so that a message switched back on is
     * tried afresh.
     */
    @Override
    public void forget(AccountId account, SyncArea area) {
        if (area == SyncArea.MAILS) {
            int forgotten = FailedAttempts.forgetAll(tokens, account);
            LOG.info("Mail import of account {} forgotten: {} count(s) of failed reads", account, forgotten);
        }
    }

    @Override
    public void synchronize(SyncArea area, SyncContext context) {
        Optional<ImportSelection> selection = context.trigger() == SyncTrigger.MANUAL
                ? Optional.ofNullable(manualSelections.get(context.account().id()))
                : Optional.empty();
        if (stopping) {
            throw new IllegalStateException("the mail import module is stopping");
        }
        runsUnderWay.incrementAndGet();
        try {
            newRun().run(context, selection, OwnAddresses.of(crm, context.account().employee(),
                    context.account().settings()));
        } finally {
            runsUnderWay.decrementAndGet();
        }
    }

    @Override
    public List<ImportCandidate> preview(AccountId account) {
        GroupwareAccount acc = accounts.get(account)
                .orElseThrow(() -> new AccountNotFoundException("unknown account '" + account + "'"));
        try (ConnectorSession session = accounts.openSession(account)) {
            MailStore store = session.mail().orElseThrow(() ->
                    new IllegalStateException("the connector of account " + account + " offers no mail"));
            return new ImportPreview(scanner(), parser, importer()).candidates(store,
                    FolderNames.importRoot(acc, config), FolderNames.archive(acc, config));
        }
    }

    @Override
    public SyncRun importMessages(AccountId account, ImportSelection selection) {
        if (manualSelections.putIfAbsent(account, selection) != null) {
            throw new IllegalStateException("a manual import of account " + account + " is under way");
        }
        try {
            return syncService.sync(account, Set.of(SyncArea.MAILS), SyncTrigger.MANUAL);
        } finally {
            manualSelections.remove(account);
        }
    }

    @Override
    public MessageInspection inspect(EmployeeId actor, InputStream raw, String mediaType, String name) {
        return new ImportPreview(scanner(), parser, importer()).inspect(actor, raw, mediaType, name,
                new MailActivityMapper(clock, crm.catalog().maxSubjectLength()), OwnAddresses.of(crm, actor, Map.of()));
    }

    /** The media types the import stores an original under ({@code .eml}, {@code .msg}). */
    private static final Set<String> ORIGINAL_TYPES = Set.of(RawMessage.MIME, RawMessage.OUTLOOK);

    /** The import attaches the original first (the CRM lists documents in the order they were attached). */
    @Override
    public Optional<Document> original(EmployeeId actor, ActivityId id) {
        Activity activity = crm.activities().get(actor, id).orElseThrow(
                () -> new CrmNotFoundException("activity " + id.value() + " does not exist"));
        boolean hidden = activity.data().privateActivity() && !activity.data().owner().equals(actor);
        if (hidden || activity.data().mail().isEmpty() || activity.sourceKey().isEmpty()) {
            return Optional.empty();
        }
        return crm.documents().list(actor, id).stream().findFirst()
                .filter(d -> ORIGINAL_TYPES.contains(d.mediaType()));
    }

    @Override
    public boolean isEditDocumentStepEnabled() {
        return config.editDocumentStep();
    }

    private MailImportRun newRun() {
        return new MailImportRun(scanner(), parser, importer(), config, tokens, () -> stopping);
    }

    private ImportFolderScanner scanner() {
        return new ImportFolderScanner(crm.catalog());
    }

    private MessageImporter importer() {
        return new MessageImporter(crm, categorizer, new SenderAssigner(this::resolver), new MailActivityMapper(clock, crm.catalog().maxSubjectLength()),
                config.originalCategory(), parser.timeLimit(), outgoingType());
    }

    /** The configured type of sent mail, when the CRM knows it; otherwise sent mail is MAILIN as before. */
    private ActivityType outgoingType() {
        ActivityType configured = new ActivityType(config.outgoingActivityType().strip());
        boolean known = crm.catalog().activityTypes().stream().anyMatch(t -> t.type().equals(configured));
        if (!known) {
            LOG.debug("The CRM knows no activity type {}: sent mail is imported as MAILIN", configured);
        }
        return known ? configured : ActivityType.MAIL_IN;
    }

    private Optional<AddressResolver> resolver() {
        return Optional.ofNullable(addressResolver);
    }
}
