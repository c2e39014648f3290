package io.liaison.rest.internal;

import java.io.IOException;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.http.context.ServletContextHelper;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContext;

/**
 * The HTTP context {@code /liaison} on Karaf's HTTP whiteboard: every request to the API (and later the pages) is
 * authenticated here, by HTTP Basic against Karaf's JAAS realm, and must hold a Liaison role.
 */
@Component(service = ServletContextHelper.class, scope = ServiceScope.BUNDLE)
@HttpWhiteboardContext(name = LiaisonHttpContext.NAME, path = "/liaison")
public class LiaisonHttpContext extends ServletContextHelper {
    static final String NAME = "liaison";
    private final BasicAuthentication authentication = new BasicAuthentication(
            new RememberedLogins(new JaasRealm(), RememberedLogins.DEFAULT_TTL, java.time.Clock.systemUTC()));

    @Activate
    public LiaisonHttpContext(org.osgi.service.component.ComponentContext context) {
        super(bundle(context));
    }

    private static Bundle bundle(org.osgi.service.component.ComponentContext context) {
        return context.getUsingBundle() != null ? context.getUsingBundle() : context.getBundleContext().getBundle();
    }

    @Override
    public boolean handleSecurity(HttpServletRequest request, HttpServletResponse response) throws IOException {
        return authentication.handle(request, response);
    }
}
