package io.liaison.duplicates.internal;

import io.liaison.api.crm.CrmEvents;
import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.duplicates.ContactCandidate;
import io.liaison.api.duplicates.DuplicateCheck;
import io.liaison.api.duplicates.DuplicateResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The duplicate check service: normalises the contact, brings the match-key index up to date when it is stale
 * (or when a CRM contact change event arrived), scores the candidates the index finds, and confirms each match
 * against the CRM in the name of the employee who asked: dropping what that employee may not see or what was
 * deleted meanwhile, and scoring the CRM's current data when its version is newer than the indexed one.
 */
@Component(service = {DuplicateCheck.class, EventHandler.class}, configurationPid = "io.liaison.duplicates",
        property = EventConstants.EVENT_TOPIC + "=" + CrmEvents.TOPIC_CONTACT_CHANGED)
@Designate(ocd = DuplicateCheckConfig.class)
public final class DuplicateCheckComponent implements DuplicateCheck, EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DuplicateCheckComponent.class);
    private final HostCrm crm;
    private final ContactNormalizer normalizer;
    private final MatchKeyIndex index;
    private final MatchIndexUpdater updater;
    /** The settings the index was built with: a change of one of them takes effect at the next activation. */
    private final IndexSettings indexSettings;
    /** The scoring settings, replaced as a whole when the configuration changes (see {@link #modified}). */
    private volatile Scoring scoring;

    private volatile boolean changed = true;
    private volatile long caughtUpAt;

    @Activate
    public DuplicateCheckComponent(@Reference(name = "crm") HostCrm crm, @Reference(name = "dataSource", target = "(dataSourceName=liaison)") DataSource dataSource,
                                   DuplicateCheckConfig config) {
        this(crm, jdbcIndex(dataSource, config.lookupsInMemory()), config);
    }

    /**
     * Activation: the index is brought up to date (loaded into memory, or built when missing) on a background
     * thread at once, so that the first check does not wait for minutes on a large CRM; a check that comes earlier
     * waits for that catch-up to end.
     */
    @Activate
    void start() {
        startWarmUp();
    }

    /** Starts the catch-up on a background thread; returns the thread (for tests). */
    Thread startWarmUp() {
        Thread warmUp = new Thread(this::catchUpInBackground, "liaison-duplicates-index");
        warmUp.setDaemon(true);
        warmUp.start();
        return warmUp;
    }

    private void catchUpInBackground() {
        try {
            MatchIndexUpdater.Report report = catchUp();
            LOG.debug("Match-key index ready after activation (rebuilt: {})", report.rebuilt());
        } catch (RuntimeException e) {
            // the next check tries again and reports the failure to its caller
            LOG.warn("Could not bring the duplicate check's match-key index up to date after activation: {}", e.getMessage());
        }
    }

    /** Ends a catch-up under way after its current page. */
    @Deactivate
    void deactivate() {
        updater.stop();
    }

    /**
     * For tests, benchmarks and embedding: the check over a given index. A factory, not a public constructor,
     * because Felix SCR logs an error for every public constructor with the activation constructor's parameter
     * count whose types it cannot inject.
     */
    public static DuplicateCheckComponent withIndex(HostCrm crm, MatchKeyIndex index, DuplicateCheckConfig config) {
        return new DuplicateCheckComponent(crm, index, config);
    }

    DuplicateCheckComponent(HostCrm crm, MatchKeyIndex index, DuplicateCheckConfig config) {
        this.crm = Objects.requireNonNull(crm, "crm");
        this.index = Objects.requireNonNull(index, "index");
        this.normalizer = new ContactNormalizer(config.defaultRegion());
        this.indexSettings = IndexSettings.of(config);
        this.updater = new MatchIndexUpdater(crm, index, normalizer, Optional.of(config.indexEmployee()),
                config.pageSize(), Clock.systemUTC());
        this.scoring = Scoring.of(index, config);
    }

    /**
     * A changed configuration: the scoring settings (similarities, shared mailboxes, candidate and match limits,
     * staleness) apply to the next check, without reloading the index or running the schema migration again. The
     * settings the index is built with (phone region, index employee, page size, look-ups in memory) apply at the
     * next start of the duplicate check; the log says so.
     */
    @Modified
    void modified(DuplicateCheckConfig config) {
        this.scoring = Scoring.of(index, config);
        IndexSettings changed = IndexSettings.of(config);
        if (!changed.equals(indexSettings)) {
            LOG.warn("Duplicate check: changed index settings ({} -> {}) take effect when the duplicate check is "
                    + "started again (bundle:restart io.liaison.duplicates); the scoring settings apply now",
                    indexSettings, changed);
        }
    }

    /** What a check scores with: the finder over the index and the limits. */
    private record Scoring(DuplicateFinder finder, long maxStalenessNanos, int maxMatches) {
        static Scoring of(MatchKeyIndex index, DuplicateCheckConfig config) {
            Set<String> shared = new HashSet<>(MatchSettings.DEFAULT_SHARED_MAILBOXES);
            shared.addAll(Arrays.asList(config.sharedMailboxNames()));
            MatchSettings settings = new MatchSettings(config.nameSimilarity(), config.phoneticSimilarity(),
                    shared, config.maxCandidates());
            return new Scoring(new DuplicateFinder(index, settings),
                    Math.max(0, config.maxStalenessSeconds()) * 1_000_000_000L, Math.max(1, config.maxMatches()));
        }
    }

    /** The settings the match-key index is built and kept with. */
    private record IndexSettings(String defaultRegion, String indexEmployee, int pageSize, boolean lookupsInMemory) {
        static IndexSettings of(DuplicateCheckConfig config) {
            return new IndexSettings(config.defaultRegion(), config.indexEmployee(), config.pageSize(),
                    config.lookupsInMemory());
        }
    }

    /** The index in Liaison's tables, its look-ups answered from memory unless configured otherwise. */
    private static MatchKeyIndex jdbcIndex(DataSource dataSource, boolean lookupsInMemory) {
        IndexSchema.migrate(dataSource);
        JdbcMatchKeyIndex tables = new JdbcMatchKeyIndex(dataSource);
        return lookupsInMemory ? new CachedMatchKeyIndex(tables) : tables;
    }

    @Override
    public DuplicateResult check(EmployeeId actor, ContactCandidate candidate) {
        Objects.requireNonNull(actor, "actor");
        ContactNormalizer.Checked checked = normalizer.check(candidate);
        NormalizedContact contact = checked.contact();
        catchUpIfStale();
        List<DuplicateFinder.Scored> confirmed = new ArrayList<>();
        Scoring scoring = this.scoring;
        // strongest first, without sorting (or wording) the matches that are not returned
        DuplicateFinder.Matches matches = scoring.finder().search(contact);
        while (confirmed.size() < scoring.maxMatches()) {
            Optional<DuplicateFinder.Hit> next = matches.next();
            if (next.isEmpty()) {
                break;
            }
            DuplicateFinder.Hit match = next.get();
            Optional<ContactPerson> current = crm.contactPersons().get(actor, match.id());
            if (current.isEmpty()) {
                continue;
            }
            ContactPerson person = current.get();
            if (person.version() == match.version()) {
                confirmed.add(matches.scored(match));
            } else {
                matches.match(match, normalizer.normalize(person.data(),
                                updater.partnerCountry(actor, person.data(), new java.util.HashMap<>())))
                        .ifPresent(v -> confirmed.add(new DuplicateFinder.Scored(match.id(), person.version(), v)));
            }
        }
        DuplicateResult result = DuplicateFinder.result(DuplicateFinder.strongestFirst(confirmed));
        List<String> notes = new ArrayList<>(checked.notes());
        notes.addAll(matches.notes());
        return new DuplicateResult(result.status(), result.matches(), notes);
    }

    @Override
    public int erase(ContactPersonId contact) {
        int rows = index.erase(Objects.requireNonNull(contact, "contact"));
        LOG.info("Contact person {} erased from the duplicate index ({} rows)", contact.value(), rows);
        return rows;
    }

    /** Brings the index up to date now (the first check does it too). */
    public MatchIndexUpdater.Report catchUp() {
        changed = false;
        MatchIndexUpdater.Report report = updater.catchUp();
        caughtUpAt = System.nanoTime();
        return report;
    }

    private void catchUpIfStale() {
        if (changed || System.nanoTime() - caughtUpAt > scoring.maxStalenessNanos()) {
            catchUp();
        }
    }

    @Override
    public void handleEvent(Event event) {
        changed = true;
    }
}
