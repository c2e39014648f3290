package io.liaison.content.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.domain.Classification;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * File name rules run in bounded time (issue 20, point 8): a regular expression that backtracks catastrophically on
 * an attachment's name is cut off after a fixed number of steps and taken as not matching, the next rule still
 * decides; globs match without backtracking and are capped in their number of '*'. The timeouts only keep a
 * failing run from hanging: the bound is the step count, not a time.
 */
class BoundedFileNamePatternsTest {

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS) // before: (.*a){20} backtracks in some 40^20 ways (measured for
    // {12}: 81 ms at 16 a's, 955 ms at 20, 5.9 s at 24 on JDK 17)
    void aCatastrophicRegexIsCutOffNamingTheRuleAndTheNextRuleDecides() {
        String evilPattern = "regex:(.*a){20}";
        CategoryRule evil = new CategoryRule("evil", List.of(), evilPattern, List.of(), "Never", List.of(), 10);
        CategoryRule pdf = new CategoryRule("pdf", List.of("application/pdf"), "", List.of(), "PDF", List.of(), 0);
        String name = "a".repeat(40) + "!";

        assertThatThrownBy(() -> FileNamePattern.compile("evil", evilPattern).matches(name))
                .isInstanceOf(FileNamePattern.TooManyStepsException.class)
                .hasMessageContaining("rule 'evil'").hasMessageContaining(Integer.toString(name.length()));
        assertThat(new CategoryRules(List.of(evil, pdf)).classify(name, "application/pdf", "").category())
                .isEqualTo("PDF");
        // JDK 17's engine remembers where greedy groups failed, so the textbook (a+)+$ ends at once, cut off or not
        assertThat(FileNamePattern.compile("textbook", "regex:(a+)+$").matches("a".repeat(40) + "!")).isFalse();
        // an ordinary expression on an ordinary (and a long) name is not cut off
        assertThat(FileNamePattern.compile("inv", "regex:^INV-\\d+\\.pdf$").matches("inv-42.PDF")).isTrue();
        assertThat(FileNamePattern.compile("inv", "regex:^INV-\\d+\\.pdf$").matches("INV-" + "1".repeat(100_000)
                + ".pdf")).isTrue();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS) // before: 12 '.*' against 30,000 a's backtrack polynomially
    void aGlobWithManyStarsOnALongNameMatchesWithoutBacktracking() {
        String glob = "*a".repeat(FileNamePattern.MAX_GLOB_STARS) + "b";
        String name = "a".repeat(30_000);

        assertThat(FileNamePattern.compile("stars", glob).matches(name)).isFalse();
        assertThat(FileNamePattern.compile("stars", glob).matches(name + "b")).isTrue();
    }

    @Test
    void aGlobWithTooManyStarsIsRefusedNamingTheRule() {
        String glob = "*x".repeat(FileNamePattern.MAX_GLOB_STARS + 1);

        assertThatThrownBy(() -> new CategoryRule("greedy", List.of(), glob, List.of(), "Cat", List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rule 'greedy'").hasMessageContaining("'*'");
    }

    @Test
    void globsKeepTheirMeaning() {
        FileNamePattern scan = FileNamePattern.compile("scan", "scan_*.p?f");

        assertThat(scan.matches("SCAN_001.PDF")).isTrue();
        assertThat(scan.matches("scan_.pdf")).isTrue();
        assertThat(scan.matches("my scan_001.pdf")).isFalse();
        assertThat(scan.matches("scan_001.pdfx")).isFalse();
        assertThat(scan.matches("scan_001.pf")).isFalse();
        assertThat(FileNamePattern.compile("any", "*").matches("")).isTrue();
        assertThat(FileNamePattern.compile("ics", "*.ics").matches("Einladung.ICS")).isTrue();
        assertThat(FileNamePattern.compile("umlaut", "ÄNDERUNG*").matches("änderung.docx")).isTrue();
        assertThat(FileNamePattern.compile("literal", "a+b(1).pdf").matches("a+b(1).pdf")).isTrue();
        assertThat(new CategoryRules(List.of(new CategoryRule("scan", List.of(), "scan_*.p?f", List.of(), "Scan",
                List.of(), 0))).classify("x.pdf", "application/pdf", "")).isEqualTo(Classification.NONE);
    }
}
