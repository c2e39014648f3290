package io.liaison.rest.internal;

import java.io.InputStream;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/**
 * {@code /api/openapi.json}: the OpenAPI 3 description of this API. Written by hand next to the resources (a
 * generator would need annotations on every resource and a large library in the container); OpenApiDocumentTest
 * keeps it and the resources in step.
 */
@Path("openapi.json")
public class OpenApiResource {
    static final String DOCUMENT = "openapi.json";

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public InputStream document() {
        return OpenApiResource.class.getResourceAsStream(DOCUMENT);
    }
}
