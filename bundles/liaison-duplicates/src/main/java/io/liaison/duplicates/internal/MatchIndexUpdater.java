package io.liaison.duplicates.internal;

import io.liaison.api.crm.CrmChangePage;
import io.liaison.api.crm.CrmToken;
import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.BusinessPartner;
import io.liaison.api.domain.BusinessPartnerId;
import io.liaison.api.domain.Communication;
import io.liaison.api.domain.CommunicationType;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.ContactPersonData;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.domain.Employee;
import io.liaison.api.domain.EmployeeId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the match-key index in step with the CRM's contact persons: builds it from the whole change feed when
 * it is missing (never built, a build interrupted, tables emptied), was built for another employee or holds a token
 * ahead of the CRM's feed (the CRM's database was restored from an older backup: reading on from the token would keep
 * the contact persons the restore lost and miss those made after it until the feed passed the token again), and
 * otherwise applies the changes since the stored token.
 * <p>
 * The index is one per CRM and holds the contact persons visible to one employee: the configured one (login or
 * id), else the first employee the CRM lists. Choose an employee who sees every contact person; a check then
 * confirms each match against the CRM in the name of the employee who asked.
 */
public final class MatchIndexUpdater {
    private static final Logger LOG = LoggerFactory.getLogger(MatchIndexUpdater.class);

    private final HostCrm crm;
    private final MatchKeyIndex index;
    private final ContactNormalizer normalizer;
    private final Optional<String> configuredEmployee;
    private final int pageSize;
    private final Clock clock;
    /** Set when the duplicate check shuts down: an update under way ends after the page it is writing. */
    private volatile boolean stopped;

    /**
     * What one catch-up did.
     *
     * @param rebuilt whether the index was built from scratch
     * @param changed contact persons filed anew
     * @param removed contact persons removed
     */
    public record Report(boolean rebuilt, int changed, int removed) {
    }

