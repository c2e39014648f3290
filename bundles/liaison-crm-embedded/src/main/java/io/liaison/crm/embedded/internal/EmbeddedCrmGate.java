package io.liaison.crm.embedded.internal;

import io.liaison.api.crm.HostCrm;
import java.io.File;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets the embedded CRM offer its {@link HostCrm} only while no CRM vendor's host CRM is registered, and never again
 * once one was.
 *
 * <p>A vendor's host-CRM bundle installed after the Liaison features finds the embedded CRM already installed (Karaf
 * pulled it in because nothing else provided {@code HostCrm}). Left alone, the modules would stay bound to the
 * embedded CRM and import into it, and after a restart bind either. So the embedded CRM steps aside as soon as a
 * foreign host CRM appears: its service goes, the modules restart (their runs are cancelled and awaited first) and
 * bind the vendor's. It stays aside for good (a mark in its bundle's data area): when the vendor's bundle is updated or
 * restarted later, the modules wait for it instead of writing one minute of mail into a CRM nobody looks at.
 * Uninstalling {@code liaison-crm-embedded} deletes the mark with the bundle's data area.
 */
@Component(immediate = true)
public final class EmbeddedCrmGate {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedCrmGate.class);

    /** The component this gate enables; it is declared disabled, so nothing starts it but the gate. */
    static final String EMBEDDED_CRM = EmbeddedHostCrm.class.getName();

    private final Object lock = new Object();
    private ComponentContext context;
    private VendorCrmMark mark;
    /** The first foreign host CRM seen before activation, named by its bundle. */
    private String foreignBeforeActivation;

    @Activate
    void activate(ComponentContext context) {
        synchronized (lock) {
            this.context = context;
            this.mark = new VendorCrmMark(dataFile(context.getBundleContext()));
            if (foreignBeforeActivation != null) {
                stepAside(foreignBeforeActivation);
                return;
            }
            Optional<String> earlier = mark.read();
            if (earlier.isPresent()) {
                LOG.info("The embedded CRM stays aside: a vendor's host CRM ({}) took over before. Uninstall the "
                        + "liaison-crm-embedded feature if it is no longer needed.", earlier.get());
                return;
            }
            context.enableComponent(EMBEDDED_CRM);
        }
    }

    /**
     * Only the service's reference is taken, never the service itself: the gate must not be counted as a user of the
     * vendor's CRM, nor start it.
     */
    @Reference(service = HostCrm.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(!(" + EmbeddedHostCrm.MARKER + "=true))")
    void bindForeignCrm(ServiceReference<HostCrm> foreign) {
        String provider = describe(foreign);
        synchronized (lock) {
            if (context == null) {
                if (foreignBeforeActivation == null) {
                    foreignBeforeActivation = provider;
                }
                return;
            }
            stepAside(provider);
        }
    }

    void unbindForeignCrm(ServiceReference<HostCrm> foreign) {
        // Deliberately nothing: the embedded CRM does not come back when the vendor's CRM goes for a while.
    }

    private void stepAside(String provider) {
        if (mark.read().isEmpty()) {
            mark.write(provider);
            LOG.info("A host CRM of the CRM vendor's ({}) is registered: the embedded CRM steps aside for good and the "
                    + "modules use the vendor's CRM. The embedded CRM's data stays in its database.", provider);
        }
        context.disableComponent(EMBEDDED_CRM);
    }

    private static String describe(ServiceReference<HostCrm> reference) {
        return reference.getBundle() == null ? "service " + reference.getProperty("service.id")
                : reference.getBundle().getSymbolicName() + " " + reference.getBundle().getVersion();
    }

    private static File dataFile(BundleContext bundle) {
        File file = bundle.getDataFile(VendorCrmMark.FILE_NAME);
        if (file == null) {
            throw new IllegalStateException("The framework gives the embedded CRM no data area to keep its mark in");
        }
        return file;
    }
}
