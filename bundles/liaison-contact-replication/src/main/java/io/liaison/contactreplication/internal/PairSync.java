package io.liaison.contactreplication.internal;

import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.ItemNotFoundException;
import io.liaison.api.connector.item.ContactData;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides and applies what one linked pair needs in a replication run: nothing (an echo of our own write, or a
 * change to fields the other side does not hold), an update of one side, the conflict policy when both changed,
 * or the consequence of a deletion. Each outcome is journaled.
 */
final class PairSync {

    private final HostCrm crm;
    private final EmployeeId actor;
    private final PairWriter writer;
    private final LinkStore links;
    private final GroupwareAccount account;
    private final RunJournal journal;

    PairSync(HostCrm crm, EmployeeId actor, PairWriter writer, LinkStore links, GroupwareAccount account,
             RunJournal journal) {
        this.crm = crm;
        this.actor = actor;
        this.writer = writer;
        this.links = links;
        this.account = account;
        this.journal = journal;
    }

    void sync(Link link, Optional<ContactPerson> crmChange, Optional<GroupwareItem<ContactData>> gwChange) {
        Optional<ContactPerson> person = crmChange.or(() -> crm.contactPersons().get(actor, ContactPersonId.of(link.crmId())));
        if (person.isEmpty()) {
            deletedInCrm(link);
            return;
        }
        Optional<GroupwareItem<ContactData>> gw = gwChange.or(() -> writer.store().get(link.groupwareId()));
        if (gw.isEmpty()) {
            deletedInGroupware(link);
            return;
        }
        ContactPerson p = person.get();
        GroupwareItem<ContactData> item = gw.get();
        boolean withPhotos = ReplicationKeys.withPhotos(link);
        boolean crmVersionChanged = !Long.toString(p.version()).equals(link.crmVersion());
        boolean gwVersionChanged = !item.version().equals(link.groupwareVersion());
        if (!crmVersionChanged && !gwVersionChanged) {
            return;
        }
        String stored = ReplicationKeys.sharedHash(link);
        String crmHash = ContactMapping.sharedHash(writer.groupwareContent(p, withPhotos, Optional.of(item.data()),
                new ArrayList<>()), withPhotos);
        String gwHash = ContactMapping.sharedHash(item.data(), withPhotos);
        boolean crmChanged = crmVersionChanged && !crmHash.equals(stored);
        boolean gwChanged = gwVersionChanged && !gwHash.equals(stored);
        String name = "contact " + ContactMapping.name(p.data()) + " (" + link.crmId() + ")";
        List<String> notes = new ArrayList<>();
        if ((!crmChanged && !gwChanged) || (crmChanged && gwChanged && crmHash.equals(gwHash))) {
            writer.save(p, item, withPhotos);
            journal.record(SyncArea.CONTACTS, name, Outcome.UNCHANGED, "", Optional.of(link.crmId()));
        } else if (crmChanged && !gwChanged) {
            writer.writeToGroupware(p, item, withPhotos, notes);
            journal.record(SyncArea.CONTACTS, name, Outcome.UPDATED, "groupware contact updated from the CRM",
                    Optional.of(link.crmId()));
        } else if (gwChanged && !crmChanged) {
            writer.writeToCrm(p, item, withPhotos, notes);
            journal.record(SyncArea.CONTACTS, name, Outcome.UPDATED, "CRM contact person updated from the groupware",
                    Optional.of(link.crmId()));
        } else {
            conflict(name, p, item, withPhotos, notes);
        }
        notes.forEach(n -> journal.record(SyncArea.CONTACTS, name, Outcome.WARNING, n, Optional.of(link.crmId())));
    }