    public MatchIndexUpdater(HostCrm crm, MatchKeyIndex index, ContactNormalizer normalizer,
                             Optional<String> configuredEmployee, int pageSize, Clock clock) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive, got " + pageSize);
        }
        this.crm = crm;
        this.index = index;
        this.normalizer = normalizer;
        this.configuredEmployee = configuredEmployee.map(String::strip).filter(s -> !s.isEmpty());
        this.pageSize = pageSize;
        this.clock = clock;
    }

    /**
     * Ends an update under way after the page it is writing (each page is written at once, so nothing is half
     * written; an interrupted build leaves the index without a state and is started again next time) and refuses
     * further ones. Not by interrupting the thread: an interrupt can close a database file under other users.
     */
    public void stop() {
        stopped = true;
    }

    private void requireRunning() {
        if (stopped) {
            throw new IllegalStateException("The duplicate check's match-key index update was stopped: the duplicate "
                    + "check is shutting down");
        }
    }

    /** Brings the index up to date, building it when it is missing. */
    public synchronized Report catchUp() {
        requireRunning();
        EmployeeId actor = indexEmployee();
        Optional<IndexState> state = index.state();
        if (state.isEmpty()) {
            LOG.info("Building the duplicate check's match-key index: it is missing or incomplete");
            return rebuild(actor);
        }
        if (!state.get().actor().equals(actor)) {
            LOG.info("Rebuilding the duplicate check's match-key index for employee {} (it was built for {})",
                    actor, state.get().actor());
            return rebuild(actor);
        }
        CrmToken token = state.get().token();
        if (crm.contactPersons().aheadOfFeed(actor, token)) {
            LOG.warn("Rebuilding the duplicate check's match-key index: its token is ahead of the CRM's contact change"
                    + " feed (the CRM's database was restored from an older backup, or its feed was reset)");
            return rebuild(actor);
        }
        Map<BusinessPartnerId, String> partnerCountries = new HashMap<>();
        int changed = 0;
        int removed = 0;
        boolean more = true;
        while (more) {
            requireRunning();
            CrmChangePage<ContactPerson, ContactPersonId> page =
                    crm.contactPersons().changesSince(actor, Optional.of(token), pageSize);
            index.apply(normalize(actor, page.changed(), partnerCountries), page.removed(),
                    Optional.of(new IndexState(page.next(), actor, clock.instant())));
            changed += page.changed().size();
            removed += page.removed().size();
            more = requireProgress(page, token);
            token = page.next();
        }
        if (changed + removed > 0) {
            LOG.debug("Match-key index caught up: {} contact persons filed anew, {} removed", changed, removed);
        }
        return new Report(false, changed, removed);
    }

    /** Builds the index from scratch for the index employee. */
    public synchronized Report rebuild() {
        return rebuild(indexEmployee());
    }

    private Report rebuild(EmployeeId actor) {
        long started = System.nanoTime();
        index.clear();
        Optional<CrmToken> token = Optional.empty();
        Map<BusinessPartnerId, String> partnerCountries = new HashMap<>();
        int changed = 0;
        int removed = 0;
        boolean more = true;
        while (more) {
            requireRunning();
            CrmChangePage<ContactPerson, ContactPersonId> page = crm.contactPersons().changesSince(actor, token, pageSize);
            // no state until the last page: an interrupted build is found incomplete and started again
            index.apply(normalize(actor, page.changed(), partnerCountries), page.removed(), Optional.empty());
            changed += page.changed().size();
            removed += page.removed().size();
            more = token.isEmpty() ? page.more() : requireProgress(page, token.get());
            token = Optional.of(page.next());
        }
        index.apply(List.of(), List.of(), Optional.of(new IndexState(token.orElseThrow(), actor, clock.instant())));
        LOG.info("Match-key index built for employee {}: {} contact persons in {} ms", actor, index.size(),
                (System.nanoTime() - started) / 1_000_000);
        return new Report(true, changed, removed);
    }

    private static boolean requireProgress(CrmChangePage<?, ?> page, CrmToken from) {
        if (page.more() && page.changed().isEmpty() && page.removed().isEmpty() && page.next().equals(from)) {
            throw new IllegalStateException("The CRM's contact change feed reports more changes after token "
                    + from.value() + " but returns none and the same token");
        }
        return page.more();
    }

    /**
     * The contact persons normalised, each number read in the person's country, else its business partner's, else
     * the default region. A partner's country is read once per build or catch-up ({@code partnerCountries}), and
     * only for a person with numbers and no country of its own; a CRM that changes a partner's country reports its
     * contact persons as changed, so the next catch-up reads it anew.
     */
    private List<IndexedContact> normalize(EmployeeId actor, List<ContactPerson> people,
                                           Map<BusinessPartnerId, String> partnerCountries) {
        List<IndexedContact> indexed = new ArrayList<>(people.size());
        for (ContactPerson person : people) {
            indexed.add(new IndexedContact(person.id(), person.version(),
                    normalizer.normalize(person.data(), partnerCountry(actor, person.data(), partnerCountries))));
        }
        return indexed;
    }

    /** The country of a person's business partner when its numbers need it; empty otherwise or when unknown. */
    String partnerCountry(EmployeeId actor, ContactPersonData data, Map<BusinessPartnerId, String> partnerCountries) {
        if (!data.country().isEmpty() || data.businessPartner().isEmpty() || !hasNumbers(data)) {
            return "";
        }
        return partnerCountries.computeIfAbsent(data.businessPartner().get(),
                id -> crm.businessPartners().get(actor, id).map(BusinessPartner::country).orElse(""));
    }

    private static boolean hasNumbers(ContactPersonData data) {
        for (Communication c : data.communications()) {
            if (c.type() == CommunicationType.PHONE || c.type() == CommunicationType.MOBILE) {
                return true;
            }
        }
        return false;
    }

    /** The employee whose view the index holds. */
    public EmployeeId indexEmployee() {
        if (configuredEmployee.isPresent()) {
            String wanted = configuredEmployee.get();
            return crm.employees().findByLogin(wanted)
                    .or(() -> crm.employees().get(EmployeeId.of(wanted)))
                    .map(Employee::id)
                    .orElseThrow(() -> new IllegalStateException("The duplicate check's index employee '" + wanted
                            + "' is neither the login nor the id of an employee of the CRM"));
        }
        return crm.employees().list().stream().findFirst().map(Employee::id)
                .orElseThrow(() -> new IllegalStateException(
                        "The CRM has no employee in whose name the duplicate check could read the contact persons"));
    }
}
