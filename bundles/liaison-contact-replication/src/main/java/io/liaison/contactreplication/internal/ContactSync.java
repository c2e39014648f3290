package io.liaison.contactreplication.internal;

import io.liaison.api.connector.ChangeSet;
import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.ItemProblem;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.SyncToken;
import io.liaison.api.connector.item.ContactData;
import io.liaison.api.crm.CrmChangePage;
import io.liaison.api.crm.CrmToken;
import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.Link;
import io.liaison.api.runtime.LinkStore;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.RunJournal;
import io.liaison.api.runtime.SyncContext;
import io.liaison.api.runtime.TokenStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One continuous replication run of the linked contacts of an account: reads the CRM's and the groupware's
 * changes since the stored tokens, tells real changes from our own echoes by the versions in the links (and
 * from changes to unshared fields by the content hash), writes each change to the other side, settles changes
 * on both sides by the account's conflict policy, and guards against mass deletions. A groupware contact that
 * carries a CRM id but has no link (an export interrupted before the link was stored) is linked.
 * Tokens advance only when every pair was applied.
 */
final class ContactSync {

    private final HostCrm crm;
    private final LinkStore links;
    private final TokenStore tokens;
    private final ReplicationConfig config;
    private final Clock clock;

    ContactSync(HostCrm crm, LinkStore links, TokenStore tokens, ReplicationConfig config, Clock clock) {
        this.crm = crm;
        this.links = links;
        this.tokens = tokens;
        this.config = config;
        this.clock = clock;
    }

    /** The changes of both sides since the stored tokens. */
    private record Changes(Map<String, ContactPerson> crmChanged, Set<String> crmRemoved, CrmToken crmNext,
                           Map<String, GroupwareItem<ContactData>> gwChanged, Set<String> gwRemoved,
                           SyncToken gwNext) {
    }

    void run(SyncContext context) {
        GroupwareAccount account = context.account();
        ItemStore<ContactData> store = context.session().contacts().orElseThrow(() -> new IllegalStateException(
                "the connector of groupware account " + account.id() + " has no contacts"));
        RunJournal journal = context.journal();
        EmployeeId actor = account.employee();
        PairWriter writer = new PairWriter(crm, links, account.id(), actor, store, clock);
        Map<String, Link> byCrm = new LinkedHashMap<>();
        Map<String, Link> byGw = new HashMap<>();
        for (Link link : links.list(account.id(), ReplicationKeys.SCOPE)) {
            byCrm.put(link.crmId(), link);
            byGw.put(link.groupwareId(), link);
        }
        Changes changes = read(account, actor, store, byGw, journal);

        Set<String> crmGone = new LinkedHashSet<>(changes.crmRemoved());
        crmGone.retainAll(byCrm.keySet());
        List<String> gwGone = changes.gwRemoved().stream().filter(byGw::containsKey).map(id -> byGw.get(id).crmId()).toList();
        boolean crmGuard = guard(crmGone.size(), byCrm.size(), "CRM", journal);
        boolean gwGuard = guard(gwGone.size(), byCrm.size(), "groupware", journal);

        Set<String> touched = new LinkedHashSet<>();
        changes.crmChanged().keySet().stream().filter(byCrm::containsKey).forEach(touched::add);
        changes.gwChanged().keySet().stream().filter(byGw::containsKey).map(id -> byGw.get(id).crmId()).forEach(touched::add);
        touched.addAll(crmGone);
        touched.addAll(gwGone);

        PairSync pairs = new PairSync(crm, actor, writer, links, account, journal);
        boolean allApplied = true;
        for (String crmId : touched) {
            if (context.isCancelled()) {
                return;
            }
            Link link = byCrm.get(crmId);
            try {
                if (crmGone.contains(crmId)) {
                    if (!crmGuard) {
                        pairs.deletedInCrm(link);
                    }
                } else if (gwGone.contains(crmId)) {
                    if (!gwGuard) {
                        pairs.deletedInGroupware(link);
                    }
                } else {
                    pairs.sync(link, Optional.ofNullable(changes.crmChanged().get(crmId)),
                            Optional.ofNullable(changes.gwChanged().get(link.groupwareId())));
                }
            } catch (RuntimeException e) {
                allApplied = false;
                journal.record(SyncArea.CONTACTS, "contact " + crmId, Outcome.FAILED,
                        "not replicated, tried again next run: " + e.getMessage(), Optional.of(crmId));
            }
        }
        for (GroupwareItem<ContactData> item : changes.gwChanged().values()) {
            if (!byGw.containsKey(item.id()) && item.crmId().isPresent() && !byCrm.containsKey(item.crmId().get())) {
                try {
                    pairs.adopt(item);
                } catch (RuntimeException e) {
                    allApplied = false;
                    journal.record(SyncArea.CONTACTS, ContactMapping.name(item.data()), Outcome.FAILED,
                            "cannot be linked to CRM contact person " + item.crmId().get() + ": " + e.getMessage(),
                            item.crmId());
                }
            }
        }
        if (allApplied && !context.isCancelled()) {
            if (!crmGuard) {
                tokens.put(account.id(), ReplicationKeys.CRM_TOKEN, new SyncToken(changes.crmNext().value()));
            }
            if (!gwGuard) {
                tokens.put(account.id(), ReplicationKeys.GROUPWARE_TOKEN, changes.gwNext());
            }
        }
    }