    private void conflict(String name, ContactPerson p, GroupwareItem<ContactData> item, boolean withPhotos,
                          List<String> notes) {
        String message = "changed in the CRM and in the groupware since the last run: ";
        switch (account.conflictPolicy()) {
            case GROUPWARE_WINS -> {
                writer.writeToCrm(p, item, withPhotos, notes);
                message += "the groupware's version was kept (policy GROUPWARE_WINS)";
            }
            case KEEP_BOTH -> {
                GroupwareItem<ContactData> copy = writer.store().create(item.data(), Optional.empty(),
                        ReplicationKeys.conflictCopyKey(p.id(), item.version()));
                writer.writeToGroupware(p, item, withPhotos, notes);
                message += "the CRM's version was written to the linked contact and the groupware's version kept as "
                        + "the separate contact " + copy.id() + " without a CRM id (policy KEEP_BOTH)";
            }
            case NEWEST_WINS -> {
                writer.writeToGroupware(p, item, withPhotos, notes);
                message += "the groupware gives no change time for contacts, so the CRM's version was kept "
                        + "(policy NEWEST_WINS)";
            }
            default -> {
                writer.writeToGroupware(p, item, withPhotos, notes);
                message += "the CRM's version was kept (policy CRM_WINS)";
            }
        }
        journal.record(SyncArea.CONTACTS, name, Outcome.CONFLICT, message, Optional.of(p.id().value()));
    }

    /**
     * The contact person was deleted in the CRM: its groupware contact goes too, unless it was changed in the
     * groupware since, in which case it stays without its CRM id (and is offered by the next import).
     */
    void deletedInCrm(Link link) {
        Optional<GroupwareItem<ContactData>> gw = writer.store().get(link.groupwareId());
        String item = "contact " + link.crmId();
        if (gw.isPresent() && gw.get().version().equals(link.groupwareVersion())) {
            try {
                writer.store().delete(gw.get().id(), gw.get().version());
            } catch (ItemNotFoundException e) {
                // gone meanwhile: what we wanted
            }
            journal.record(SyncArea.CONTACTS, item, Outcome.DELETED,
                    "deleted in the CRM: groupware contact deleted", Optional.of(link.crmId()));
        } else if (gw.isPresent()) {
            writer.store().update(gw.get().id(), gw.get().version(), gw.get().data(), Optional.empty());
            journal.record(SyncArea.CONTACTS, item, Outcome.CONFLICT, "deleted in the CRM but changed in the "
                    + "groupware: kept in the groupware without its CRM id", Optional.of(link.crmId()));
        }
        links.delete(account.id(), ReplicationKeys.SCOPE, link.crmId());
    }

    /**
     * The groupware contact was deleted: the contact person is no longer replicated, as with the switch's
     * "delete in groupware". The CRM contact person stays: it is the company's record, not the user's copy.
     */
    void deletedInGroupware(Link link) {
        links.delete(account.id(), ReplicationKeys.SCOPE, link.crmId());
        journal.record(SyncArea.CONTACTS, "contact " + link.crmId(), Outcome.DELETED, "deleted in the groupware: "
                + "no longer replicated; the CRM contact person is kept", Optional.of(link.crmId()));
    }

    /** Links a groupware contact that carries a CRM id but has no link (an export interrupted before the link). */
    void adopt(GroupwareItem<ContactData> item) {
        String crmId = item.crmId().orElseThrow();
        Optional<ContactPerson> person = crm.contactPersons().get(actor, ContactPersonId.of(crmId));
        if (person.isEmpty()) {
            journal.record(SyncArea.CONTACTS, ContactMapping.name(item.data()), Outcome.WARNING, "carries CRM id "
                    + crmId + ", which is no contact person the CRM knows; left alone", Optional.of(crmId));
            return;
        }
        List<String> notes = new ArrayList<>();
        writer.writeToGroupware(person.get(), item, true, notes);
        journal.record(SyncArea.CONTACTS, "contact " + ContactMapping.name(person.get().data()) + " (" + crmId + ")",
                Outcome.LINKED, "groupware contact with this CRM id linked", Optional.of(crmId));
        notes.forEach(n -> journal.record(SyncArea.CONTACTS, ContactMapping.name(item.data()), Outcome.WARNING, n,
                Optional.of(crmId)));
    }
}
