package io.liaison.rest.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.ext.Provider;

/**
 * What every request must pass before a resource sees it.
 * <ul>
 * <li>Writes (POST, PUT, PATCH, DELETE) come from this origin only: a browser's {@code Sec-Fetch-Site} must be
 * {@code same-origin} or {@code none}, an {@code Origin} must be this server's, and the request must carry
 * {@code X-Liaison-Request: 1}. A cross-site form cannot set such a header, and a cross-site script would need a
 * CORS preflight, which this API never grants; together this stops request forgery with the browser's stored Basic
 * credentials.</li>
 * <li>A body is at most {@link #MAX_BODY} bytes (413 otherwise), whether announced by Content-Length or streamed.</li>
 * </ul>
 */
@Provider
@PreMatching
public class RequestGuard implements ContainerRequestFilter {
    /** The largest request body accepted: 1 MiB. */
    static final int MAX_BODY = 1 << 20;
    static final String HEADER = "X-Liaison-Request";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (!SAFE.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
            checkSameOrigin(request);
        }
        if (request.getLength() > MAX_BODY) {
            throw tooLarge();
        }
        if (request.hasEntity()) {
            request.setEntityStream(new ByteArrayInputStream(readBounded(request.getEntityStream())));
        }
    }

    private static void checkSameOrigin(ContainerRequestContext request) {
        String site = request.getHeaderString("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            throw crossSite("the request came from another site (Sec-Fetch-Site: " + site + ")");
        }
        String origin = request.getHeaderString("Origin");
        if (origin != null && !sameOrigin(origin, request.getUriInfo().getRequestUri(),
                request.getHeaderString("Host"))) {
            throw crossSite("the request came from another origin (" + origin + ")");
        }
        if (!"1".equals(request.getHeaderString(HEADER))) {
            throw crossSite("a write must carry the header " + HEADER + ": 1");
        }
    }

    /** Compares the Origin with the host the client addressed (Host header), on the request's scheme. */
    static boolean sameOrigin(String origin, URI requestUri, String host) {
        try {
            URI o = URI.create(origin);
            String authority = host != null ? host : requestUri.getRawAuthority();
            return o.getScheme() != null && o.getScheme().equalsIgnoreCase(requestUri.getScheme())
                    && o.getRawAuthority() != null && o.getRawAuthority().equalsIgnoreCase(authority)
                    && (o.getRawPath() == null || o.getRawPath().isEmpty());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            throw tooLarge();
        }
        return body;
    }

    private static ProblemException crossSite(String detail) {
        return new ProblemException(403, "cross-site", "Cross-site request refused", detail, null);
    }

    private static ProblemException tooLarge() {
        return new ProblemException(413, "too-large", "Request body too large",
                "a request body may have at most " + MAX_BODY + " bytes", null);
    }
}
