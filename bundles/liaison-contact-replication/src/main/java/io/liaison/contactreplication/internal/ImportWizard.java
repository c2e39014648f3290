package io.liaison.contactreplication.internal;

import io.liaison.api.address.AddressResolution;
import io.liaison.api.address.AddressResolver;
import io.liaison.api.connector.ChangeSet;
import io.liaison.api.connector.ConnectorException;
import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.VersionConflictException;
import io.liaison.api.connector.item.ContactData;
import io.liaison.api.contactreplication.ContactIssue;
import io.liaison.api.contactreplication.ImportPreview;
import io.liaison.api.contactreplication.ImportReport;
import io.liaison.api.contactreplication.ImportableContact;
import io.liaison.api.contactreplication.StaleCrmId;
import io.liaison.api.crm.ContactPersonAbsence;
import io.liaison.api.crm.CrmException;
import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.BusinessPartner;
import io.liaison.api.domain.BusinessPartnerId;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.ContactPersonData;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.duplicates.DuplicateCheck;
import io.liaison.api.duplicates.DuplicateMatch;
import io.liaison.api.duplicates.DuplicateResult;
import io.liaison.api.duplicates.DuplicateStatus;
import io.liaison.api.runtime.LinkStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The import wizard: lists the groupware contacts without a CRM id (or with one the employee gets no contact person
 * for: deleted, merged or not visible, said as such) with a suggested business partner and their duplicate status, and imports the chosen ones (never a certain duplicate, never without a business partner),
 * writing each new CRM id back to its groupware contact and linking the pair, so it is not offered again.
 */
final class ImportWizard {

    private static final Logger LOG = LoggerFactory.getLogger(ImportWizard.class);
    private static final DuplicateResult UNCHECKED = new DuplicateResult(DuplicateStatus.NONE, List.of());

    private final HostCrm crm;
    private final LinkStore links;
    private final AccountId account;
    private final EmployeeId actor;
    private final PairWriter writer;
    private final Optional<DuplicateCheck> duplicates;
    private final Optional<AddressResolver> resolver;

    ImportWizard(HostCrm crm, LinkStore links, AccountId account, EmployeeId actor, PairWriter writer,
                 Optional<DuplicateCheck> duplicates, Optional<AddressResolver> resolver) {
        this.crm = crm;
        this.links = links;
        this.account = account;
        this.actor = actor;
        this.writer = writer;
        this.duplicates = duplicates;
        this.resolver = resolver;
    }

    ImportPreview preview() {
        ChangeSet<GroupwareItem<ContactData>> all = writer.store().changes(Optional.empty());
        List<ContactIssue> problems = all.problems().stream()
                .map(p -> new ContactIssue(p.item(), "", p.reason())).collect(Collectors.toList());
        List<ImportableContact> importable = new ArrayList<>();
        int linked = 0;
        int copies = 0;
        int stales = 0;
        for (GroupwareItem<ContactData> item : all.changed()) {
            if (links.byGroupwareId(account, ReplicationKeys.SCOPE, item.id()).isPresent()) {
                linked++;
                continue;
            }
            Optional<String> copyOf = copyOf(item);
            if (copyOf.isPresent()) {
                copies++;
                Optional<BusinessPartnerId> suggested = suggestPartner(item.data());
                importable.add(new ImportableContact(item.id(), item.data(), suggested,
                        checkDuplicates(item.data(), countryOf(suggested)), Optional.of(ContactPersonId.of(copyOf.get()))));
                continue;
            }
            Optional<StaleCrmId> stale = stale(item);
            if (item.crmId().isPresent() && stale.isEmpty()) {
                linked++; // exported, its link not stored yet (or adopted by the next replication run)
                continue;
            }
            Optional<ContactPerson> interrupted = crm.contactPersons().findByExternalKey(actor,
                    ReplicationKeys.importKey(account, item.id()));
            if (interrupted.isPresent()) {
                // imported before, but the run stopped before the CRM id was written back: finish it
                try {
                    finish(interrupted.get(), item, new ArrayList<>());
                    linked++;
                } catch (ConnectorException e) {
                    problems.add(new ContactIssue(item.id(), ContactMapping.name(item.data()), "imported as CRM "
                            + "contact person " + interrupted.get().id() + ", but the CRM id cannot be written back: "
                            + e.getMessage()));
                }
                continue;
            }
            stales += stale.isPresent() ? 1 : 0;
            Optional<BusinessPartnerId> suggested = suggestPartner(item.data());
            importable.add(new ImportableContact(item.id(), item.data(), suggested,
                    checkDuplicates(item.data(), countryOf(suggested)), Optional.empty(), stale));
        }
        String message;
        if (importable.isEmpty()) {
            message = "No groupware contacts to import: " + (linked == 0 ? "the groupware has no contacts"
                    : "all " + linked + " groupware contacts are linked to CRM contact persons already");
        } else {
            message = importable.size() + (importable.size() == 1 ? " groupware contact" : " groupware contacts")
                    + " can be imported";
        }
        if (copies > 0) {
            message += "; " + copies + (copies == 1 ? " of them is a copy" : " of them are copies")
                    + " of a replicated contact, carrying its CRM id";
        }
        if (stales > 0) {
            message += "; " + stales + (stales == 1 ? " of them carries the CRM id" : " of them carry the CRM id")
                    + " of a contact person deleted, merged or not visible to you, which importing replaces";
        }
        if (!problems.isEmpty()) {
            message += "; " + problems.size() + " could not be read";
        }
        if (duplicates.isEmpty()) {
            message += "; no duplicate check is installed: the duplicate status is unknown and shown as NONE";
        }
        return new ImportPreview(importable, problems, duplicates.isPresent(), message);
    }

