package io.liaison.api.crm;

import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityData;
import io.liaison.api.domain.Document;
import io.liaison.api.domain.EmployeeId;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The host CRM as Liaison sees it: one service, registered by the CRM vendor's bundle (or by
 * {@code liaison-crm-embedded}), through which Liaison reads and writes every piece of business data.
 * Every call names the employee it acts for; the CRM decides what that employee may see and change.
 */
@ProviderType
public interface HostCrm {
    /** Activities, their quicksearches and change feed. */
    ActivityStore activities();

    /** Documents attached to activities. */
    DocumentStore documents();

    /** Contact persons and their communications. */
    ContactPersonDirectory contactPersons();

    /** Business partners and their e-mail domains. */
    BusinessPartnerDirectory businessPartners();

    /** Employees. */
    EmployeeDirectory employees();

    /** Status keys and activity types the CRM knows. */
    CrmCatalog catalog();

    /**
     * Creates an activity and attaches its documents, as one transaction where the CRM can: either the activity and
     * every document are stored, or (when anything fails, e.g. a content that cannot be read) none of them. Like
     * {@link ActivityStore#create}, once per idempotency key: when the key is already used, the activity holding it
     * is returned unchanged with {@link ActivityCreation#created()} false, and no document is attached (the caller
     * attaches what is missing with {@link DocumentStore#attach}).
     *
     * <p>The default implementation makes separate calls (look the key up, {@link ActivityStore#create}, then
     * {@link DocumentStore#attach} per document): it is not atomic, so a failure part way leaves the activity with
     * the documents attached so far, which a caller that repeats the import by the same key completes. CRMs that
     * can write both in one transaction override it.
     *
     * @param actor          the employee the call acts for
     * @param data           the activity's content
     * @param idempotencyKey e.g. the Message-ID of an imported mail; empty for no idempotency
     * @param documents      the documents to attach, in this order; each content is opened once and closed
     * @return the activity, whether this call created it, and the documents it attached
     * @throws CrmException when the activity or a document cannot be stored, or a content cannot be read
     */
    default ActivityCreation createWithDocuments(EmployeeId actor, ActivityData data, Optional<String> idempotencyKey,
                                                 List<DocumentUpload> documents) {
        if (idempotencyKey.isPresent()) {
            Optional<Activity> existing = activities().findBySourceKey(data.owner(), idempotencyKey.get());
            if (existing.isPresent()) {
                return new ActivityCreation(existing.get(), false, List.of());
            }
        }
        Activity activity = activities().create(actor, data, idempotencyKey);
        List<Document> attached = new ArrayList<>();
        for (DocumentUpload upload : documents) {
            try (InputStream in = upload.content().open()) {
                attached.add(documents().attach(actor, activity.id(), upload.document(), in));
            } catch (IOException e) {
                throw new CrmException("attach document '" + upload.document().fileName() + "' of activity "
                        + activity.id() + " failed: its content cannot be read: " + e.getMessage(), e);
            }
        }
        return new ActivityCreation(activity, true, attached);
    }
}
