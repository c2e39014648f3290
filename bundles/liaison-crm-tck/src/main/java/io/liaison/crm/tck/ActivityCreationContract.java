package io.liaison.crm.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.crm.ActivityCreation;
import io.liaison.api.crm.DocumentUpload;
import io.liaison.api.domain.ActivityData;
import io.liaison.api.domain.Classification;
import io.liaison.api.domain.Document;
import io.liaison.api.domain.NewDocument;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code HostCrm.createWithDocuments}: an activity with its documents in one call, once per idempotency key. (Whether
 * a failure part way leaves nothing depends on the CRM: the default implementation is not atomic.)
 */
public abstract class ActivityCreationContract extends ContractSupport {

    private static final byte[] EML = "From: a@b.example\r\nSubject: Offer\r\n\r\nHello".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PDF = "%PDF-1.4 an offer".getBytes(StandardCharsets.US_ASCII);

    /** Counts how often the content was opened and closed. */
    private static final class Tracked implements DocumentUpload.Content {
        final byte[] bytes;
        final AtomicInteger opened = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();

        Tracked(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public InputStream open() {
            opened.incrementAndGet();
            return new FilterInputStream(new ByteArrayInputStream(bytes)) {
                @Override
                public void close() throws IOException {
                    closed.incrementAndGet();
                    super.close();
                }
            };
        }
    }

    private static byte[] read(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    @Test
    void theActivityAndItsDocumentsAreStoredAsAReadReturnsThem() throws IOException {
        String key = CrmTestData.unique("with-docs") + "@mail.example";
        ActivityData data = CrmTestData.mail(me(), "offer with documents", CrmTestData.uniqueWindow()).build();
        Tracked eml = new Tracked(EML);
        Tracked pdf = new Tracked(PDF);
        Classification offer = new Classification("Offer", List.of("offer", "2024"));

        ActivityCreation result = crm().createWithDocuments(me(), data, Optional.of(key), List.of(
                new DocumentUpload(new NewDocument("message.eml", "message/rfc822", Classification.NONE), eml),
                new DocumentUpload(new NewDocument("Angebot Ü.pdf", "application/pdf", offer), pdf)));

        assertThat(result.created()).isTrue();
        assertThat(result.activity().data()).isEqualTo(data);
        assertThat(result.activity().sourceKey()).contains(key);
        assertThat(crm().activities().get(me(), result.activity().id())).contains(result.activity());
        assertThat(crm().activities().findBySourceKey(me(), key)).contains(result.activity());
        assertThat(result.documents()).extracting(Document::fileName).containsExactly("message.eml", "Angebot Ü.pdf");
        assertThat(result.documents()).allSatisfy(d -> assertThat(d.activity()).isEqualTo(result.activity().id()));
        assertThat(result.documents().get(1).classification()).isEqualTo(offer);
        assertThat(result.documents().get(1).size()).isEqualTo(PDF.length);
        assertThat(crm().documents().list(me(), result.activity().id())).isEqualTo(result.documents());
        assertThat(read(crm().documents().open(me(), result.documents().get(0).id()))).isEqualTo(EML);
        assertThat(read(crm().documents().open(me(), result.documents().get(1).id()))).isEqualTo(PDF);
        assertThat(eml.opened).hasValue(1);
        assertThat(eml.closed).hasValue(1);
        assertThat(pdf.opened).hasValue(1);
        assertThat(pdf.closed).hasValue(1);
    }

    @Test
    void aKeyAlreadyUsedReturnsItsActivityAndAttachesNothing() {
        String key = CrmTestData.unique("repeat") + "@mail.example";
        ActivityCreation first = crm().createWithDocuments(me(),
                CrmTestData.mail(me(), "first", CrmTestData.uniqueWindow()).build(), Optional.of(key),
                List.of(new DocumentUpload(new NewDocument("first.eml", "message/rfc822", Classification.NONE),
                        new Tracked(EML))));

        ActivityCreation again = crm().createWithDocuments(me(),
                CrmTestData.mail(me(), "second", CrmTestData.uniqueWindow()).build(), Optional.of(key),
                List.of(new DocumentUpload(new NewDocument("second.eml", "message/rfc822", Classification.NONE),
                        new Tracked(EML))));

        assertThat(again.created()).isFalse();
        assertThat(again.documents()).isEmpty();
        assertThat(again.activity()).isEqualTo(first.activity());
        assertThat(crm().documents().list(me(), first.activity().id())).extracting(Document::fileName)
                .containsExactly("first.eml");
    }

    @Test
    void withoutDocumentsItIsAPlainCreate() {
        ActivityData data = CrmTestData.task(me(), CrmTestData.unique("bare")).build();
        ActivityCreation result = crm().createWithDocuments(me(), data, Optional.empty(), List.of());
        assertThat(result.created()).isTrue();
        assertThat(result.documents()).isEmpty();
        assertThat(crm().activities().get(me(), result.activity().id())).contains(result.activity());
        assertThat(crm().documents().list(me(), result.activity().id())).isEmpty();
    }
}
