package io.liaison.rest.internal;

import java.util.stream.Collectors;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

import io.liaison.api.crm.CrmNotFoundException;
import io.liaison.api.runtime.AccountNotFoundException;
import io.liaison.api.runtime.ConnectorUnavailableException;
import io.liaison.api.runtime.PasswordBlockedException;
import io.liaison.api.runtime.SyncAlreadyRunningException;

/**
 * Every error of the API as an RFC 9457 problem document: ours, the services' documented exceptions, JSON that does
 * not parse or bind (naming the field), JAX-RS's own (unknown path 404, method 405, media type 415), and anything
 * unexpected as a 500 whose detail tells nothing of the inside (it is logged instead).
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    @Override
    public Response toResponse(Throwable exception) {
        Problem problem = problem(exception);
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    static Problem problem(Throwable e) {
        if (e instanceof ProblemException p) {
            return p.problem();
        }
        if (e instanceof JsonProcessingException json) {
            return json(json);
        }
        if (e instanceof WebApplicationException web) {
            // CXF wraps what a message body reader threw (here: Jackson's parse and binding errors)
            if (web.getCause() instanceof JsonProcessingException json) {
                return json(json);
            }
            int status = web.getResponse().getStatus();
            Response.StatusType type = Response.Status.fromStatusCode(status);
            String title = type != null ? type.getReasonPhrase() : "HTTP " + status;
            return new Problem("about:blank", title, status, title, null);
        }
        if (e instanceof AccountNotFoundException || e instanceof CrmNotFoundException) {
            return new Problem(Problem.type("not-found"), "Not found", 404, e.getMessage(), null);
        }
        if (e instanceof SyncAlreadyRunningException) {
            return new Problem(Problem.type("run-under-way"), "A run is under way", 409, e.getMessage(), null);
        }
        if (e instanceof PasswordBlockedException) {
            return new Problem(Problem.type("password-blocked"), "Groupware password blocked", 409,
                    e.getMessage() + "; enter new credentials to lift the block", "credentials");
        }
        if (e instanceof ConnectorUnavailableException) {
            return new Problem(Problem.type("not-installed"), "Not installed", 503, e.getMessage(), null);
        }
        if (e instanceof java.io.IOException) {
            // the connection failed while the request was read or the answer written (a client that went away):
            // nothing of ours is broken, and the client is unlikely to see this answer
            LOG.debug("I/O error on a REST API request", e);
            return new Problem(Problem.type("io"), "Request not read", 400, "the request could not be read", null);
        }
        if (e instanceof IllegalArgumentException) {
            // the services' documented answer to invalid input: the message names the field
            return new Problem(Problem.type("invalid-request"), "Invalid request", 400, e.getMessage(), null);
        }
        LOG.error("Unexpected error in the REST API", e);
        return new Problem(Problem.type("internal"), "Internal error", 500,
                "an unexpected error occurred; the server log has the details", null);
    }

    private static Problem json(JsonProcessingException e) {
        String field = null;
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
        }
        String detail = e.getOriginalMessage();
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            detail = "'" + invalid.getValue() + "' is not one of "
                    + java.util.Arrays.toString(invalid.getTargetType().getEnumConstants());
        }
        return new Problem(Problem.type("invalid-json"), "Invalid JSON", 400, detail, field);
    }
}
