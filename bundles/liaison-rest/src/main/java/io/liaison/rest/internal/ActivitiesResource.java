package io.liaison.rest.internal;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import io.liaison.api.crm.CrmNotFoundException;
import io.liaison.api.crm.HostCrm;
import io.liaison.api.crm.Quicksearch;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityId;
import io.liaison.api.domain.Document;
import io.liaison.api.domain.EmployeeId;

/**
 * {@code /api/activities}: the CRM activities the caller's employee sees: the spec's three quicksearches for imported
 * mails, paged, and the stored original of an imported mail.
 */
@Path("activities")
public class ActivitiesResource {
    /** How deep a client may page: the CRM reads every row up to the page. */
    static final int MAX_OFFSET = 10_000;
    private final Modules modules;

    public ActivitiesResource(Modules modules) {
        this.modules = modules;
    }

    /**
     * One page of a quicksearch (default: the imported mails nobody has dealt with yet), newest first, over the
     * caller's own activities and the shared mails they imported too. The CRM answers the first rows only, so a
     * page says whether {@code more} follow rather than a total, and the offset is bounded.
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Views.Slice<Views.Activity> quicksearch(@Context HttpServletRequest request,
                                                  @QueryParam("quicksearch") String name,
                                                  @QueryParam("offset") String offset,
                                                  @QueryParam("limit") String limit) {
        EmployeeId actor = actor(request);
        Quicksearch quicksearch = quicksearch(name);
        int from = RunsResource.number("offset", offset, 0, 0, MAX_OFFSET);
        int max = RunsResource.number("limit", limit, RunsResource.DEFAULT_LIMIT, 1, RunsResource.MAX_LIMIT);
        List<Activity> rows = crm().activities().quicksearch(actor, quicksearch, from + max + 1);
        List<Views.Activity> page = rows.stream().skip(from).limit(max).map(Views::activity).toList();
        return new Views.Slice<>(from, max, rows.size() > from + max, page);
    }

    /**
     * The stored original of an imported mail (the spec's "open the joined e-mail") as the {@code .eml} or
     * {@code .msg} file it was, to be saved rather than shown: it is mail from outside, never rendered by the browser.
     */
    @GET
    @Path("{id}/original")
    @Produces({"message/rfc822", "application/vnd.ms-outlook", MediaType.APPLICATION_OCTET_STREAM})
    public Response original(@Context HttpServletRequest request, @PathParam("id") String id) {
        EmployeeId actor = actor(request);
        HostCrm crm = crm();
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

    private EmployeeId actor(HttpServletRequest request) {
        return Access.of(request, modules).employee().orElseThrow(() -> new ProblemException(403, "no-employee",
                "No CRM employee", "activities are seen as a CRM employee; this user has none", null));
    }

    private HostCrm crm() {
        return Modules.require(modules.crm(), "a host CRM (e.g. liaison-crm-embedded)");
    }

    private static Quicksearch quicksearch(String name) {
        if (name == null || name.isBlank()) {
            return Quicksearch.IMPORTED_MAILS;
        }
        try {
            return Quicksearch.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("quicksearch", "'" + name + "' is not one of "
                    + List.of(Quicksearch.values()));
        }
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
