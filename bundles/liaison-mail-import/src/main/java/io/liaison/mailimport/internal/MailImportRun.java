package io.liaison.mailimport.internal;

import io.liaison.api.connector.ChangeSet;
import io.liaison.api.connector.ItemNotFoundException;
import io.liaison.api.connector.MailFolder;
import io.liaison.api.connector.MailStore;
import io.liaison.api.connector.MessageRef;
import io.liaison.api.content.ContentServiceStoppedException;
import io.liaison.api.content.MessageParser;
import io.liaison.api.domain.Classification;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.mailimport.ImportSelection;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.SyncContext;
import io.liaison.api.runtime.TokenStore;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * One import run over an account's import folders: every message becomes an activity and is archived; a
 * message that cannot be imported stays where it is, with a journal entry saying why, and the run goes on.
 *
 * <p>A message goes through two stages. The run's own thread copies it out of the groupware
 * ({@link SpooledMessage}); a parsing thread parses it and categorises its attachments (the CPU-heavy part, Tika);
 * the run's thread then stores it in the CRM, archives it and writes the journal, message after message in the
 * folder's order. So the groupware and the CRM writes see one thread as before, every crash-safety argument of a
 * single message still holds (a message is only ever written by the run's thread, whole), and on a machine with
 * more than one core parsing the next messages overlaps storing the previous ones. At most a few messages are
 * prepared ahead, which bounds the memory (parsed bodies) and the temporary files (copies and attachments).
 *
 * <p>Any failure of one message, {@code Error}s such as an {@code OutOfMemoryError} included, is that message's
 * FAILED entry and the run goes on. A message that could not be read in {@code maxFailedAttempts} runs is moved to
 * the not-imported folder, so that it neither stays in the import folder for good nor costs every run again.
 */
final class MailImportRun {

    private final ImportFolderScanner scanner;
    private final MessageParser parser;
    private final MessageImporter importer;
    private final MailImportConfig config;
    private final TokenStore tokens;
    /** Whether the mail import module is being stopped (its own deactivation, apart from the run's cancellation). */
    private final BooleanSupplier moduleStopping;
    /** Set when the parser or the categoriser stopped under this run: the run ends, leaving the rest in place. */
    private volatile String contentStopped;
    /** The employee's own addresses, for this run. */
    private OwnAddresses own = new OwnAddresses(java.util.Set.of());

    MailImportRun(ImportFolderScanner scanner, MessageParser parser, MessageImporter importer, MailImportConfig config,
                  TokenStore tokens) {
        this(scanner, parser, importer, config, tokens, () -> false);
    }

    MailImportRun(ImportFolderScanner scanner, MessageParser parser, MessageImporter importer, MailImportConfig config,
                  TokenStore tokens, BooleanSupplier moduleStopping) {
        this.scanner = scanner;
        this.parser = parser;
        this.importer = importer;
        this.config = config;
        this.tokens = tokens;
        this.moduleStopping = moduleStopping;
    }

    /**
     * Why this run must stop before its next message, if it must: the runtime cancelled it, the module is stopping,
     * or a content service it needs stopped under it.
     */
    private Optional<String> stopReason(SyncContext context) {
        if (context.isCancelled()) {
            return Optional.of("the run was cancelled");
        }
        if (moduleStopping.getAsBoolean()) {
            return Optional.of("the mail import module is stopping");
        }
        return Optional.ofNullable(contentStopped);
    }

    /**
     * Runs the import.
     *
     * @param selection for a manual import: the chosen messages and classifications; empty for all
     */
    void run(SyncContext context, Optional<ImportSelection> selection) {
        run(context, selection, new OwnAddresses(java.util.Set.of()));
    }

    /** @param own the employee's own addresses: mail from them is mail the employee sent */
    void run(SyncContext context, Optional<ImportSelection> selection, OwnAddresses own) {
        this.own = own;
        MailStore store = context.session().mail().orElseThrow(() ->
                new IllegalStateException("the connector of account " + context.account().id() + " offers no mail"));
        EmployeeId employee = context.account().employee();
        Failures failures = new Failures(new FailedAttempts(tokens, context.account().id()),
                FolderNames.notImported(context.account(), config));
        ImportFolderScanner.Scan scan = scanner.scan(store, FolderNames.importRoot(context.account(), config),
                FolderNames.archive(context.account(), config));
        scan.warnings().forEach(w -> context.journal().record(SyncArea.MAILS, "import folders", Outcome.WARNING, w,
                Optional.empty()));
        int threads = Math.max(0, config.parsingThreads());
        ExecutorService parsing = threads == 0 ? null : Executors.newFixedThreadPool(threads, parsingThreadFactory());
        // enough prepared ahead to keep every parsing thread busy while the run's thread stores one message
        int ahead = Math.max(1, 2 * threads);
        Deque<Pending> pending = new ArrayDeque<>();
        try {
            int budget = config.maxMessagesPerRun();
            for (ImportFolder folder : scan.importFolders()) {
                ChangeSet<MessageRef> listing = store.changes(folder.folder().id(), Optional.empty());
                // files the connector could not even list as messages stay where they are, and say so
                listing.problems().forEach(p -> context.journal().record(SyncArea.MAILS, p.item(), Outcome.FAILED,
                        p.reason(), Optional.empty()));
                List<MessageRef> refs = listing.changed();
                for (int i = 0; i < refs.size(); i++) {
                    MessageRef ref = refs.get(i);
                    if (stopReason(context).isPresent()) {
                        leave(context, folder, refs.subList(i, refs.size()), pending);
                        break;
                    }
                    if (budget <= 0) {
                        break;
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
                    pending.add(prepare(store, folder, ref, chosen, parsing));
                    while (pending.size() > ahead && stopReason(context).isEmpty()) {
                        importOne(context, store, employee, pending.poll(), scan, failures);
                    }
                }
                while (!pending.isEmpty() && stopReason(context).isEmpty()) {
                    importOne(context, store, employee, pending.poll(), scan, failures);
                }
                if (stopReason(context).isPresent()) {
                    leave(context, folder, List.of(), pending);
                    break;
                }
                if (budget <= 0) {
                    break;
                }
            }
        } finally {
            // a cancelled run leaves what it prepared but did not store where it is, for the next run
            pending.forEach(Pending::discard);
            if (parsing != null) {
                // every task was joined by discard: nothing is left to interrupt, and parsing threads are never
                // interrupted (an interrupt in Tika's file I/O closes its channel and fails the message for nothing)
                parsing.shutdown();
            }
        }
    }

    /**
     * Journals the messages a stopping run leaves in their folder for the next run: those prepared but not stored
     * and those of the folder not reached. Nothing of them was written; they are named so that the journal shows
     * what the run did not do. Folders not reached are not listed (listing them would be more work while stopping).
     */
    private void leave(SyncContext context, ImportFolder folder, List<MessageRef> notReached, Deque<Pending> pending) {
        String why = stopReason(context).orElse("the run stopped");
        for (Pending p : pending) {
            context.journal().record(SyncArea.MAILS, p.item(), Outcome.SKIPPED,
                    notImported(why), Optional.empty());
            p.discard();
        }
        pending.clear();
        for (MessageRef ref : notReached) {
            context.journal().record(SyncArea.MAILS, folder.folder().displayPath() + "/" + ref.name(), Outcome.SKIPPED,
                    notImported(why), Optional.empty());
        }
    }

    /** A message on its way: copied out of the store, being parsed and categorised (or failed doing so). */
    private record Pending(ImportFolder folder, MessageRef ref, Optional<SpooledMessage> spooled,
                           CompletableFuture<Prepared> prepared) {
        String item() {
            return folder.folder().displayPath() + "/" + ref.name();
        }

        /** Releases what was prepared; waits for a parsing thread still at it, so that nothing is left behind. */
        void discard() {
            try {
                prepared.join().mail().close();
            } catch (CompletionException | CancellationException e) {
                // nothing was prepared
            } finally {
                spooled.ifPresent(SpooledMessage::close);
            }
        }
    }

    /** A parsed message with the classification of each of its documents. */
    private record Prepared(ParsedMail mail, MessageImporter.Classified classified) {
    }

    /** Copies the message on this thread and has it parsed and categorised on a parsing thread (or here). */
    private Pending prepare(MailStore store, ImportFolder folder, MessageRef ref,
                            Map<String, Classification> chosen, ExecutorService parsing) {
        SpooledMessage spooled;
        try {
            spooled = SpooledMessage.read(store, ref, parser.sizeLimit(), parser.spoolDirectory());
        } catch (RuntimeException e) {
            return new Pending(folder, ref, Optional.empty(), CompletableFuture.failedFuture(e));
        }
        // without parsing threads the task runs here, at once
        Executor executor = parsing == null ? Runnable::run : parsing;
        return new Pending(folder, ref, Optional.of(spooled),
                CompletableFuture.supplyAsync(() -> parse(spooled, ref, chosen), executor));
    }

    /**
     * Parses and categorises on a parsing thread. Whatever goes wrong here is the message's own fault (unreadable,
     * over a limit, a parser that failed on it, an {@code OutOfMemoryError} of an allocation for it), not the CRM's
     * or the groupware's: it fails this message only and counts towards moving it away.
     */
    private Prepared parse(SpooledMessage spooled, MessageRef ref, Map<String, Classification> chosen) {
        Instant deadline = importer.deadlineFromNow();
        ParsedMail mail;
        try {
            mail = ParsedMail.read(spooled, ref, parser);
        } catch (UncheckedIOException | ContentServiceStoppedException e) {
            throw e; // reading the copy failed, or the parser stopped: not the message's fault
        } catch (RuntimeException | Error e) {
            throw new UnreadableMessageException(e);
        }
        try {
            return new Prepared(mail, importer.classify(mail, chosen, deadline));
        } catch (ContentServiceStoppedException e) {
            mail.close();
            throw e;
        } catch (RuntimeException | Error e) {
            mail.close();
            throw new UnreadableMessageException(e);
        }
    }

    /** The message itself could not be read or categorised; the cause says why. */
    private static final class UnreadableMessageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnreadableMessageException(Throwable cause) {
            super(reason(cause), cause);
        }
    }

    /** Where messages that keep failing go, and how their failures are counted. */
    private record Failures(FailedAttempts attempts, String folderName) {
    }

    private void importOne(SyncContext context, MailStore store, EmployeeId employee, Pending pending,
                           ImportFolderScanner.Scan scan, Failures failures) {
        String item = pending.item();
        try {
            Prepared prepared = pending.prepared().join();
            MessageImporter.Result result = importer.importMail(employee, store, prepared.mail(),
                    pending.folder().status(), scan.archive(), prepared.classified().byName(), own);
            String id = result.activity().id().value();
            if (result.sharedWith().isPresent()) {
                context.journal().record(SyncArea.MAILS, item, Outcome.LINKED, "imported by "
                        + result.sharedWith().get().value() + " before as activity " + id
                        + ": one activity for the whole CRM, " + employee.value() + " added to it", Optional.of(id));
            } else if (result.created()) {
                context.journal().record(SyncArea.MAILS, item, Outcome.CREATED,
                        "status " + pending.folder().status() + ", " + result.documents() + " documents, "
                                + result.assignment() + parserNotes(prepared.mail()), Optional.of(id));
            } else {
                context.journal().record(SyncArea.MAILS, item, Outcome.UNCHANGED,
                        "already imported as activity " + id + "; " + result.documents() + " missing documents stored",
                        Optional.of(id));
            }
            if (result.created()) {
                // a document categorised without its text is stored, but the user is told, never silently
                prepared.classified().textProblems().forEach((document, problem) -> context.journal().record(
                        SyncArea.MAILS, item + " / " + document, Outcome.WARNING,
                        "categorised by its name and type only: " + problem, Optional.of(id)));
            }
            result.keyProblem().ifPresent(p ->
                    context.journal().record(SyncArea.MAILS, item, Outcome.WARNING, p, Optional.of(id)));
            result.moveProblem().ifPresent(p ->
                    context.journal().record(SyncArea.MAILS, item, Outcome.WARNING, p, Optional.of(id)));
            failures.attempts().forget(pending.ref().id());
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof UnreadableMessageException unreadable) {
                unreadable(context, store, pending, unreadable.getCause(), failures);
            } else if (cause instanceof ContentServiceStoppedException stopped) {
                contentStopped = reason(stopped);
                context.journal().record(SyncArea.MAILS, item, Outcome.SKIPPED, notImported(contentStopped),
                        Optional.empty());
            } else {
                failed(context, item, cause);
            }
        } catch (RuntimeException | Error e) {
            failed(context, item, e);
        } finally {
            pending.discard();
        }
    }

    /**
     * A message that could not be read: its FAILED entry, and after the configured number of such runs a move to
     * the not-imported folder, so that it stops costing every run.
     */
    private void unreadable(SyncContext context, MailStore store, Pending pending, Throwable cause, Failures failures) {
        String item = pending.item();
        int max = config.maxFailedAttempts();
        int attempt;
        try {
            attempt = failures.attempts().failed(pending.ref().id());
        } catch (RuntimeException e) {
            context.journal().record(SyncArea.MAILS, item, Outcome.FAILED, reason(cause)
                    + " (the failed attempt could not be counted: " + reason(e) + ")", Optional.empty());
            return;
        }
        if (max <= 0 || attempt < max) {
            context.journal().record(SyncArea.MAILS, item, Outcome.FAILED, reason(cause)
                    + (max <= 0 ? "" : " (attempt " + attempt + " of " + max + ")"), Optional.empty());
            return;
        }
        String moved;
        try {
            MailFolder folder = store.ensureFolder(store.inbox().id(), failures.folderName());
            store.move(pending.ref().id(), folder.id());
            failures.attempts().forget(pending.ref().id());
            moved = "; failed " + attempt + " times, moved to '" + folder.displayPath() + "'";
        } catch (RuntimeException e) {
            moved = "; failed " + attempt + " times, but could not be moved to '" + failures.folderName() + "': "
                    + reason(e);
        }
        context.journal().record(SyncArea.MAILS, item, Outcome.FAILED, reason(cause) + moved, Optional.empty());
    }

    private static void failed(SyncContext context, String item, Throwable e) {
        if (e instanceof ItemNotFoundException) {
            context.journal().record(SyncArea.MAILS, item, Outcome.SKIPPED,
                    "the message disappeared during the run: " + e.getMessage(), Optional.empty());
        } else if (e instanceof VirtualMachineError fatal && !(e instanceof OutOfMemoryError)
                && !(e instanceof StackOverflowError)) {
            // the JVM itself is broken (InternalError, UnknownError): no point in the next message
            throw fatal;
        } else {
            // an OutOfMemoryError of this message's work is over when it is thrown: the run goes on
            context.journal().record(SyncArea.MAILS, item, Outcome.FAILED, reason(e), Optional.empty());
        }
    }

    /** The journal's words for a message a stopping run leaves where it is. */
    private static String notImported(String why) {
        return "not imported: " + why + "; left in its folder for the next run";
    }

    /** The parser's notes on the mail, for its journal entry (see {@link ParserNotes}). */
    static String parserNotes(ParsedMail mail) {
        List<String> notes = ParserNotes.of(mail.message());
        return notes.isEmpty() ? "" : "; parser notes: " + String.join("; ", ParserNotes.shown(notes));
    }

    private static ThreadFactory parsingThreadFactory() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "liaison-mail-parsing-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    static String reason(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
