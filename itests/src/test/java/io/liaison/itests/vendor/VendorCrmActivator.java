package io.liaison.itests.vendor;

import io.liaison.api.crm.HostCrm;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The activator of a CRM vendor's host-CRM bundle as {@code VendorCrmIT} builds it: it registers a {@link HostCrm}
 * from an activator (so the bundle declares {@code Provide-Capability} by hand, as the README tells vendors to). The
 * CRM itself is empty: every list is empty, every look-up finds nothing. Enough for the modules to bind it; the test
 * is about who binds which CRM, not about what a CRM stores (the contract suite is for that).
 */
public final class VendorCrmActivator implements BundleActivator {
    private ServiceRegistration<HostCrm> registration;

    @Override
    public void start(BundleContext context) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("vendor", "example");
        registration = context.registerService(HostCrm.class, empty(HostCrm.class), properties);
    }

    @Override
    public void stop(BundleContext context) {
        registration.unregister();
    }

    private static <T> T empty(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(VendorCrmActivator.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answer(proxy, method, args)));
    }

    private static Object answer(Object proxy, Method method, Object[] args) {
        Class<?> returned = method.getReturnType();
        switch (method.getName()) {
            case "toString":
                return "example vendor's " + method.getDeclaringClass().getSimpleName();
            case "hashCode":
                return System.identityHashCode(proxy);
            case "equals":
                return proxy == args[0];
            default:
                break;
        }
        if (returned == boolean.class) {
            return false;
        }
        if (returned == int.class || returned == long.class) {
            return returned == int.class ? (Object) 0 : (Object) 0L;
        }
        if (returned == Optional.class) {
            return Optional.empty();
        }
        if (returned == List.class || returned == Collection.class) {
            return List.of();
        }
        if (returned == Set.class) {
            return Set.of();
        }
        if (returned == Map.class) {
            return Map.of();
        }
        if (returned == Stream.class) {
            return Stream.empty();
        }
        if (returned.isInterface() && returned.getPackageName().equals(HostCrm.class.getPackageName())) {
            return empty(returned);
        }
        throw new UnsupportedOperationException("The example vendor's CRM does not " + method.getName());
    }
}
