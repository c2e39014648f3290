package io.liaison.mailimport.internal;

import io.liaison.api.connector.MailStore;
import io.liaison.api.connector.MessageRef;
import io.liaison.api.content.MessageParser;
import io.liaison.api.domain.ActivityData;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.StatusKey;
import io.liaison.api.mailimport.ImportCandidate;
import io.liaison.api.mailimport.MessageInspection;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The read-only side of the import: the manual import's first step (what waits in the import folders, with
 * the problems of each) and {@code mail-inspect} (what one file would become). Writes nothing; only the
 * scan may create a missing import root or archive folder.
 */
final class ImportPreview {

    private final ImportFolderScanner scanner;
    private final MessageParser parser;
    private final MessageImporter importer;

    ImportPreview(ImportFolderScanner scanner, MessageParser parser, MessageImporter importer) {
        this.scanner = scanner;
        this.parser = parser;
        this.importer = importer;
    }

    List<ImportCandidate> candidates(MailStore store, String rootName, String archiveName) {
        ImportFolderScanner.Scan scan = scanner.scan(store, rootName, archiveName);
        List<ImportCandidate> candidates = new ArrayList<>();
        for (ImportFolder folder : scan.importFolders()) {
            for (MessageRef ref : store.changes(folder.folder().id(), Optional.empty()).changed()) {
                candidates.add(candidate(store, folder, ref));
            }
        }
        return candidates;
    }

    private ImportCandidate candidate(MailStore store, ImportFolder folder, MessageRef ref) {
        String path = folder.folder().displayPath();
        try (ParsedMail mail = ParsedMail.read(store, ref, parser)) {
            return new ImportCandidate(ref.id(), path, folder.status(), mail.message().subject(), mail.message().from(),
                    mail.message().sentAt().or(mail::receivedAt), importer.propose(mail), List.of());
        } catch (RuntimeException e) {
            return new ImportCandidate(ref.id(), path, folder.status(), ref.name(), "", ref.receivedAt(), List.of(),
                    List.of(MailImportRun.reason(e)));
        }
    }

    MessageInspection inspect(EmployeeId actor, InputStream raw, String mediaType, String name,
                              MailActivityMapper mapper, OwnAddresses own) {
        MessageRef ref = new MessageRef(name, "", "", name, Optional.empty(), -1, Optional.empty());
        ParsedMail mail;
        try {
            mail = ParsedMail.parse(raw, mediaType, ref, parser, () -> {
                throw new IOException("an inspected message is not stored");
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            return new MessageInspection("", Optional.empty(), List.of(), 0, "", List.of(MailImportRun.reason(e)));
        }
        try (mail) {
            MessageImporter.Placement placement = importer.place(actor, mail.message(), own);
            Assignment assignment = placement.assignment();
            ActivityData activity = mapper.toActivity(mail.message(), mail.sourceKey(), StatusKey.IMPORTED, actor,
                    assignment, Optional.empty(), placement.type());
            return new MessageInspection(mail.sourceKey(), Optional.of(activity), importer.propose(mail),
                    countEmbedded(mail.message()), assignment.description(), mail.message().problems());
        }
    }

    private static int countEmbedded(io.liaison.api.content.ParsedMessage message) {
        int n = 0;
        for (io.liaison.api.content.ParsedMessage embedded : message.embeddedMessages()) {
            n += 1 + countEmbedded(embedded);
        }
        return n;
    }
}
