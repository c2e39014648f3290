package io.liaison.rest.internal;

import java.util.Set;

import javax.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import io.liaison.api.address.AddressResolver;
import io.liaison.api.crm.HostCrm;
import io.liaison.api.mailimport.MailImportService;
import io.liaison.api.runtime.AccountService;
import io.liaison.api.runtime.GroupwarePreferencesService;
import io.liaison.api.runtime.SyncJournal;
import io.liaison.api.runtime.SyncService;

/**
 * The API as one JAX-RS application on the JAX-RS whiteboard, at {@code /liaison/api} (base {@code api} in the
 * HTTP context {@code liaison}, so that the context's authentication covers it). It carries its resources and
 * providers itself, so they are deployed together or not at all. Every module service is optional and dynamic: a
 * module removed at run time makes only its resources answer 503.
 */
@Component(service = Application.class)
@JaxrsName("liaison-api")
@JaxrsApplicationBase("api")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=" + LiaisonHttpContext.NAME + ")")
public class RestApplication extends Application implements Modules {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AccountService accounts;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SyncService sync;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SyncJournal journal;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile HostCrm crm;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile GroupwarePreferencesService preferences;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile MailImportService mailImport;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AddressResolver addresses;

    @Override
    public Set<Object> getSingletons() {
        return singletons(this);
    }

    /** The resources and providers of the API over some module services; the tests deploy the same set. */
    static Set<Object> singletons(Modules modules) {
        return Set.of(new AccountsResource(modules), new RunsResource(modules), new PreferencesResource(modules),
                new MailImportResource(modules), new ActivitiesResource(modules),
                new AddressesResource(modules), new OpenApiResource(),
                new JsonProvider(), new ProblemMapper(), new RequestGuard());
    }

    @Override
    public AccountService accounts() {
        return accounts;
    }

    @Override
    public SyncService sync() {
        return sync;
    }

    @Override
    public SyncJournal journal() {
        return journal;
    }

    @Override
    public HostCrm crm() {
        return crm;
    }

    @Override
    public GroupwarePreferencesService preferences() {
        return preferences;
    }

    @Override
    public MailImportService mailImport() {
        return mailImport;
    }

    @Override
    public AddressResolver addresses() {
        return addresses;
    }
}
