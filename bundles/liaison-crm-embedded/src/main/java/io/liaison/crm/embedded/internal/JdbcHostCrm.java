package io.liaison.crm.embedded.internal;

import io.liaison.api.crm.ActivityCreation;
import io.liaison.api.crm.ActivityStore;
import io.liaison.api.crm.BusinessPartnerDirectory;
import io.liaison.api.crm.ContactPersonDirectory;
import io.liaison.api.crm.CrmCatalog;
import io.liaison.api.crm.DocumentStore;
import io.liaison.api.crm.DocumentUpload;
import io.liaison.api.crm.EmployeeDirectory;
import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.ActivityData;
import io.liaison.api.domain.BusinessPartner;
import io.liaison.api.domain.BusinessPartnerId;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.domain.Employee;
import io.liaison.api.domain.EmployeeId;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The embedded host CRM on any {@link DataSource} (H2 or PostgreSQL), without OSGi: the OSGi component wraps it,
 * and other modules' tests use it directly as the real host CRM:
 * <pre>{@code
 * JdbcDataSource ds = new JdbcDataSource();           // org.h2.jdbcx
 * ds.setURL("jdbc:h2:mem:crm-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
 * HostCrm crm = new JdbcHostCrm(ds);                  // migrates the schema; employee "demo" exists
 * }</pre>
 * The constructor creates or upgrades the schema. Each SPI call is one transaction.
 */
public final class JdbcHostCrm implements HostCrm {
    private final JdbcActivityStore activities;
    private final JdbcDocumentStore documents;
    private final JdbcContactPersonDirectory contactPersons;
    private final JdbcBusinessPartnerDirectory businessPartners;
    private final JdbcEmployeeDirectory employees;
    private final JdbcCrmCatalog catalog;

    /** The CRM on this data source, announcing changes to nobody. */
    public JdbcHostCrm(DataSource dataSource) {
        this(dataSource, CrmChangeListener.NONE);
    }

    /** The CRM on this data source, telling {@code listener} of every committed change of an activity or contact. */
    public JdbcHostCrm(DataSource dataSource, CrmChangeListener listener) {
        CrmSchema.migrate(dataSource);
        Jdbc jdbc = new Jdbc(dataSource, listener);
        this.activities = new JdbcActivityStore(jdbc);
        this.documents = new JdbcDocumentStore(jdbc);
        this.contactPersons = new JdbcContactPersonDirectory(jdbc);
        this.businessPartners = new JdbcBusinessPartnerDirectory(jdbc);
        this.employees = new JdbcEmployeeDirectory(jdbc);
        this.catalog = new JdbcCrmCatalog(jdbc);
    }

    @Override
    public ActivityStore activities() {
        return activities;
    }

    /** The activity and its documents in one transaction: a failure leaves neither. */
    @Override
    public ActivityCreation createWithDocuments(EmployeeId actor, ActivityData data, Optional<String> idempotencyKey,
                                                List<DocumentUpload> documents) {
        return activities.create(actor, data, idempotencyKey, documents);
    }

    @Override
    public DocumentStore documents() {
        return documents;
    }

    @Override
    public ContactPersonDirectory contactPersons() {
        return contactPersons;
    }

    @Override
    public BusinessPartnerDirectory businessPartners() {
        return businessPartners;
    }

    @Override
    public EmployeeDirectory employees() {
        return employees;
    }

    @Override
    public CrmCatalog catalog() {
        return catalog;
    }

    /** Adds an employee, or updates the one with the same id (tests and demo data; the SPI only reads employees). */
    public Employee saveEmployee(Employee employee) {
        return employees.save(employee);
    }

    /**
     * Renames a business partner as the CRM's users do (tests and demo data; the SPI does not rename partners): its
     * contact persons count as changed, as {@code ContactPersonDirectory.changesSince} requires.
     */
    public BusinessPartner renameBusinessPartner(EmployeeId actor, BusinessPartnerId id, String name) {
        return businessPartners.rename(actor, id, name);
    }

    /**
     * Merges a contact person into another, as the CRM's users do with duplicates (tests and demo data; the SPI does
     * not merge): {@code ContactPersonDirectory.absence} names the survivor for the merged person's id.
     */
    public ContactPerson mergeContactPerson(EmployeeId actor, ContactPersonId merged, ContactPersonId survivor) {
        return contactPersons.merge(actor, merged, survivor);
    }

    /** Adds status keys or relabels known ones; idempotent. */
    public void defineStatusKeys(List<CrmCatalog.StatusDefinition> definitions) {
        catalog.upsertStatusKeys(definitions);
    }

    /** Adds activity types or relabels known ones; idempotent. */
    public void defineActivityTypes(List<CrmCatalog.ActivityTypeDefinition> definitions) {
        catalog.upsertActivityTypes(definitions);
    }
}
