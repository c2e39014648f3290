package io.liaison.crm.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.crm.CrmNotFoundException;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityId;
import io.liaison.api.domain.Classification;
import io.liaison.api.domain.Document;
import io.liaison.api.domain.DocumentId;
import io.liaison.api.domain.NewDocument;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Documents: content streams in and out unchanged, whatever its size; category and keywords can be changed. */
public abstract class DocumentStoreContract extends ContractSupport {

    private Activity activity() {
        return crm().activities().create(me(), CrmTestData.mail(me(), "with documents", CrmTestData.uniqueWindow()).build(),
                Optional.of(CrmTestData.unique("doc")));
    }

    private static byte[] read(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    @Test
    void attachedDocumentsAreListedInOrderAndReadBackUnchanged() throws IOException {
        Activity a = activity();
        byte[] eml = "From: a@b.example\r\nSubject: Hi\r\n\r\nHello".getBytes(StandardCharsets.US_ASCII);
        byte[] pdf = "%PDF-1.4 not really".getBytes(StandardCharsets.US_ASCII);
        Classification invoice = new Classification("Invoice", List.of("invoice", "2024"));
        Document first = crm().documents().attach(me(), a.id(), new NewDocument("message.eml", "message/rfc822",
                Classification.NONE), new ByteArrayInputStream(eml));
        Document second = crm().documents().attach(me(), a.id(), new NewDocument("Rechnung Ü.pdf", "application/pdf",
                invoice), new ByteArrayInputStream(pdf));

        assertThat(first.activity()).isEqualTo(a.id());
        assertThat(first.fileName()).isEqualTo("message.eml");
        assertThat(first.mediaType()).isEqualTo("message/rfc822");
        assertThat(first.size()).isEqualTo(eml.length);
        assertThat(first.classification()).isEqualTo(Classification.NONE);
        assertThat(second.fileName()).isEqualTo("Rechnung Ü.pdf");
        assertThat(second.classification()).isEqualTo(invoice);
        assertThat(second.size()).isEqualTo(pdf.length);
        assertThat(first.id()).isNotEqualTo(second.id());

        assertThat(crm().documents().list(me(), a.id())).containsExactly(first, second);
        assertThat(read(crm().documents().open(me(), first.id()))).isEqualTo(eml);
        assertThat(read(crm().documents().open(me(), second.id()))).isEqualTo(pdf);
    }

    @Test
    void anActivityWithoutDocumentsListsNone() {
        assertThat(crm().documents().list(me(), activity().id())).isEmpty();
    }

    @Test
    void anEmptyDocumentIsStored() throws IOException {
        Activity a = activity();
        Document d = crm().documents().attach(me(), a.id(), new NewDocument("empty.txt", "text/plain", Classification.NONE),
                InputStream.nullInputStream());
        assertThat(d.size()).isZero();
        assertThat(read(crm().documents().open(me(), d.id()))).isEmpty();
    }

    @Test
    void aLargeDocumentStreamsThroughUnchangedAndTheCallersStreamStaysOpen() throws Exception {
        long size = fixture().largeDocumentBytes();
        Activity a = activity();
        GeneratedStream content = new GeneratedStream(size, 42);
        Document d = crm().documents().attach(me(), a.id(), new NewDocument("big.bin", "application/octet-stream",
                Classification.NONE), content);
        assertThat(content.closed).as("attach must not close the caller's stream").isFalse();
        assertThat(d.size()).isEqualTo(size);

        MessageDigest read = MessageDigest.getInstance("SHA-256");
        long total = 0;
        try (InputStream in = crm().documents().open(me(), d.id())) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                read.update(buffer, 0, n);
                total += n;
            }
        }
        assertThat(total).isEqualTo(size);
        assertThat(read.digest()).isEqualTo(GeneratedStream.digestOf(size, 42));
    }

    @Test
    void classifyReplacesCategoryAndKeywordsOnly() throws IOException {
        Activity a = activity();
        byte[] bytes = {1, 2, 3};
        Document d = crm().documents().attach(me(), a.id(), new NewDocument("x.bin", "application/octet-stream",
                new Classification("Old", List.of("old"))), new ByteArrayInputStream(bytes));
        Classification offer = new Classification("Offer", List.of("offer", "Angebot", "2025"));
        Document classified = crm().documents().classify(me(), d.id(), offer);
        assertThat(classified.classification()).isEqualTo(offer);
        assertThat(classified.id()).isEqualTo(d.id());
        assertThat(classified.fileName()).isEqualTo(d.fileName());
        assertThat(classified.size()).isEqualTo(d.size());
        assertThat(crm().documents().list(me(), a.id())).containsExactly(classified);
        assertThat(read(crm().documents().open(me(), d.id()))).isEqualTo(bytes);

        Document cleared = crm().documents().classify(me(), d.id(), Classification.NONE);
        assertThat(cleared.classification()).isEqualTo(Classification.NONE);
    }

    @Test
    void missingActivitiesAndDocumentsAreNotFound() {
        ActivityId missing = ActivityId.of(CrmTestData.unique("missing"));
        DocumentId missingDoc = DocumentId.of(CrmTestData.unique("missing"));
        NewDocument doc = new NewDocument("a.txt", "text/plain", Classification.NONE);
        assertThatThrownBy(() -> crm().documents().attach(me(), missing, doc, new ByteArrayInputStream(new byte[1])))
                .isInstanceOf(CrmNotFoundException.class);
        assertThatThrownBy(() -> crm().documents().open(me(), missingDoc)).isInstanceOf(CrmNotFoundException.class);
        assertThatThrownBy(() -> crm().documents().classify(me(), missingDoc, Classification.NONE))
                .isInstanceOf(CrmNotFoundException.class);
        try {
            assertThat(crm().documents().list(me(), missing)).isEmpty();
        } catch (CrmNotFoundException expected) {
            // either answer is fine: there is nothing to list
        }
    }

    @Test
    void deletingTheActivityDeletesItsDocuments() {
        Activity a = activity();
        Document d = crm().documents().attach(me(), a.id(), new NewDocument("a.txt", "text/plain", Classification.NONE),
                new ByteArrayInputStream(new byte[] {7}));
        crm().activities().delete(me(), a.id(), a.version());
        assertThatThrownBy(() -> crm().documents().open(me(), d.id())).isInstanceOf(CrmNotFoundException.class);
    }

    /** Deterministic pseudo-random bytes, made as they are read, so the test holds none of them. */
    static final class GeneratedStream extends FilterInputStream {
        private final SplittableRandom random;
        private long remaining;
        boolean closed;

        GeneratedStream(long size, long seed) {
            super(InputStream.nullInputStream());
            this.random = new SplittableRandom(seed);
            this.remaining = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (remaining == 0) {
                return -1;
            }
            int n = (int) Math.min(len, Math.min(remaining, 8192));
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) random.nextInt(256);
            }
            remaining -= n;
            return n;
        }

        @Override
        public void close() {
            closed = true;
        }

        static byte[] digestOf(long size, long seed) throws NoSuchAlgorithmException {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            GeneratedStream again = new GeneratedStream(size, seed);
            byte[] buffer = new byte[8192];
            for (int n; (n = again.read(buffer, 0, buffer.length)) >= 0; ) {
                digest.update(buffer, 0, n);
            }
            return digest.digest();
        }
    }
}
