package io.liaison.contactreplication.internal;

import io.liaison.api.connector.ChangeSet;
import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.ItemProblem;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.Lookup;
import io.liaison.api.connector.SyncToken;
import io.liaison.api.connector.item.ContactData;
import io.liaison.api.contactreplication.StaleCrmId;
import io.liaison.api.crm.CrmChangePage;
import io.liaison.api.crm.CrmException;
import io.liaison.api.crm.CrmToken;
import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.Link;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.RunJournal;
import io.liaison.sync.engine.ChangeFeed;
import io.liaison.sync.engine.SideChanges;
import io.liaison.sync.engine.SideItem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The two change feeds of contact replication, cut to what replication concerns: linked contacts only (new CRM
 * contact persons are exported and new groupware contacts imported through the wizards, never automatically), plus
 * the groupware contacts that carry the CRM id of an existing, unlinked contact person (an export interrupted before
 * its link was stored), which the engine links again. Why a linked contact person is gone decides what its groupware
 * contact does ({@link CrmContactSide#lookUp}).
 */
final class ContactFeeds {

    private final HostCrm crm;
    private final EmployeeId actor;
    private final int pageSize;
    private final CrmContactSide crmSide;
    private final GroupwareContactSide groupwareSide;
    private final ItemStore<ContactData> store;
    private final RunJournal journal;
    private final Set<String> linkedCrm = new HashSet<>();
    private final Set<String> linkedGroupware = new HashSet<>();

    ContactFeeds(HostCrm crm, EmployeeId actor, int pageSize, List<Link> links, CrmContactSide crmSide,
                 GroupwareContactSide groupwareSide, ItemStore<ContactData> store, RunJournal journal) {
        this.crm = crm;
        this.actor = actor;
        this.pageSize = Math.max(1, pageSize);
        this.crmSide = crmSide;
        this.groupwareSide = groupwareSide;
        this.store = store;
        this.journal = journal;
        for (Link link : links) {
            linkedCrm.add(link.crmId());
            linkedGroupware.add(link.groupwareId());
        }
    }

    /**
     * The CRM's feed: the linked contact persons changed or removed; a token the CRM refuses means a re-read. So does
     * a token ahead of the CRM's feed (its database was restored from an older backup): then the linked contact
     * persons the CRM no longer has leave the sync (unlinked, their groupware contacts kept) instead of being
     * confirmed gone and deleted on the strength of the restore.
     */
    ChangeFeed<ContactPerson> crm() {
        return since -> {
            try {
                Optional<CrmToken> token = since.map(t -> new CrmToken(t.value()));
                if (token.isPresent() && crm.contactPersons().aheadOfFeed(actor, token.get())) {
                    return afterRestore();
                }
                return readCrm(token);
            } catch (CrmException e) {
                if (since.isEmpty()) {
                    throw e;
                }
                journal.record(SyncArea.CONTACTS, "CRM contact persons", Outcome.WARNING, "the CRM refused the "
                        + "change token (" + e.getMessage() + "); everything is read again", Optional.empty());
                return readCrm(Optional.empty());
            }
        };
    }

    private SideChanges<ContactPerson> afterRestore() {
        SideChanges<ContactPerson> all = readCrm(Optional.empty());
        Set<String> listed = new HashSet<>();
        all.changed().forEach(item -> listed.add(item.id()));
        Map<String, String> left = new LinkedHashMap<>();
        for (String id : linkedCrm) {
            if (!listed.contains(id)) {
                left.put(id, "not in the CRM after a restore of its database");
            }
        }
        journal.record(SyncArea.CONTACTS, "CRM contact persons", Outcome.WARNING, "the stored CRM change token is"
                + " ahead of the CRM's own feed: the CRM's database was restored from an older backup, or its feed was"
                + " reset. Everything is read again and paired by ids; nothing is deleted on the strength of the"
                + " restore" + (left.isEmpty() ? "" : "; " + left.size() + " linked contact person(s) not in the CRM"
                + " any more: unlinked, their groupware contacts kept"), Optional.empty());
        return new SideChanges<>(all.changed(), all.removed(), true, all.next(), Map.of(), left);
    }

    private SideChanges<ContactPerson> readCrm(Optional<CrmToken> start) {
        Map<String, ContactPerson> changed = new LinkedHashMap<>();
        Set<String> removed = new HashSet<>();
        Optional<CrmToken> token = start;
        CrmChangePage<ContactPerson, ContactPersonId> page;
        do {
            page = crm.contactPersons().changesSince(actor, token, pageSize);
            for (ContactPerson p : page.changed()) {
                changed.put(p.id().value(), p);
                removed.remove(p.id().value());
            }
            for (ContactPersonId id : page.removed()) {
                changed.remove(id.value());
                removed.add(id.value());
            }
            token = Optional.of(page.next());
        } while (page.more());
        List<SideItem<ContactPerson>> items = new ArrayList<>();
        for (ContactPerson p : changed.values()) {
            if (linkedCrm.contains(p.id().value())) {
                items.add(crmSide.item(p));
            }
        }
        // why a removed one is gone is asked when the engine confirms the removal (CrmContactSide.lookUp)
        return new SideChanges<>(items, removed, start.isEmpty(), new SyncToken(token.orElseThrow().value()));
    }

    /**
     * The groupware's feed: unreadable contacts (bad vCard files) are journaled FAILED and the rest goes on. A token
     * ahead of the groupware's state (it was restored from an older backup with its sync state) is journaled and
     * everything read again; the linked contacts the restore lost leave the sync (unlinked, their contact persons
     * kept) instead of being taken for deleted in the groupware.
     */
    ChangeFeed<ContactData> groupware() {
        return since -> {
            if (since.isPresent() && store.aheadOfState(since.get())) {
                return groupwareAfterRestore();
            }
            return readGroupware(since);
        };
    }

    private SideChanges<ContactData> groupwareAfterRestore() {
        SideChanges<ContactData> all = readGroupware(Optional.empty());
        Set<String> listed = new HashSet<>(all.removed());
        all.changed().forEach(item -> listed.add(item.id()));
        Map<String, String> left = new LinkedHashMap<>();
        List<String> unlisted = linkedGroupware.stream().filter(id -> !listed.contains(id)).toList();
        // only those the groupware confirms gone: one it cannot read now is still there
        store.lookUp(unlisted).forEach((id, found) -> {
            if (found instanceof Lookup.Gone<ContactData>) {
                left.put(id, "not in the groupware after a restore of its data");
            }
        });
        journal.record(SyncArea.CONTACTS, "groupware contacts", Outcome.WARNING, "the stored groupware change token is"
                + " ahead of the groupware's own state: the groupware and its sync state were restored from an older"
                + " backup. Everything is read again and paired by ids; nothing is deleted on the strength of the"
                + " restore" + (left.isEmpty() ? "" : "; " + left.size() + " linked contact(s) not in the groupware"
                + " any more: unlinked, their contact persons kept"), Optional.empty());
        return new SideChanges<>(all.changed(), all.removed(), true, all.next(), Map.of(), left);
    }

    private SideChanges<ContactData> readGroupware(Optional<SyncToken> since) {
        ChangeSet<GroupwareItem<ContactData>> changes = store.changes(since);
        for (ItemProblem problem : changes.problems()) {
            journal.record(SyncArea.CONTACTS, problem.item(), Outcome.FAILED, "cannot be read: " + problem.reason(),
                    Optional.empty());
        }
        List<SideItem<ContactData>> items = new ArrayList<>();
        for (GroupwareItem<ContactData> g : changes.changed()) {
            if (linkedGroupware.contains(g.id()) || adoptable(g)) {
                items.add(groupwareSide.item(g));
            }
        }
        return new SideChanges<>(items, new HashSet<>(changes.removedIds()), changes.complete(), changes.next());
    }

    /** An unlinked contact carrying the CRM id of an unlinked contact person the CRM knows. */
    private boolean adoptable(GroupwareItem<ContactData> g) {
        if (g.crmId().isEmpty() || linkedCrm.contains(g.crmId().get())) {
            return false; // not exported, or a second copy of a linked contact: left alone
        }
        String crmId = g.crmId().get();
        ContactPersonId personId = ContactPersonId.of(crmId);
        if (crm.contactPersons().get(actor, personId).isPresent()) {
            int carriers = store.findAllByCrmId(crmId).size();
            if (carriers > 1) {
                journal.record(SyncArea.CONTACTS, "contact " + ContactMapping.name(g.data()), Outcome.WARNING,
                        PairWriter.copies(carriers, crmId), Optional.of(crmId));
                return false;
            }
            return true;
        }
        // the CRM's reason, as the import preview offers the contact with it
        String why = crm.contactPersons().absence(actor, personId)
                .map(absence -> new StaleCrmId(personId, absence).describe())
                .orElse("carries CRM id " + crmId + ", which the CRM gives no contact person for");
        journal.record(SyncArea.CONTACTS, "contact " + ContactMapping.name(g.data()), Outcome.WARNING, why
                + "; left alone (the contact import offers it)", Optional.of(crmId));
        return false;
    }
}
