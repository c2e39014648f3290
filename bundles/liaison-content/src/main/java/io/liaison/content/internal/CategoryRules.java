package io.liaison.content.internal;

import io.liaison.api.domain.Classification;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Picks the category of a document: the first matching rule by priority (ties by name) wins; its keywords
 * are the rule's keywords plus the words found. Also holds the built-in rules used when no rule is configured.
 */
public final class CategoryRules {

    /**
     * The built-in rules, used while no {@code io.liaison.content.rule} configuration exists: calendar
     * invitations, images, order confirmations, invoices, offers, contracts and CVs (German and English words).
     */
    public static final List<CategoryRule> DEFAULTS = List.of(
            new CategoryRule("calendar-by-type", List.of("text/calendar"), "", List.of(), "Calendar invitation",
                    List.of("Calendar"), 100),
            new CategoryRule("calendar-by-name", List.of(), "*.ics", List.of(), "Calendar invitation",
                    List.of("Calendar"), 99),
            new CategoryRule("image", List.of("image/*"), "", List.of(), "Image", List.of("Image"), 90),
            new CategoryRule("order-confirmation", List.of(), "", List.of("Auftragsbestätigung",
                    "Order confirmation", "Bestellbestätigung"), "Order confirmation", List.of(), 80),
            new CategoryRule("invoice", List.of(), "", List.of("Rechnung", "Rechnungsnummer", "Invoice",
                    "Invoice No", "Invoice number"), "Invoice", List.of(), 70),
            new CategoryRule("offer", List.of(), "", List.of("Angebot", "Offer", "Quotation",
                    "Kostenvoranschlag"), "Offer", List.of(), 60),
            new CategoryRule("contract", List.of(), "", List.of("Vertrag", "Contract", "Agreement"), "Contract",
                    List.of(), 50),
            new CategoryRule("cv", List.of(), "", List.of("Lebenslauf", "CV", "Curriculum Vitae", "Resume"),
                    "CV", List.of(), 40));

    private static final Comparator<CategoryRule> ORDER = Comparator.comparingInt(CategoryRule::priority)
            .reversed().thenComparing(CategoryRule::name);

    private final List<CategoryRule> rules;

    public CategoryRules(List<CategoryRule> rules) {
        List<CategoryRule> sorted = new ArrayList<>(rules);
        sorted.sort(ORDER);
        this.rules = List.copyOf(sorted);
    }

    /** Whether any rule looks at words, so the text is worth extracting. */
    public boolean needsText() {
        return rules.stream().anyMatch(CategoryRule::needsText);
    }

    /** The classification of a document, or {@link Classification#NONE} when no rule matches. */
    public Classification classify(String fileName, String mediaType, String text) {
        return classify(fileName, mediaType, () -> text);
    }

    /**
     * The classification of a document whose text is read only when a rule needs it: when a rule that looks at
     * media type or file name alone decides first, or no rule with words applies to the document's type and
     * name, the text is never read.
     */
    public Classification classify(String fileName, String mediaType, Supplier<String> text) {
        String name = fileName == null ? "" : fileName;
        CategoryRule.DocumentText[] read = new CategoryRule.DocumentText[1];
        Supplier<CategoryRule.DocumentText> once = () -> {
            if (read[0] == null) {
                String body = text.get();
                read[0] = CategoryRule.DocumentText.of(body == null ? "" : body);
            }
            return read[0];
        };
        for (CategoryRule rule : rules) {
            Optional<List<String>> found = rule.match(name, mediaType, once);
            if (found.isPresent()) {
                List<String> keywords = new ArrayList<>(rule.keywords());
                keywords.addAll(found.get());
                return new Classification(rule.category(), keywords);
            }
        }
        return Classification.NONE;
    }
}
