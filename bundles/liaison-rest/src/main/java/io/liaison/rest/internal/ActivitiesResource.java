package io.liaison.rest.internal;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import io.liaison.api.crm.CrmNotFoundException;
import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.ActivityId;
import io.liaison.api.domain.Document;
import io.liaison.api.domain.EmployeeId;

/** {@code /api/activities}: the CRM activities the caller's employee sees, as the mail import left them. */
@Path("activities")
public class ActivitiesResource {
    private final Modules modules;

    public ActivitiesResource(Modules modules) {
        this.modules = modules;
    }

    /**
     * The stored original of an imported mail (the spec's "open the joined e-mail") as the {@code .eml} or
     * {@code .msg} file it was, to be saved rather than shown: it is mail from outside, never rendered by the browser.
     */
    @GET
    @Path("{id}/original")
    @Produces({"message/rfc822", "application/vnd.ms-outlook", MediaType.APPLICATION_OCTET_STREAM})
    public Response original(@Context HttpServletRequest request, @PathParam("id") String id) {
        EmployeeId actor = Access.of(request, modules).employee().orElseThrow(() -> new ProblemException(403,
                "no-employee", "No CRM employee", "activities are opened as a CRM employee; this user has none",
                null));
        HostCrm crm = Modules.require(modules.crm(), "a host CRM (e.g. liaison-crm-embedded)");
        Document original;
        try {
            original = Modules.require(modules.mailImport(), MailImportResource.MAIL_IMPORT)
                    .original(actor, ActivityId.of(id))
                    .orElseThrow(() -> new ProblemException(404, "not-found", "Not found", "activity " + id
                            + " has no stored original mail (not an imported mail, or its original was deleted)",
                            null));
        } catch (CrmNotFoundException e) {
            throw ProblemException.notFound("activity", id);
        }
        StreamingOutput body = out -> {
            try (InputStream in = crm.documents().open(actor, original.id())) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, original.mediaType()).header(HttpHeaders.CONTENT_LENGTH, original.size())
                .header("Content-Disposition", attachment(original.fileName()))
                .header("X-Content-Type-Options", "nosniff").build();
    }

    /**
     * {@code attachment} with the file name as RFC 6266 has it: an ASCII {@code filename} for old clients (quotes,
     * backslashes and control or non-ASCII characters replaced) and the exact name as RFC 8187 {@code filename*}.
     */
    static String attachment(String fileName) {
        StringBuilder ascii = new StringBuilder();
        fileName.codePoints().forEach(c -> ascii.append(c < 0x20 || c > 0x7e || c == '"' || c == '\\' ? '_'
                : (char) c));
        StringBuilder encoded = new StringBuilder();
        for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            // RFC 8187 attr-char: ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~"
            if (Character.isLetterOrDigit(c) && c < 0x80 || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
