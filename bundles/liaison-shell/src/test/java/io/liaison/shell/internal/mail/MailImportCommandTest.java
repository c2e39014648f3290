package io.liaison.shell.internal.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.domain.Classification;
import io.liaison.shell.internal.UserInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailImportCommandTest {

    @Test
    void readsDocumentClassificationsPerMessageAndFile() {
        var result = MailImportCommand.classifications(List.of(
                "Inbox/Import folder/a.eml/scan.pdf=Rechnung:Projekt A; 2026",
                "m2/offer.docx=Angebot"));

        assertThat(result.get("Inbox/Import folder/a.eml"))
                .containsEntry("scan.pdf", new Classification("Rechnung", List.of("Projekt A", "2026")));
        assertThat(result.get("m2")).containsEntry("offer.docx", new Classification("Angebot", List.of()));
    }

    @Test
    void malformedDocumentOptionsNameTheValue() {
        for (String bad : List.of("no-equals", "=Cat", "/file=Cat", "msg/=Cat")) {
            assertThatThrownBy(() -> MailImportCommand.classifications(List.of(bad)))
                    .isInstanceOf(UserInputException.class)
                    .hasMessageContaining("bad --document '" + bad + "'");
        }
    }
}
