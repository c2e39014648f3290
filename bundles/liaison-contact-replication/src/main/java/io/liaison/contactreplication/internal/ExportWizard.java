package io.liaison.contactreplication.internal;

import io.liaison.api.connector.ConnectorException;
import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.ItemNotFoundException;
import io.liaison.api.connector.item.ContactData;
import io.liaison.api.contactreplication.ContactIssue;
import io.liaison.api.contactreplication.ExportReport;
import io.liaison.api.crm.CrmException;
import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.runtime.Link;
import io.liaison.api.runtime.LinkStore;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The export wizard's last step and the per-contact switch: writes chosen contact persons to the groupware
 * (each with its CRM id and a link), and withdraws one ("delete in groupware").
 */
final class ExportWizard {

    private static final Logger LOG = LoggerFactory.getLogger(ExportWizard.class);

    private final HostCrm crm;
    private final LinkStore links;
    private final AccountId account;
    private final EmployeeId actor;
    private final PairWriter writer;

    ExportWizard(HostCrm crm, LinkStore links, AccountId account, EmployeeId actor, PairWriter writer) {
        this.crm = crm;
        this.links = links;
        this.account = account;
        this.actor = actor;
        this.writer = writer;
    }

    /** Exports each chosen contact person; one that fails does not stop the others. */
    ExportReport export(List<ContactPersonId> chosen, boolean withPhotos) {
        List<ContactPersonId> exported = new ArrayList<>();
        List<ContactIssue> failed = new ArrayList<>();
        List<ContactIssue> warnings = new ArrayList<>();
        for (ContactPersonId id : new LinkedHashSet<>(chosen)) {
            Optional<ContactPerson> person;
            try {
                person = crm.contactPersons().get(actor, id);
            } catch (CrmException e) {
                failed.add(new ContactIssue(id.value(), "", "cannot be read from the CRM: " + e.getMessage()));
                continue;
            }
            if (person.isEmpty()) {
                failed.add(new ContactIssue(id.value(), "", "no such contact person in the CRM (or not visible to "
                        + actor + ")"));
                continue;
            }
            String name = ContactMapping.name(person.get().data());
            List<String> notes = new ArrayList<>();
            try {
                writer.export(person.get(), withPhotos, notes);
                exported.add(id);
                notes.forEach(n -> warnings.add(new ContactIssue(id.value(), name, n)));
            } catch (RuntimeException e) {
                LOG.warn("Contact person {} not exported for account {}: {}", id, account, e.getMessage());
                failed.add(new ContactIssue(id.value(), name, "not exported: " + e.getMessage()));
            }
        }
        LOG.info("Exported {} of {} contact persons to groupware account {}", exported.size(), chosen.size(), account);
        return new ExportReport(exported, failed, warnings);
    }

    /**
     * "Delete in groupware": deletes the contact person's linked groupware contact and its link; the CRM contact
     * person stays. A copy a person made of the contact (it carries the same CRM id) is the person's, and stays;
     * without a link, the one contact carrying the CRM id (an export stopped before its link) is deleted, and of
     * several none.
     */
    /**
     * Deletes the contact person's groupware contact and its link; returns the groupware-only fields the deleted
     * contact held (see {@link GroupwareOnlyFields}), empty when none or when nothing was deleted.
     */
    List<String> withdraw(ContactPersonId id) {
        Optional<Link> link = links.byCrmId(account, ReplicationKeys.SCOPE, id.value());
        boolean photos = link.map(ReplicationKeys::withPhotos).orElse(true);
        Optional<GroupwareItem<ContactData>> deleted = Optional.empty();
        if (link.isPresent()) {
            deleted = writer.store().get(link.get().groupwareId());
        } else {
            List<GroupwareItem<ContactData>> carriers = writer.store().findAllByCrmId(id.value());
            if (carriers.size() == 1) {
                deleted = Optional.of(carriers.get(0));
            } else if (carriers.size() > 1) {
                LOG.warn("Contact person {} has no link in groupware account {}: {}", id, account,
                        PairWriter.copies(carriers.size(), id.value()));
            }
        }
        deleted.ifPresent(this::delete);
        links.delete(account, ReplicationKeys.SCOPE, id.value());
        String crmNotes = crm.contactPersons().get(actor, id).map(p -> p.data().notes()).orElse("");
        List<String> lost = deleted.map(g -> GroupwareOnlyFields.of(g.data(), photos, crmNotes)).orElse(List.of());
        LOG.info("Contact person {} withdrawn from groupware account {}{}", id, account,
                lost.isEmpty() ? "" : "; its groupware contact held " + String.join(", ", lost));
        return lost;
    }

    private void delete(GroupwareItem<ContactData> item) {
        try {
            writer.store().delete(item.id(), item.version());
        } catch (ItemNotFoundException e) {
            LOG.debug("Groupware contact {} was gone already", item.id());
        }
    }
}
