package io.liaison.rest.internal;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import io.liaison.api.domain.Classification;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.mailimport.AttachmentProposal;
import io.liaison.api.mailimport.ImportCandidate;
import io.liaison.api.mailimport.ImportSelection;
import io.liaison.api.mailimport.MailImportService;
import io.liaison.api.runtime.SyncRun;

/**
 * {@code /api/mail-import/{account}}: the spec's manual mail import of one of the caller's accounts in its two steps,
 * the messages waiting in the import folders (with their documents' proposed category and keywords), then the import
 * of the chosen ones with the category and keywords set per document.
 */
@Path("mail-import")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MailImportResource {
    static final String MAIL_IMPORT = "liaison-mail-import";
    private final Modules modules;
    private final AccountsResource accounts;

    public MailImportResource(Modules modules) {
        this.modules = modules;
        this.accounts = new AccountsResource(modules);
    }

    /** What is waiting in the account's import folders; writes nothing. */
    @GET
    @Path("{account}")
    public Views.MailPreview preview(@Context HttpServletRequest request, @PathParam("account") String id) {
        GroupwareAccount account = accounts.visible(Access.of(request, modules), id);
        MailImportService service = service();
        return new Views.MailPreview(account.id().value(), service.isEditDocumentStepEnabled(),
                service.preview(account.id()).stream().map(Views::candidate).toList());
    }

    /**
     * Imports the chosen messages (every one without problems when none is named) as one run and answers the ended
     * run. The chosen messages and documents must be among those waiting: a stale choice is refused, not ignored.
     */
    @POST
    @Path("{account}")
    public Response importMessages(@Context HttpServletRequest request, @PathParam("account") String id,
                                   Inputs.MailImport input) {
        GroupwareAccount account = accounts.visible(Access.of(request, modules), id);
        MailImportService service = service();
        List<String> chosen = input == null || input.messages() == null ? List.of() : input.messages();
        Map<String, Map<String, Inputs.DocumentClassification>> documents =
                input == null || input.documents() == null ? Map.of() : input.documents();
        if (!documents.isEmpty() && !service.isEditDocumentStepEnabled()) {
            throw ProblemException.badRequest("documents", "the administrator switched the edit document step off");
        }
        Map<String, ImportCandidate> waiting = service.preview(account.id()).stream()
                .collect(Collectors.toMap(ImportCandidate::messageId, c -> c, (a, b) -> a));
        for (int i = 0; i < chosen.size(); i++) {
            if (chosen.get(i) == null || !waiting.containsKey(chosen.get(i))) {
                throw ProblemException.badRequest("messages[" + i + "]",
                        "no message '" + chosen.get(i) + "' is waiting in the import folders");
            }
        }
        Map<String, Map<String, Classification>> classifications = new HashMap<>();
        documents.forEach((message, files) -> {
            ImportCandidate candidate = waiting.get(message);
            if (candidate == null) {
                throw ProblemException.badRequest("documents." + message,
                        "no message '" + message + "' is waiting in the import folders");
            }
            Set<String> names = candidate.attachments().stream().map(AttachmentProposal::fileName)
                    .collect(Collectors.toSet());
            Map<String, Classification> perFile = new HashMap<>();
            (files == null ? Map.<String, Inputs.DocumentClassification>of() : files).forEach((file, c) -> {
                String field = "documents." + message + "." + file;
                if (!names.contains(file)) {
                    throw ProblemException.badRequest(field, "the message has no document '" + file + "'");
                }
                if (c == null) {
                    throw ProblemException.badRequest(field, "the category and keywords are required");
                }
                perFile.put(file, new Classification(c.category() == null ? "" : c.category().strip(),
                        c.keywords() == null ? List.of() : c.keywords().stream().filter(k -> k != null)
                                .map(String::strip).filter(k -> !k.isEmpty()).toList()));
            });
            classifications.put(message, perFile);
        });
        SyncRun run = service.importMessages(account.id(), new ImportSelection(chosen, classifications));
        return Response.created(URI.create("runs/" + run.id())).entity(Views.run(run)).build();
    }

    private MailImportService service() {
        return Modules.require(modules.mailImport(), MAIL_IMPORT);
    }
}