    ImportReport importChosen(Map<String, BusinessPartnerId> chosen) {
        List<ContactPersonId> imported = new ArrayList<>();
        List<ContactIssue> refused = new ArrayList<>();
        List<ContactIssue> warnings = new ArrayList<>();
        for (Map.Entry<String, BusinessPartnerId> choice : chosen.entrySet()) {
            String id = choice.getKey();
            try {
                Optional<GroupwareItem<ContactData>> item = writer.store().get(id);
                if (item.isEmpty()) {
                    refused.add(new ContactIssue(id, "", "not in the groupware (any more)"));
                    continue;
                }
                String name = ContactMapping.name(item.get().data());
                List<String> notes = new ArrayList<>();
                Optional<String> refusal = importOne(item.get(), Optional.ofNullable(choice.getValue()), imported, notes);
                refusal.ifPresent(r -> refused.add(new ContactIssue(id, name, r)));
                notes.forEach(n -> warnings.add(new ContactIssue(id, name, n)));
            } catch (RuntimeException e) {
                LOG.warn("Groupware contact {} of account {} not imported: {}", id, account, e.getMessage());
                refused.add(new ContactIssue(id, "", "not imported: " + e.getMessage()));
            }
        }
        ImportReport report = new ImportReport(imported, refused, warnings);
        LOG.info("Contact import for account {}: {}", account, report.summary());
        return report;
    }

    /** Imports one contact; returns why it was refused, or empty when it was imported. */
    private Optional<String> importOne(GroupwareItem<ContactData> item, Optional<BusinessPartnerId> partner,
                                       List<ContactPersonId> imported, List<String> notes) {
        Optional<String> linkedTo = links.byGroupwareId(account, ReplicationKeys.SCOPE, item.id()).map(l -> l.crmId())
                .or(() -> item.crmId().filter(crmId -> copyOf(item).isEmpty() && stale(item).isEmpty()));
        if (linkedTo.isPresent()) {
            return Optional.of("already linked to CRM contact person " + linkedTo.get()
                    + ": it is replicated, not imported");
        }
        String key = ReplicationKeys.importKey(account, item.id());
        Optional<ContactPerson> interrupted = crm.contactPersons().findByExternalKey(actor, key);
        if (interrupted.isPresent()) {
            finish(interrupted.get(), item, notes);
            imported.add(interrupted.get().id());
            return Optional.empty();
        }
        if (partner.isEmpty()) {
            return Optional.of("a business partner is mandatory: none was chosen");
        }
        Optional<BusinessPartner> bp = crm.businessPartners().get(actor, partner.get());
        if (bp.isEmpty()) {
            return Optional.of("business partner " + partner.get() + " does not exist in the CRM");
        }
        ContactPersonData data = ContactMapping.newCrmContact(partner.get(), item.data());
        if (data.lastName().isBlank()) {
            return Optional.of("has no last name (nor a display name to take one from)");
        }
        if (duplicates.isPresent()) {
            DuplicateResult result = checkDuplicates(item.data(), bp.get().country());
            if (result.status() == DuplicateStatus.CERTAIN) {
                return Optional.of("certain duplicate of " + describe(result.matches()));
            }
            // a value the check could not read was left out of it: said, so that a person can look
            result.notes().forEach(n -> notes.add("duplicate check: " + n));
        } else {
            notes.add("not checked for duplicates: no duplicate check is installed");
        }
        ContactPerson created = crm.contactPersons().create(actor, data, Optional.of(key));
        finish(created, item, notes);
        imported.add(created.id());
        return Optional.empty();
    }

