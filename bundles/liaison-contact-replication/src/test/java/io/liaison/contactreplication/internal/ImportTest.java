package io.liaison.contactreplication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.contactreplication.ImportPreview;
import org.junit.jupiter.api.Test;

/** The import wizard over the local connector, and a contact file that is no vCard. */
class ImportTest extends ImportCases {

    @Override
    ContactFlow.Backend backend() {
        return ContactFlow.Backend.LOCAL;
    }

    @Test
    void aBrokenVcardIsListedAsAProblemAndTheOthersAreOffered() {
        flow.writeVcard("broken.vcf", "this is no vCard at all\n");

        ImportPreview preview = flow.replication.previewImport(flow.account.id());

        assertThat(preview.count()).isEqualTo(4);
        assertThat(preview.message()).contains("4 groupware contacts can be imported").contains("1 could not be read");
        assertThat(preview.problems()).singleElement().satisfies(p -> assertThat(p.id()).endsWith("broken.vcf"));
    }
}
