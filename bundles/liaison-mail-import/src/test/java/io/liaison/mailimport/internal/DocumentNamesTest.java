package io.liaison.mailimport.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DocumentNamesTest {

    @Test
    void sameNamesAreNumberedInOrder() {
        assertThat(DocumentNames.unique(List.of("scan.pdf", "Scan.pdf", "scan.pdf", "logo"), Set.of()))
                .containsExactly("scan.pdf", "Scan (2).pdf", "scan (3).pdf", "logo");
    }

    @Test
    void theOriginalsNameIsTaken() {
        assertThat(DocumentNames.unique(List.of("mail.eml"), Set.of("mail.eml"))).containsExactly("mail (2).eml");
    }

    @Test
    void pathsAndControlCharactersCannotEscape() {
        assertThat(DocumentNames.clean("../../etc/passwd")).isEqualTo(".._.._etc_passwd");
        assertThat(DocumentNames.clean("a\u0000b\nc.txt")).isEqualTo("a_b_c.txt");
        assertThat(DocumentNames.clean("  ")).isEqualTo("attachment");
        assertThat(DocumentNames.clean("x".repeat(500) + ".pdf")).hasSize(200).endsWith(".pdf");
    }

    @Test
    void bidirectionalOverridesCannotDisguiseTheExtension() {
        // "invoice" RLO "fdp.exe" is shown as "invoiceexe.pdf"
        assertThat(DocumentNames.clean("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
        // every explicit directional formatting character of UAX #9
        assertThat(DocumentNames.clean("a\u061Cb\u200E\u200Fc\u202A\u202B\u202C\u202D\u202Ed\u2066\u2067\u2068\u2069.txt"))
                .isEqualTo("abcd.txt");
        assertThat(DocumentNames.original("\u202Egnp.msg", "x", true)).isEqualTo("gnp.msg");
    }

    @Test
    void originalKeepsItsFileNameOrUsesTheSubject() {
        assertThat(DocumentNames.original("Angebot.msg", "Angebot", true)).isEqualTo("Angebot.msg");
        assertThat(DocumentNames.original("AAMkAG…", "Re: Angebot", false)).isEqualTo("Re_ Angebot.eml");
        assertThat(DocumentNames.original("id", "", true)).isEqualTo("message.msg");
    }
}
