package io.liaison.duplicates.internal;

import io.liaison.api.crm.CrmEvents;
import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.ContactPerson;
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
    private final DuplicateFinder finder;
    private final MatchIndexUpdater updater;
    private final long maxStalenessNanos;
    private final int maxMatches;
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
        this.normalizer = new ContactNormalizer(config.defaultRegion());
        Set<String> shared = new HashSet<>(MatchSettings.DEFAULT_SHARED_MAILBOXES);
        shared.addAll(Arrays.asList(config.sharedMailboxNames()));
        MatchSettings settings = new MatchSettings(config.nameSimilarity(), config.phoneticSimilarity(),
                config.numberNameSimilarity(), shared,
                config.maxCandidates());
        this.finder = new DuplicateFinder(index, settings);
        this.updater = new MatchIndexUpdater(crm, index, normalizer, Optional.of(config.indexEmployee()),
                config.pageSize(), Clock.systemUTC());
        this.maxStalenessNanos = Math.max(0, config.maxStalenessSeconds()) * 1_000_000_000L;
        this.maxMatches = Math.max(1, config.maxMatches());
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
        NormalizedContact contact = normalizer.normalize(candidate);
        catchUpIfStale();
        List<DuplicateFinder.Scored> confirmed = new ArrayList<>();
        // strongest first, without sorting (or wording) the matches that are not returned
        DuplicateFinder.Matches matches = finder.search(contact);
        while (confirmed.size() < maxMatches) {
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
                matches.match(normalizer.normalize(person.data()))
                        .ifPresent(v -> confirmed.add(new DuplicateFinder.Scored(match.id(), person.version(), v)));
            }
        }
        return DuplicateFinder.result(DuplicateFinder.strongestFirst(confirmed));
    }

    /** Brings the index up to date now (the first check does it too). */
    public MatchIndexUpdater.Report catchUp() {
        changed = false;
        MatchIndexUpdater.Report report = updater.catchUp();
        caughtUpAt = System.nanoTime();
        return report;
    }

    private void catchUpIfStale() {
        if (changed || System.nanoTime() - caughtUpAt > maxStalenessNanos) {
            catchUp();
        }
    }

    @Override
    public void handleEvent(Event event) {
        changed = true;
    }
}
