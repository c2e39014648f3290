package io.liaison.mailimport.internal;

import io.liaison.api.connector.ChangeSet;
import io.liaison.api.connector.ItemNotFoundException;
import io.liaison.api.connector.MailStore;
import io.liaison.api.connector.MessageRef;
import io.liaison.api.content.MessageParser;
import io.liaison.api.domain.Classification;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.mailimport.ImportSelection;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.SyncContext;
import java.util.Map;
import java.util.Optional;

/**
 * One import run over an account's import folders: every message becomes an activity and is archived; a
 * message that cannot be imported stays where it is, with a journal entry saying why, and the run goes on.
 */
final class MailImportRun {

    private final ImportFolderScanner scanner;
    private final MessageParser parser;
    private final MessageImporter importer;
    private final MailImportConfig config;

    MailImportRun(ImportFolderScanner scanner, MessageParser parser, MessageImporter importer, MailImportConfig config) {
        this.scanner = scanner;
        this.parser = parser;
        this.importer = importer;
        this.config = config;
    }

    /**
     * Runs the import.
     *
     * @param selection for a manual import: the chosen messages and classifications; empty for all
     */
    void run(SyncContext context, Optional<ImportSelection> selection) {
        MailStore store = context.session().mail().orElseThrow(() ->
                new IllegalStateException("the connector of account " + context.account().id() + " offers no mail"));
        EmployeeId employee = context.account().employee();
        ImportFolderScanner.Scan scan = scanner.scan(store, FolderNames.importRoot(context.account(), config),
                FolderNames.archive(context.account(), config));
        scan.warnings().forEach(w -> context.journal().record(SyncArea.MAILS, "import folders", Outcome.WARNING, w,
                Optional.empty()));
        int budget = config.maxMessagesPerRun();
        for (ImportFolder folder : scan.importFolders()) {
            ChangeSet<MessageRef> listing = store.changes(folder.folder().id(), Optional.empty());
            // files the connector could not even list as messages stay where they are, and say so
            listing.problems().forEach(p -> context.journal().record(SyncArea.MAILS, p.item(), Outcome.FAILED,
                    p.reason(), Optional.empty()));
            for (MessageRef ref : listing.changed()) {
                if (context.isCancelled() || budget <= 0) {
                    return;
                }
                if (selection.isPresent() && !selection.get().messageIds().isEmpty()
                        && !selection.get().messageIds().contains(ref.id())) {
                    continue;
                }
                budget--;
                Map<String, Classification> chosen = selection
                        .map(s -> s.classifications().getOrDefault(ref.id(), Map.of()))
                        .filter(c -> config.editDocumentStep())
                        .orElse(Map.of());
                importOne(context, store, employee, folder, ref, scan, chosen);
            }
        }
    }

    private void importOne(SyncContext context, MailStore store, EmployeeId employee, ImportFolder folder,
                           MessageRef ref, ImportFolderScanner.Scan scan, Map<String, Classification> chosen) {
        String item = folder.folder().displayPath() + "/" + ref.name();
        try (ParsedMail mail = ParsedMail.read(store, ref, parser)) {
            MessageImporter.Result result = importer.importMail(employee, store, mail, folder.status(), scan.archive(),
                    chosen);
            String id = result.activity().id().value();
            if (result.created()) {
                context.journal().record(SyncArea.MAILS, item, Outcome.CREATED,
                        "status " + folder.status() + ", " + result.documents() + " documents, " + result.assignment(),
                        Optional.of(id));
            } else {
                context.journal().record(SyncArea.MAILS, item, Outcome.UNCHANGED,
                        "already imported as activity " + id + "; " + result.documents() + " missing documents stored",
                        Optional.of(id));
            }
            result.moveProblem().ifPresent(p ->
                    context.journal().record(SyncArea.MAILS, item, Outcome.WARNING, p, Optional.of(id)));
        } catch (ItemNotFoundException e) {
            context.journal().record(SyncArea.MAILS, item, Outcome.SKIPPED,
                    "the message disappeared during the run: " + e.getMessage(), Optional.empty());
        } catch (RuntimeException e) {
            context.journal().record(SyncArea.MAILS, item, Outcome.FAILED, reason(e), Optional.empty());
        }
    }

    static String reason(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