    /** Copies the photo, writes the CRM id back to the groupware contact and links the pair. */
    private void finish(ContactPerson person, GroupwareItem<ContactData> item, List<String> notes) {
        ContactPerson withPhoto = writer.copyPhotoToCrm(person, item.data(), notes);
        GroupwareItem<ContactData> written;
        try {
            written = writer.store().update(item.id(), item.version(), item.data(), Optional.of(person.id().value()));
        } catch (VersionConflictException e) {
            // changed by hand in between: write the CRM id into the current content, which stays as it is
            GroupwareItem<ContactData> current = writer.store().get(item.id()).orElseThrow(() -> e);
            written = writer.store().update(current.id(), current.version(), current.data(),
                    Optional.of(person.id().value()));
        }
        writer.save(withPhoto, written, true);
    }

    /**
     * The CRM id the contact carries when it is a copy: the id's contact person is linked with another groupware
     * contact (a person copied that one, and the copy carries its CRM id and is replicated by nobody).
     */
    private Optional<String> copyOf(GroupwareItem<ContactData> item) {
        return item.crmId().filter(crmId -> links.byCrmId(account, ReplicationKeys.SCOPE, crmId)
                .filter(link -> !link.groupwareId().equals(item.id())).isPresent());
    }

    /**
     * The CRM id the contact carries when the employee gets no contact person for it, with the CRM's reason (a
     * contact exported once whose contact person was deleted, merged or hidden since): importable, the id replaced.
     */
    private Optional<StaleCrmId> stale(GroupwareItem<ContactData> item) {
        if (item.crmId().isEmpty()) {
            return Optional.empty();
        }
        ContactPersonId id = ContactPersonId.of(item.crmId().get());
        if (crm.contactPersons().get(actor, id).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new StaleCrmId(id, crm.contactPersons().absence(actor, id)
                .orElse(ContactPersonAbsence.unknown())));
    }

    private static String describe(List<DuplicateMatch> matches) {
        return matches.stream().filter(m -> m.status() == DuplicateStatus.CERTAIN)
                .map(m -> "CRM contact person " + m.contactPerson() + (m.reasons().isEmpty() ? ""
                        : " (" + String.join(", ", m.reasons()) + ")"))
                .collect(Collectors.joining("; "));
    }

    /**
     * The business partner's country, or empty: the groupware contact has none of its own, and its numbers without a
     * country code are read in its partner's (a Swiss partner's "044 …" is Zurich).
     */
    private String countryOf(Optional<BusinessPartnerId> partner) {
        if (partner.isEmpty() || duplicates.isEmpty()) {
            return "";
        }
        return crm.businessPartners().get(actor, partner.get()).map(BusinessPartner::country).orElse("");
    }

    private DuplicateResult checkDuplicates(ContactData contact, String country) {
        if (duplicates.isEmpty()) {
            return UNCHECKED;
        }
        try {
            return duplicates.get().check(actor, ContactMapping.candidate(contact, country));
        } catch (IllegalArgumentException e) {
            LOG.debug("Groupware contact {} cannot be checked for duplicates: {}", ContactMapping.name(contact),
                    e.getMessage());
            return UNCHECKED;
        }
    }

    /** The business partner by e-mail domain (address resolution), else by the company name. */
    Optional<BusinessPartnerId> suggestPartner(ContactData contact) {
        for (String email : contact.emails()) {
            Optional<BusinessPartnerId> byAddress = resolver.isPresent() ? byResolver(resolver.get(), email)
                    : byDomain(email);
            if (byAddress.isPresent()) {
                return byAddress;
            }
        }
        String company = contact.company().strip();
        if (company.isEmpty()) {
            return Optional.empty();
        }
        List<BusinessPartner> exact = crm.businessPartners().findByName(actor, company);
        if (exact.size() == 1) {
            return Optional.of(exact.get(0).id());
        }
        List<BusinessPartner> similar = exact.isEmpty() ? crm.businessPartners().search(actor, company, 2) : exact;
        return similar.size() == 1 ? Optional.of(similar.get(0).id()) : Optional.empty();
    }

    private Optional<BusinessPartnerId> byResolver(AddressResolver addresses, String email) {
        try {
            AddressResolution resolution = addresses.resolve(actor, email);
            if (resolution instanceof AddressResolution.ContactFound found) {
                return found.contactPerson().data().businessPartner();
            }
            if (resolution instanceof AddressResolution.BusinessPartnerFound found) {
                return Optional.of(found.businessPartner().id());
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Optional<BusinessPartnerId> byDomain(String email) {
        int at = email.lastIndexOf('@');
        if (at < 0 || at == email.length() - 1) {
            return Optional.empty();
        }
        List<BusinessPartner> found = crm.businessPartners().findByEmailDomain(actor, email.substring(at + 1).strip());
        return found.size() == 1 ? Optional.of(found.get(0).id()) : Optional.empty();
    }
}
