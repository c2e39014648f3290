package io.liaison.contactreplication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.contactreplication.ExportOptions;
import io.liaison.api.runtime.JournalEntry;
import io.liaison.api.runtime.Outcome;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Photos over the Graph connector. A groupware photo over 4 MB has no Graph case: Graph (and the emulator) refuse
 * to store one (413 {@code ErrorRequestEntityTooLarge}); a CRM photo over 4 MB is covered by the shared cases.
 */
class GraphPhotoTest extends PhotoCases {

    @Override
    ContactFlow.Backend backend() {
        return ContactFlow.Backend.GRAPH;
    }

    /**
     * "Delete profilePhoto" supports user and group photos, not Outlook contacts': a photo removed in the CRM stays
     * on the Outlook contact, and the journal says so instead of the removal passing for done.
     */
    @Test
    void aPhotoRemovedInTheCrmStaysInOutlookAndTheJournalSaysWhy() {
        flow.replication.export(flow.account.id(), List.of(anna.id()), ExportOptions.defaultFolder(true));
        flow.run();
        flow.crm.contactPersons().setPhoto(ContactFlow.DEMO, anna.id(), Optional.empty());

        List<JournalEntry> entries = flow.entries(flow.run());

        assertThat(entries).anySatisfy(e -> {
            assertThat(e.outcome()).isEqualTo(Outcome.WARNING);
            assertThat(e.message()).contains("photo").contains("not removed").contains("Microsoft Graph");
        });
        assertThat(gwPhoto(anna)).isPresent();
        assertThat(flow.entries(flow.run())).as("the next run").isEmpty();
    }
}
