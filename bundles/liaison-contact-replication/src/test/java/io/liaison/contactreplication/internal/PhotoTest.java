package io.liaison.contactreplication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.contactreplication.ImportReport;
import io.liaison.api.domain.Photo;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Photos over the local connector, and a vCard whose photo is over 4 MB. */
class PhotoTest extends PhotoCases {

    @Override
    ContactFlow.Backend backend() {
        return ContactFlow.Backend.LOCAL;
    }

    @Test
    void aVcardPhotoOverFourMegabytesIsLeftOutAndTheContactImported() {
        flow.writeVcard("huge.vcf", ImportCases.vcard("huge", "Paul", "Riesig", "riesig@firma.de", null,
                "PHOTO;ENCODING=b;TYPE=JPEG:" + Base64.getEncoder().encodeToString(Arrays.copyOf(JPEG, Photo.MAX_BYTES + 1024))
                        + "\n"));

        ImportReport report = flow.replication.importChosen(flow.account.id(), Map.of("huge", firma.id()));

        assertThat(report.imported()).singleElement().satisfies(id ->
                assertThat(flow.crm.contactPersons().photo(ContactFlow.DEMO, id)).isEmpty());
    }
}
