package io.liaison.contactreplication.internal;

import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.item.ContactData;
import io.liaison.api.connector.item.ContactLimits;
import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.BusinessPartner;
import io.liaison.api.domain.BusinessPartnerId;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.Photo;
import io.liaison.api.runtime.Link;
import io.liaison.api.runtime.LinkStore;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * Writes one linked pair of a CRM contact person and a groupware contact, in either direction, and stores the
 * link with the versions both sides have afterwards, so that the next run recognises its own writes (echo
 * suppression). Photo problems are added to the caller's warnings; the contact is written without the photo.
 */
final class PairWriter {

    private final HostCrm crm;
    private final LinkStore links;
    private final AccountId account;
    private final EmployeeId actor;
    private final ItemStore<ContactData> store;
    private final ContactLimits limits;
    private final Clock clock;
    /** The business partners' names read in this run (a partner is read once however many contacts it has). */
    private final Map<BusinessPartnerId, Optional<String>> partnerNames = new HashMap<>();

    PairWriter(HostCrm crm, LinkStore links, AccountId account, EmployeeId actor, ItemStore<ContactData> store,
               ContactLimits limits, Clock clock) {
        this.crm = crm;
        this.links = links;
        this.account = account;
        this.actor = actor;
        this.store = store;
        this.limits = limits;
        this.clock = clock;
    }

    ItemStore<ContactData> store() {
        return store;
    }

    /** What the groupware's contacts hold. */
    ContactLimits limits() {
        return limits;
    }

    /** The name of the contact person's business partner, the groupware contact's company; empty without one. */
    Optional<String> company(ContactPerson person) {
        return person.data().businessPartner().flatMap(bp -> partnerNames.computeIfAbsent(bp,
                id -> crm.businessPartners().get(actor, id).map(BusinessPartner::name)));
    }

    /**
     * Makes sure the contact person has its groupware contact and link: an existing linked contact is brought up
     * to date unless it was changed in the groupware since (the replication merges that), one found by its CRM
     * id is adopted, else it is created with the export key, so that a repeated export never makes a copy.
     */
    Link export(ContactPerson person, boolean withPhotos, List<String> warnings) {
        Optional<Link> link = links.byCrmId(account, ReplicationKeys.SCOPE, person.id().value());
        if (link.isPresent()) {
            Optional<GroupwareItem<ContactData>> linked = store.get(link.get().groupwareId());
            if (linked.isPresent()) {
                if (!linked.get().version().equals(link.get().groupwareVersion())) {
                    warnings.add("changed in the groupware since the last replication: left for the replication "
                            + "to merge, not overwritten");
                    return link.get();
                }
                return writeToGroupware(person, linked.get(), withPhotos, warnings);
            }
        }
        List<GroupwareItem<ContactData>> found = store.findAllByCrmId(person.id().value());
        if (found.size() > 1) {
            throw new IllegalStateException(copies(found.size(), person.id().value()));
        }
        if (found.size() == 1) {
            return writeToGroupware(person, found.get(0), withPhotos, warnings);
        }
        // the same photo problems are found again, and reported, by the write below
        ContactData content = groupwareContent(person, withPhotos, Optional.empty(), new java.util.ArrayList<>());
        GroupwareItem<ContactData> created = store.create(content, Optional.of(person.id().value()),
                ReplicationKeys.exportKey(account, person.id()));
        // a create repeated after a crash returns the first item, possibly with older content
        return writeToGroupware(person, created, withPhotos, warnings);
    }

    /** Writes the CRM content over the groupware contact (whose current version is {@code current}). */
    Link writeToGroupware(ContactPerson person, GroupwareItem<ContactData> current, boolean withPhotos,
                          List<String> warnings) {
        ContactData content = groupwareContent(person, withPhotos, Optional.of(current.data()), warnings);
        GroupwareItem<ContactData> written = current;
        if (!content.equals(current.data()) || !current.crmId().equals(Optional.of(person.id().value()))) {
            written = store.update(current.id(), current.version(), content, Optional.of(person.id().value()));
            photoKept(content, written).ifPresent(warnings::add);
        }
        return save(person, written, withPhotos);
    }

    /**
     * A warning when a write without a photo left the groupware contact with one: a groupware that cannot remove a
     * contact's photo returns the contact as it is, photo and all (Graph: "Delete profilePhoto" does not support
     * Outlook contacts). Said once per write, so that the removal does not pass for done.
     */
    static Optional<String> photoKept(ContactData written, GroupwareItem<ContactData> result) {
        if (written.photo().isEmpty() && result.data().photo().isPresent()) {
            return Optional.of("photo not removed in the groupware: the groupware cannot remove a contact's photo "
                    + "(Microsoft Graph cannot delete the photo of an Outlook contact), so the contact there keeps it");
        }
        return Optional.empty();
    }

