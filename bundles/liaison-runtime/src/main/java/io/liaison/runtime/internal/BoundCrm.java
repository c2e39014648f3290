package io.liaison.runtime.internal;

import io.liaison.api.crm.HostCrm;
import java.util.Map;
import java.util.Objects;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The host CRM the runtime is bound to, with a name that tells one CRM from another across restarts and updates: the
 * service property {@value #ID_PROPERTY} when the CRM's bundle sets one (a vendor that renames its bundle keeps it),
 * else the symbolic name of the bundle the CRM's class comes from, else (outside OSGi) the class name.
 */
record BoundCrm(HostCrm crm, String identity) {
    static final String ID_PROPERTY = "liaison.crm.id";

    BoundCrm {
        Objects.requireNonNull(crm, "crm");
        Objects.requireNonNull(identity, "identity");
    }

    static String identify(HostCrm crm, Map<String, Object> properties) {
        Object declared = properties == null ? null : properties.get(ID_PROPERTY);
        if (declared != null && !declared.toString().isBlank()) {
            return declared.toString().strip();
        }
        Bundle bundle = FrameworkUtil.getBundle(crm.getClass());
        return bundle != null ? bundle.getSymbolicName() : crm.getClass().getName();
    }
}
