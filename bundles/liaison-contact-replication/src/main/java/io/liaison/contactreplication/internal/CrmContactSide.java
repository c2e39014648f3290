package io.liaison.contactreplication.internal;

import io.liaison.api.connector.item.ContactData;
import io.liaison.api.crm.ContactPersonAbsence;
import io.liaison.api.crm.CrmNotFoundException;
import io.liaison.api.crm.CrmStaleVersionException;
import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.ContactPersonData;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.Photo;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.RunJournal;
import io.liaison.sync.engine.CreateReason;
import io.liaison.sync.engine.ItemChangedException;
import io.liaison.sync.engine.ItemGoneException;
import io.liaison.sync.engine.Presence;
import io.liaison.sync.engine.SideItem;
import io.liaison.sync.engine.SideStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CRM side of contact replication for the engine: contact persons. An item's content hash is the hash of the
 * groupware contact it maps to (shared fields, and the checked photo when its pair replicates photos), so that it
 * compares with the groupware's. Replication only updates contact persons: it never creates one (that is the import
 * wizard's, which chooses the business partner) and never deletes one (a contact deleted in the groupware only
 * loses its link; the contact person is the company's record).
 *
 * <p>Why a linked contact person is gone decides what its groupware contact does (issue 26). The spec says what
 * deleting a contact in the groupware does, not what a CRM deletion does; a contact person is often gone because it
 * was merged into its duplicate, and the groupware contact a person keeps must not vanish for that. The engine
 * confirms every removal through {@link #lookUp}, in the run that first sees it and in any later one that finds it
 * again after a failed write, so each decides by the CRM's reason ({@link
 * io.liaison.api.crm.ContactPersonDirectory#absence}):
 * <ul>
 *   <li>merged: the groupware contact follows the survivor (the engine re-links it, or keeps it unlinked when the
 *       survivor has a groupware contact of its own);</li>
 *   <li>deleted for good: gone, and the contact rule applies (deleted in the groupware unless changed there);</li>
 *   <li>no longer visible to the employee, or gone for a reason the CRM does not tell: the groupware contact leaves
 *       replication, kept without its CRM id, never deleted.</li>
 * </ul>
 */
final class CrmContactSide implements SideStore<ContactPerson, ContactData> {

    private final HostCrm crm;
    private final EmployeeId actor;
    private final AccountId account;
    private final PairWriter writer;
    private final PhotoModes modes;
    private final RunJournal journal;

    CrmContactSide(HostCrm crm, EmployeeId actor, AccountId account, PairWriter writer, PhotoModes modes,
                   RunJournal journal) {
        this.crm = crm;
        this.actor = actor;
        this.account = account;
        this.writer = writer;
        this.modes = modes;
        this.journal = journal;
    }

    /** The engine's view of a contact person. */
    SideItem<ContactPerson> item(ContactPerson person) {
        String id = person.id().value();
        boolean photos = modes.ofCrm(id);
        Optional<Photo> photo = photos ? writer.crmPhoto(person, Optional.empty(), new ArrayList<>()) : Optional.empty();
        ContactData form = ContactMapping.toGroupware(person.data(), writer.company(person), photo, Optional.empty(),
                writer.limits());
        return new SideItem<>(id, Long.toString(person.version()),
                ReplicationKeys.linkHash(photos, ContactMapping.sharedHash(form, photos)),
                person.externalKey().flatMap(k -> ReplicationKeys.importedFrom(account, k)),
                Optional.of(person.modifiedAt()), "contact " + ContactMapping.name(person.data()) + " (" + id + ")",
                person);
    }

    @Override
    public Optional<SideItem<ContactPerson>> get(String id) {
        return crm.contactPersons().get(actor, ContactPersonId.of(id)).map(this::item);
    }

    @Override
    public Map<String, Presence<ContactPerson>> lookUp(Collection<String> ids) {
        Map<String, Presence<ContactPerson>> found = new LinkedHashMap<>();
        for (String id : ids) {
            ContactPersonId personId = ContactPersonId.of(id);
            Optional<ContactPerson> person = crm.contactPersons().get(actor, personId);
            found.put(id, person.<Presence<ContactPerson>>map(p -> new Presence.Found<>(item(p)))
                    .orElseGet(() -> absent(id, crm.contactPersons().absence(actor, personId))));
        }
        return found;
    }

    /** A contact person the CRM does not give the employee, by the CRM's reason. */
    private Presence<ContactPerson> absent(String id, Optional<ContactPersonAbsence> absence) {
        if (absence.isEmpty()) {
            // not given, yet not absent either: asked in between a change; the next run asks again
            return new Presence.Unreadable<>("the CRM neither gives contact person " + id + " nor says it is gone");
        }
        return switch (absence.get().reason()) {
            case DELETED -> new Presence.Gone<>();
            case MERGED -> {
                String survivor = absence.get().survivor().orElseThrow().value();
                // the survivor's pair keeps the photo choice of the merged contact's export
                modes.follow(id, survivor);
                yield new Presence.Merged<>(survivor);
            }
            case NOT_VISIBLE -> new Presence.Left<>("no longer visible to employee " + actor.value() + " in the CRM;"
                    + " the groupware contact is kept without its CRM id");
            case UNKNOWN -> new Presence.Left<>("gone from the CRM, which does not tell whether it was deleted or"
                    + " merged into another contact person; the groupware contact is kept without its CRM id");
        };
    }

    @Override
    public Optional<SideItem<ContactPerson>> findCreated(SideItem<ContactData> source, CreateReason reason) {
        if (reason != CreateReason.NEW) {
            return Optional.empty();
        }
        return crm.contactPersons().findByExternalKey(actor, ReplicationKeys.importKey(account, source.id()))
                .map(this::item);
    }

    @Override
    public SideItem<ContactPerson> create(SideItem<ContactData> source, CreateReason reason) {
        throw new IllegalStateException("groupware contact " + source.label() + " has no CRM contact person to be "
                + "linked with; a groupware contact becomes one only through the import, which chooses its "
                + "business partner");
    }

    @Override
    public SideItem<ContactPerson> update(String id, String expectedVersion, SideItem<ContactData> source) {
        ContactPersonId personId = ContactPersonId.of(id);
        try {
            ContactPerson current = crm.contactPersons().get(actor, personId)
                    .orElseThrow(() -> new CrmNotFoundException("contact person " + id + " does not exist"));
            ContactPersonData merged = ContactMapping.toCrm(current.data(), source.data(), writer.limits());
            ContactPerson written = current;
            if (!merged.equals(current.data())) {
                written = crm.contactPersons().update(actor, personId, Long.parseLong(expectedVersion), merged);
            }
            List<String> warnings = new ArrayList<>();
            if (modes.ofCrm(id)) {
                written = writer.copyPhotoToCrm(written, source.data(), warnings);
            }
            SideItem<ContactPerson> item = item(written);
            warnings.forEach(w -> journal.record(SyncArea.CONTACTS, item.label(), Outcome.WARNING, w, Optional.of(id)));
            return item;
        } catch (CrmNotFoundException e) {
            throw new ItemGoneException("contact person " + id + " is gone from the CRM", e);
        } catch (CrmStaleVersionException e) {
            throw new ItemChangedException(e.getMessage(), e);
        }
    }

    @Override
    public void delete(String id, String expectedVersion) {
        throw new IllegalStateException("contact replication never deletes CRM contact person " + id
                + ": a contact deleted in the groupware only loses its link");
    }

    @Override
    public Optional<SideItem<ContactPerson>> ensureLinkTo(SideItem<ContactPerson> item, SideItem<ContactData> other) {
        return Optional.empty(); // a contact person names its groupware contact through the link store only
    }
}