    private Changes read(GroupwareAccount account, EmployeeId actor, ItemStore<ContactData> store,
                         Map<String, Link> byGw, RunJournal journal) {
        Optional<CrmToken> crmToken = tokens.get(account.id(), ReplicationKeys.CRM_TOKEN).map(t -> new CrmToken(t.value()));
        Map<String, ContactPerson> crmChanged = new LinkedHashMap<>();
        Set<String> crmRemoved = new LinkedHashSet<>();
        CrmChangePage<ContactPerson, ContactPersonId> page;
        do {
            page = crm.contactPersons().changesSince(actor, crmToken, Math.max(1, config.crmPageSize()));
            page.changed().forEach(p -> crmChanged.put(p.id().value(), p));
            page.removed().forEach(id -> crmRemoved.add(id.value()));
            crmToken = Optional.of(page.next());
        } while (page.more());
        crmRemoved.forEach(crmChanged::remove);

        ChangeSet<GroupwareItem<ContactData>> gw = store.changes(tokens.get(account.id(), ReplicationKeys.GROUPWARE_TOKEN));
        for (ItemProblem problem : gw.problems()) {
            journal.record(SyncArea.CONTACTS, problem.item(), Outcome.FAILED, "cannot be read: " + problem.reason(),
                    Optional.empty());
        }
        Map<String, GroupwareItem<ContactData>> gwChanged = new LinkedHashMap<>();
        gw.changed().forEach(i -> gwChanged.put(i.id(), i));
        Set<String> gwRemoved = new LinkedHashSet<>(gw.removedIds());
        if (gw.complete()) {
            byGw.keySet().stream().filter(id -> !gwChanged.containsKey(id)).forEach(gwRemoved::add);
        }
        return new Changes(crmChanged, crmRemoved, page.next(), gwChanged, gwRemoved, gw.next());
    }

    /** Whether a side reports so many linked contacts gone that it is an outage, not a wish. */
    private boolean guard(int gone, int linked, String side, RunJournal journal) {
        boolean tripped = gone >= Math.max(1, config.massDeleteMinimum())
                && gone * 100L > (long) config.massDeletePercent() * linked;
        if (tripped) {
            journal.record(SyncArea.CONTACTS, side + " contacts", Outcome.WARNING, "mass-delete guard: the " + side
                    + " reports " + gone + " of " + linked + " linked contacts gone at once; taken for an outage, "
                    + "nothing deleted; read again next run", Optional.empty());
        }
        return tripped;
    }
}
