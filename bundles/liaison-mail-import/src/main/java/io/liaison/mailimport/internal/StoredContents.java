package io.liaison.mailimport.internal;

import io.liaison.api.crm.DocumentStore;
import io.liaison.api.crm.DocumentUpload;
import io.liaison.api.domain.ActivityId;
import io.liaison.api.domain.Document;
import io.liaison.api.domain.DocumentId;
import io.liaison.api.domain.EmployeeId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The documents an activity holds, compared with a mail's by content (SHA-256 of the bytes), not by file name: the
 * same mail saved by another client names its attachments differently ({@code =?US-ASCII*EN?Q?...?=} undecoded in
 * one copy, decoded in the other; a name in one, none in the other), and comparing names stored the same attachment
 * twice. An attached mail is compared without its carriage returns, as the fingerprint compares it
 * ({@link SourceKey}): a copy saved with other line ends carries it with other line ends. A stored document is read
 * only when its size is that of the content asked about (or unknown; any mail for a mail), and once.
 */
final class StoredContents {
    private final DocumentStore store;
    private final EmployeeId actor;
    private final List<Document> documents;
    private final Map<DocumentId, String> hashes = new HashMap<>();
    private final Map<DocumentId, String> mailHashes = new HashMap<>();

    private StoredContents(DocumentStore store, EmployeeId actor, List<Document> documents) {
        this.store = store;
        this.actor = actor;
        this.documents = documents;
    }

    static StoredContents of(DocumentStore store, EmployeeId actor, ActivityId activity) {
        return new StoredContents(store, actor, store.list(actor, activity));
    }

    boolean isEmpty() {
        return documents.isEmpty();
    }

    /** Whether a document with exactly this content is stored with the activity. */
    boolean holds(DocumentUpload.Content content) throws IOException {
        Hashed wanted = hash(content.open());
        for (Document d : documents) {
            if ((d.size() == wanted.size() || d.size() < 0) && wanted.hash().equals(hashOf(d))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a mail with this content but for its line ends is stored with the activity. */
    boolean holdsMail(DocumentUpload.Content content) throws IOException {
        String wanted = SourceKey.hashWithoutCarriageReturns(content.open());
        for (Document d : documents) {
            if (SourceKey.isMail(d.mediaType()) && wanted.equals(mailHashOf(d))) {
                return true;
            }
        }
        return false;
    }

    private String hashOf(Document document) {
        return hashes.computeIfAbsent(document.id(), id -> read(document, in -> hash(in).hash()));
    }

    private String mailHashOf(Document document) {
        return mailHashes.computeIfAbsent(document.id(),
                id -> read(document, SourceKey::hashWithoutCarriageReturns));
    }

    private interface Hasher {
        String hash(InputStream in) throws IOException;
    }

    private String read(Document document, Hasher hasher) {
        try {
            return hasher.hash(store.open(actor, document.id()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read document " + document.fileName(), e);
        }
    }

    private record Hashed(String hash, long size) {
    }

    /** Hashes and closes the stream. */
    private static Hashed hash(InputStream content) throws IOException {
        MessageDigest digest = SourceKey.sha256();
        try (InputStream in = new DigestInputStream(content, digest)) {
            long size = in.transferTo(SourceKey.OutputStreamSink.INSTANCE);
            return new Hashed(HexFormat.of().formatHex(digest.digest()), size);
        }
    }
}
