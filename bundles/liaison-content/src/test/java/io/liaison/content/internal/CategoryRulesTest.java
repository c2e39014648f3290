package io.liaison.content.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.domain.Classification;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class CategoryRulesTest {
    private final CategoryRules defaults = new CategoryRules(CategoryRules.DEFAULTS);

    @Test
    void theDefaultsKnowInvoicesOffersContractsCvsImagesAndInvitations() {
        assertThat(defaults.classify("r.pdf", "application/pdf", "Rechnungsnummer 4711 vom 1.3."))
                .isEqualTo(new Classification("Invoice", List.of("Rechnungsnummer")));
        assertThat(defaults.classify("x.pdf", "application/pdf", "Our QUOTATION for your offer").category())
                .isEqualTo("Offer");
        assertThat(defaults.classify("x.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "Dieser Vertrag regelt").category()).isEqualTo("Contract");
        assertThat(defaults.classify("me.pdf", "application/pdf", "Curriculum   Vitae of Anna").keywords())
                .containsExactly("Curriculum Vitae");
        assertThat(defaults.classify("p.png", "image/png", "").category()).isEqualTo("Image");
        assertThat(defaults.classify("invite.ics", "application/octet-stream", "").category())
                .isEqualTo("Calendar invitation");
        assertThat(defaults.classify("x", "text/calendar; charset=UTF-8", "").category())
                .isEqualTo("Calendar invitation");
        assertThat(defaults.classify("a.pdf", "application/pdf", "Auftragsbestätigung zu Ihrem Angebot"))
                .isEqualTo(new Classification("Order confirmation", List.of("Auftragsbestätigung")));
    }

    @Test
    void wordsMatchWholeWordsOnlyAndCaseInsensitively() {
        assertThat(defaults.classify("a.txt", "text/plain", "Rechnungsadresse und Vertragsende")).isEqualTo(Classification.NONE);
        assertThat(defaults.classify("a.txt", "text/plain", "unsere RECHNUNG.").category()).isEqualTo("Invoice");
        assertThat(defaults.classify("a.txt", "text/plain", "ACV and CVS")).isEqualTo(Classification.NONE);
    }

    @Test
    void theFirstRuleByPriorityWinsAndAllCriteriaMustMatch() {
        CategoryRule pdfInvoices = new CategoryRule("pdf-invoice", List.of("application/pdf"), "regex:^INV-\\d+\\.pdf$",
                List.of("total"), "Supplier invoice", List.of("Accounting"), 10);
        CategoryRule anyInvoice = new CategoryRule("any", List.of(), "", List.of("total"), "Other", List.of(), 5);
        CategoryRules rules = new CategoryRules(List.of(anyInvoice, pdfInvoices));
        assertThat(rules.classify("inv-12.pdf", "application/pdf", "Total: 12 EUR"))
                .isEqualTo(new Classification("Supplier invoice", List.of("Accounting", "total")));
        assertThat(rules.classify("inv-12.doc", "application/pdf", "Total").category()).isEqualTo("Other");
        assertThat(rules.classify("inv-12.pdf", "text/plain", "Total").category()).isEqualTo("Other");
        assertThat(rules.classify("inv-12.pdf", "application/pdf", "nothing")).isEqualTo(Classification.NONE);
    }

    @Test
    void globsMatchTheWholeNameCaseInsensitively() {
        CategoryRules rules = new CategoryRules(List.of(new CategoryRule("scan", List.of(), "scan_*.p?f", List.of(),
                "Scan", List.of(), 0)));
        assertThat(rules.classify("SCAN_001.PDF", "application/pdf", "").category()).isEqualTo("Scan");
        assertThat(rules.classify("my scan_001.pdf", "application/pdf", "")).isEqualTo(Classification.NONE);
    }

    @Test
    void aRuleWithoutCategoryCriteriaOrWithABadPatternIsRefused() {
        assertThatThrownBy(() -> new CategoryRule("x", List.of(), "", List.of(), "Cat", List.of(), 0))
                .hasMessageContaining("rule 'x' has no criterion");
        assertThatThrownBy(() -> new CategoryRule("y", List.of("image/*"), "", List.of(), " ", List.of(), 0))
                .hasMessageContaining("rule 'y' has no category");
        assertThatThrownBy(() -> new CategoryRule("z", List.of(), "regex:([", List.of(), "Cat", List.of(), 0))
                .hasMessageContaining("rule 'z' has an invalid file name pattern");
    }

    @Test
    void theTextIsReadOnlyWhenARuleWithWordsIsReachedAndThenOnce() {
        AtomicInteger reads = new AtomicInteger();
        Supplier<String> text = () -> {
            reads.incrementAndGet();
            return "Rechnung und Vertrag";
        };
        assertThat(defaults.classify("invite.ics", "application/octet-stream", text).category())
                .isEqualTo("Calendar invitation");
        assertThat(defaults.classify("p.png", "image/png", text).category()).isEqualTo("Image");
        assertThat(reads).hasValue(0);
        assertThat(defaults.classify("r.pdf", "application/pdf", text).category()).isEqualTo("Invoice");
        assertThat(reads).hasValue(1);
    }

    @Test
    void wordsMatchInAnyCaseAsTheCaseInsensitivePatternsDo() {
        CategoryRules rules = new CategoryRules(List.of(new CategoryRule("greek", List.of(), "", List.of("λόγοσ",
                "Straße", "İstanbul office"), "Greek", List.of(), 0)));
        // final sigma, upper-case sharp s and dotted capital I fold as the pattern compares them
        assertThat(rules.classify("a.txt", "text/plain", "ΛΌΓΟΣ").keywords()).containsExactly("λόγοσ");
        assertThat(rules.classify("a.txt", "text/plain", "λόγος").keywords()).containsExactly("λόγοσ");
        assertThat(rules.classify("a.txt", "text/plain", "STRAßE 1").keywords()).containsExactly("Straße");
        assertThat(rules.classify("a.txt", "text/plain", "our istanbul   Office").keywords())
                .containsExactly("İstanbul office");
        assertThat(rules.classify("a.txt", "text/plain", "Strassen")).isEqualTo(Classification.NONE);
    }
}
