package io.liaison.crm.embedded.internal;

import io.liaison.api.crm.ActivityCreation;
import io.liaison.api.crm.ActivityStore;
import io.liaison.api.crm.BusinessPartnerDirectory;
import io.liaison.api.crm.ContactPersonDirectory;
import io.liaison.api.crm.CrmCatalog;
import io.liaison.api.crm.CrmEvents;
import io.liaison.api.crm.DocumentStore;
import io.liaison.api.crm.DocumentUpload;
import io.liaison.api.crm.EmployeeDirectory;
import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.ActivityData;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.StatusKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded host CRM as an OSGi service: {@link JdbcHostCrm} on the configured data source, with the
 * configured status keys and activity types, posting every committed change to Event Admin when one is there.
 * Declared disabled: {@link EmbeddedCrmGate} starts it unless a CRM vendor's host CRM is (or was) registered.
 */
@Component(service = HostCrm.class, configurationPid = "io.liaison.crm.embedded", immediate = true, enabled = false,
        property = EmbeddedHostCrm.MARKER + "=true")
@Designate(ocd = EmbeddedCrmConfig.class)
public final class EmbeddedHostCrm implements HostCrm {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedHostCrm.class);

    /**
     * The service property that tells the embedded CRM from a vendor's. Started by {@link EmbeddedCrmGate} only, which
     * keeps it stopped while or after a vendor's host CRM is there.
     */
    static final String MARKER = "liaison.crm.embedded";

    private final JdbcHostCrm crm;

    private volatile EventAdmin eventAdmin;

    /** Migrates the schema and stores the configured catalog entries. */
    @Activate
    public EmbeddedHostCrm(@Reference(name = "dataSource", target = "(dataSourceName=liaison-crm)") DataSource dataSource,
                           EmbeddedCrmConfig config) {
        this.crm = new JdbcHostCrm(dataSource, this::post);
        defineCatalog(config);
        LOG.info("Embedded CRM started with {} status keys and {} activity types",
                crm.catalog().statusKeys().size(), crm.catalog().activityTypes().size());
    }

    /**
     * New status keys or activity types in the configuration are defined at once. Without this, DS would restart the
     * CRM, and with it every module that uses it and their runs. The catalog never loses an entry (activities may
     * carry it), so a key left out of the configuration stays defined.
     */
    @Modified
    void modified(EmbeddedCrmConfig config) {
        defineCatalog(config);
        LOG.info("Embedded CRM catalog now has {} status keys and {} activity types",
                crm.catalog().statusKeys().size(), crm.catalog().activityTypes().size());
    }

    private void defineCatalog(EmbeddedCrmConfig config) {
        crm.defineStatusKeys(parse(config.statusKeys(), "status key",
                (key, label) -> new CrmCatalog.StatusDefinition(new StatusKey(key), label)));
        crm.defineActivityTypes(parse(config.activityTypes(), "activity type",
                (key, label) -> new CrmCatalog.ActivityTypeDefinition(new ActivityType(key), label)));
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindEventAdmin(EventAdmin events) {
        this.eventAdmin = events;
    }

    void unbindEventAdmin(EventAdmin events) {
        if (this.eventAdmin == events) {
            this.eventAdmin = null;
        }
    }

    /** Entries {@code KEY=Label}; a malformed one is reported and left out, the rest still apply. */
    static <T> List<T> parse(String[] entries, String what, BiFunction<String, String, T> factory) {
        List<T> result = new ArrayList<>();
        for (String entry : entries == null ? new String[0] : entries) {
            int eq = entry.indexOf('=');
            String key = eq < 0 ? entry.strip() : entry.substring(0, eq).strip();
            String label = eq < 0 ? "" : entry.substring(eq + 1).strip();
            try {
                if (key.isEmpty() || label.isEmpty()) {
                    throw new IllegalArgumentException("expected KEY=Label");
                }
                result.add(factory.apply(key, label));
            } catch (IllegalArgumentException e) {
                LOG.error("Ignoring the configured {} '{}': {}", what, entry, e.getMessage());
            }
        }
        return result;
    }

    private void post(CrmChange change) {
        EventAdmin events = eventAdmin;
        if (events != null) {
            events.postEvent(new Event(change.topic(), Map.of(
                    CrmEvents.PROPERTY_ID, change.id(),
                    CrmEvents.PROPERTY_EMPLOYEE, change.employee(),
                    CrmEvents.PROPERTY_CHANGE, change.change().name())));
        }
    }

    @Override
    public ActivityStore activities() {
        return crm.activities();
    }

    @Override
    public ActivityCreation createWithDocuments(EmployeeId actor, ActivityData data, Optional<String> idempotencyKey,
                                                List<DocumentUpload> documents) {
        return crm.createWithDocuments(actor, data, idempotencyKey, documents);
    }

    @Override
    public DocumentStore documents() {
        return crm.documents();
    }

    @Override
    public ContactPersonDirectory contactPersons() {
        return crm.contactPersons();
    }

    @Override
    public BusinessPartnerDirectory businessPartners() {
        return crm.businessPartners();
    }

    @Override
    public EmployeeDirectory employees() {
        return crm.employees();
    }

    @Override
    public CrmCatalog catalog() {
        return crm.catalog();
    }
}
