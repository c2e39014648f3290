package io.liaison.content.internal;

import io.liaison.api.content.Categorization;
import io.liaison.api.content.DocumentCategorizer;
import io.liaison.api.domain.Classification;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Categorises documents: reads a bounded amount of their text with Tika, then applies the configured
 * {@link ConfiguredCategoryRule rules}, or the built-in {@link CategoryRules#DEFAULTS} while none is configured.
 */
@Component(service = DocumentCategorizer.class, configurationPid = TikaDocumentCategorizer.PID)
@Designate(ocd = TikaDocumentCategorizer.Config.class)
public final class TikaDocumentCategorizer implements DocumentCategorizer {
    static final String PID = "io.liaison.content.categorizer";

    /** Bounds of text extraction for categorisation. */
    @ObjectClassDefinition(name = "Liaison document categoriser", description = "Bounds for reading document text.")
    public @interface Config {
        @AttributeDefinition(name = "Maximum text (characters)", description = "Text read per document.")
        int maxTextCharacters() default 100_000;

        @AttributeDefinition(name = "Maximum document size read (MB)")
        long maxDocumentMegabytes() default 256;

        @AttributeDefinition(name = "Maximum extraction time (s)")
        int maxExtractSeconds() default 30;

        @AttributeDefinition(name = "Parallel extractions", description = "Workers reading text at one time.")
        int workers() default 2;

        @AttributeDefinition(name = "Stuck extractions tolerated", description = "An extraction that does not stop "
                + "when its time is up is left to its thread and a new worker takes its place; while this many are "
                + "stuck, documents are categorised without their text.")
        int maxStuckExtractions() default 4;
    }

    /** Why a PDF without any text is categorised by name and type only. */
    static final String SCANNED_PDF = "it holds no text, only images (a scanned document?): its words cannot be read";

    /** Rules from configuration; replaced as a whole by DS when one comes or goes (hence no constructor injection). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<ConfiguredCategoryRule> configuredRules = List.of();

    /** The workers and bounds of text extraction; replaced as a whole when the configuration changes. */
    private volatile Extraction extraction;
    private final Supplier<List<CategoryRule>> rules;

    /** Text extraction with its bounds. */
    private record Extraction(ExtractionWorkers workers, TextExtractor extractor, Duration maxExtractTime) {
        static Extraction of(Config config) {
            ExtractionWorkers workers = new ExtractionWorkers(config.workers(), config.maxStuckExtractions());
            Duration time = Duration.ofSeconds(config.maxExtractSeconds());
            return new Extraction(workers, new TextExtractor(workers, config.maxTextCharacters(),
                    config.maxDocumentMegabytes() * 1024 * 1024, time), time);
        }
    }

    @Activate
    public TikaDocumentCategorizer(Config config) {
        this.extraction = Extraction.of(config);
        this.rules = () -> configuredRules.stream().map(ConfiguredCategoryRule::rule).toList();
    }

    /**
     * A changed configuration applies to the next document, without restarting the component (which would stop the
     * mail import that uses it). The previous workers are not closed: a categorisation that took them just before
     * the change finishes with them, and their idle threads end on their own.
     */
    @Modified
    void modified(Config config) {
        this.extraction = Extraction.of(config);
    }

    /** For tests and for use outside OSGi: fixed rules (the defaults when empty). */
    public TikaDocumentCategorizer(List<CategoryRule> fixedRules, int maxTextCharacters, Duration maxExtractTime) {
        this(fixedRules, maxTextCharacters, maxExtractTime, null);
    }

    /** For tests: {@code reader} in place of Tika ({@code null} for Tika), two workers, four stuck tolerated. */
    TikaDocumentCategorizer(List<CategoryRule> fixedRules, int maxTextCharacters, Duration maxExtractTime,
                            TextExtractor.TextReader reader) {
        ExtractionWorkers workers = new ExtractionWorkers(2, 4);
        this.extraction = new Extraction(workers, new TextExtractor(workers, maxTextCharacters, 256L * 1024 * 1024,
                maxExtractTime, reader), maxExtractTime);
        this.rules = () -> fixedRules;
    }

    @Deactivate
    public void close() {
        extraction.workers().close();
    }

    @Override
    public Classification categorize(String fileName, String mediaType, InputStream content) {
        return categorize(fileName, mediaType, content, Instant.now().plus(extraction.maxExtractTime()));
    }

    @Override
    public Classification categorize(String fileName, String mediaType, InputStream content, Instant deadline) {
        return categorizeWithin(fileName, mediaType, content, deadline).classification();
    }

    @Override
    public Categorization categorizeWithin(String fileName, String mediaType, InputStream content, Instant deadline) {
        List<CategoryRule> configured = rules.get();
        CategoryRules engine = new CategoryRules(configured.isEmpty() ? CategoryRules.DEFAULTS : configured);
        String name = fileName == null ? "" : fileName;
        String type = mediaType == null ? "application/octet-stream" : mediaType.toLowerCase(Locale.ROOT);
        // the text is extracted only when a rule with words is reached (see CategoryRules.classify)
        boolean readable = engine.needsText() && content != null && hasText(type);
        AtomicReference<String> problem = new AtomicReference<>();
        TextExtractor extractor = extraction.extractor();
        Classification classification = engine.classify(name, type, () -> {
            if (!readable) {
                return "";
            }
            ExtractionWorkers.Attempt<String> text = extractor.extract(content, name, type, deadline);
            text.problem().ifPresent(problem::set);
            String value = text.value().orElse("");
            if (text.problem().isEmpty() && value.isBlank() && type.equals("application/pdf")) {
                // pages that are pictures only: a scan without a text layer, which only OCR could read
                problem.set(SCANNED_PDF);
            }
            return value;
        });
        return new Categorization(classification, Optional.ofNullable(problem.get()));
    }

    /** How many text extractions did not stop when their time was up and still hold their threads. */
    int stuckExtractions() {
        return extraction.workers().stuck();
    }

    /** Images, audio and video carry no words worth reading. */
    private static boolean hasText(String type) {
        return !(type.startsWith("image/") || type.startsWith("audio/") || type.startsWith("video/"));
    }
}