    /**
     * Why none of several groupware contacts carrying one CRM id is taken for the contact person's: a person copied
     * the contact in the groupware (the copy carries the CRM id and the create key), and any one picked could be
     * the copy.
     */
    static String copies(int count, String crmId) {
        return count + " groupware contacts carry CRM id " + crmId + " (a contact copied in the groupware carries the "
                + "original's): none is adopted; delete the copies, or take the CRM id off them, to link the contact";
    }

    /**
     * Sets the CRM photo from the groupware's when it differs and is a good image. A photo the groupware has but
     * the connector cannot use is not "no photo": the CRM photo stays, with a warning.
     */
    ContactPerson copyPhotoToCrm(ContactPerson person, ContactData gw, List<String> warnings) {
        Optional<Photo> gwPhoto = gw.photo();
        if (gwPhoto.isEmpty() && gw.photoProblem().isPresent()) {
            warnings.add("photo not replicated: " + gw.photoProblem().get() + "; the CRM photo is kept");
            return person;
        }
        Optional<Photo> crmPhoto;
        try {
            crmPhoto = crm.contactPersons().photo(actor, person.id());
        } catch (RuntimeException e) {
            warnings.add("photo not replicated: the CRM photo cannot be read: " + e.getMessage());
            return person;
        }
        if (gwPhoto.isEmpty()) {
            return crmPhoto.isEmpty() ? person : crm.contactPersons().setPhoto(actor, person.id(), Optional.empty());
        }
        if (crmPhoto.isPresent() && Arrays.equals(crmPhoto.get().bytes(), gwPhoto.get().bytes())) {
            return person;
        }
        Optional<String> problem = PhotoCheck.problem(gwPhoto.get());
        if (problem.isPresent()) {
            warnings.add("photo not replicated: " + problem.get());
            return person;
        }
        return crm.contactPersons().setPhoto(actor, person.id(), PhotoCheck.accepted(gwPhoto.get()));
    }

    /** Stores the link of a pair as it is now. */
    Link save(ContactPerson person, GroupwareItem<ContactData> gw, boolean withPhotos) {
        Link link = new Link(account, ReplicationKeys.SCOPE, person.id().value(), Long.toString(person.version()),
                gw.id(), gw.version(), ReplicationKeys.linkHash(withPhotos, ContactMapping.sharedHash(gw.data(), withPhotos)),
                clock.instant());
        links.save(link);
        return link;
    }

    /**
     * The groupware content of a contact person, with the photo the export options and the checks allow, and as many
     * e-mail addresses and phone numbers as the groupware holds (what is left out is added to the warnings). A photo
     * of the groupware contact's that Liaison cannot use is left as it is: the CRM's does not replace it.
     */
    ContactData groupwareContent(ContactPerson person, boolean withPhotos, Optional<ContactData> existing,
                                 List<String> warnings) {
        Optional<Photo> keep = existing.flatMap(ContactData::photo);
        Optional<String> unusable = existing.flatMap(ContactData::photoProblem);
        Optional<Photo> photo;
        if (withPhotos && unusable.isPresent()) {
            warnings.add("photo not replicated: " + unusable.get() + "; the groupware's photo and the CRM's are "
                    + "each left as they are");
            photo = Optional.empty();
        } else {
            photo = withPhotos ? crmPhoto(person, keep, warnings) : keep;
        }
        warnings.addAll(ContactMapping.leftOut(person.data(), limits));
        return ContactMapping.toGroupware(person.data(), company(person), photo, existing, limits);
    }

    /**
     * The CRM photo as the groupware contact is to have it: the checked CRM photo, none when the CRM has none, and
     * {@code keep} (with a warning) when it cannot be read or is refused.
     */
    Optional<Photo> crmPhoto(ContactPerson person, Optional<Photo> keep, List<String> warnings) {
        Optional<Photo> photo;
        try {
            photo = crm.contactPersons().photo(actor, person.id());
        } catch (RuntimeException e) {
            warnings.add("photo not replicated: the CRM photo cannot be read: " + e.getMessage());
            return keep;
        }
        if (photo.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> problem = PhotoCheck.problem(photo.get());
        if (problem.isPresent()) {
            warnings.add("photo not replicated: " + problem.get());
            return keep;
        }
        return PhotoCheck.accepted(photo.get());
    }
}
