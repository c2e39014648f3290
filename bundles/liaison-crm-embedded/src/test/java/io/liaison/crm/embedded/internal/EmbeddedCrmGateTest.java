package io.liaison.crm.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.crm.HostCrm;
import java.io.File;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentContext;

/**
 * The gate's decisions, with the framework reduced to what the gate touches: the data area and enabling or disabling
 * the embedded CRM's component. The whole take-over in Karaf is {@code VendorCrmIT}.
 */
class EmbeddedCrmGateTest {
    @TempDir
    Path dataArea;

    private final List<String> calls = new ArrayList<>();

    @Test
    void withoutAVendorsCrmTheEmbeddedCrmStarts() {
        new EmbeddedCrmGate().activate(context());

        assertThat(calls).containsExactly("enable " + EmbeddedCrmGate.EMBEDDED_CRM);
        assertThat(new File(dataArea.toFile(), VendorCrmMark.FILE_NAME)).doesNotExist();
    }

    @Test
    void aVendorsCrmArrivingLaterMakesTheEmbeddedCrmStepAsideForGood() {
        EmbeddedCrmGate gate = new EmbeddedCrmGate();
        gate.activate(context());
        gate.bindForeignCrm(vendorCrm());
        gate.unbindForeignCrm(vendorCrm());

        assertThat(calls).containsExactly("enable " + EmbeddedCrmGate.EMBEDDED_CRM,
                "disable " + EmbeddedCrmGate.EMBEDDED_CRM);

        calls.clear();
        new EmbeddedCrmGate().activate(context()); // Karaf restarted, the vendor's bundle not started yet
        assertThat(calls).as("the embedded CRM must not come back while the vendor's CRM is away").isEmpty();
    }

    @Test
    void aVendorsCrmThereBeforeTheGateKeepsTheEmbeddedCrmStopped() {
        EmbeddedCrmGate gate = new EmbeddedCrmGate();
        gate.bindForeignCrm(vendorCrm()); // DS binds before it activates
        gate.activate(context());

        assertThat(calls).containsExactly("disable " + EmbeddedCrmGate.EMBEDDED_CRM);
        assertThat(new VendorCrmMark(new File(dataArea.toFile(), VendorCrmMark.FILE_NAME)).read()).isPresent();
    }

    private ComponentContext context() {
        BundleContext bundle = (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getDataFile" -> new File(dataArea.toFile(), (String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (ComponentContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ComponentContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getBundleContext" -> bundle;
                    case "enableComponent", "disableComponent" -> {
                        calls.add(method.getName().replace("Component", "") + " " + args[0]);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @SuppressWarnings("unchecked")
    private ServiceReference<HostCrm> vendorCrm() {
        return (ServiceReference<HostCrm>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getBundle" -> null;
                    case "getProperty" -> 4711L;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
