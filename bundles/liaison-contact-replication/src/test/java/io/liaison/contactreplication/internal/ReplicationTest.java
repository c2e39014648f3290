package io.liaison.contactreplication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.domain.ConflictPolicy;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.runtime.JournalEntry;
import io.liaison.api.runtime.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Continuous replication over the local connector, and a contact file that is no vCard. */
class ReplicationTest extends ReplicationCases {

    @Override
    ContactFlow.Backend backend() {
        return ContactFlow.Backend.LOCAL;
    }

    @Test
    void aBadVcardIsReportedAndTheOtherContactsReplicate() {
        setUp(ConflictPolicy.CRM_WINS);
        ContactPerson anna = exported("Anna", "Alt");
        flow.run();
        flow.writeVcard("broken.vcf", "not a vCard\n");
        changeInCrm(anna, "Vorstand");

        List<JournalEntry> entries = flow.entries(flow.run());

        assertThat(entries).anySatisfy(e -> {
            assertThat(e.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(e.item()).endsWith("broken.vcf");
        });
        assertThat(outcomes(entries)).contains(Outcome.UPDATED);
        assertThat(gw(anna).data().jobTitle()).isEqualTo("Vorstand");
        assertThat(flow.vcards()).hasSize(2);
    }
}
