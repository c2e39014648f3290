package io.liaison.content.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.content.Categorization;
import io.liaison.api.content.ContentServiceStoppedException;
import io.liaison.api.domain.Classification;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A message's documents share one time budget, and text extractions that never stop (a parser that ignores
 * interrupts) cannot take the workers for good. The reader stands in for a Tika parser: for a document named
 * {@code stuck-*} it blocks, deaf to interrupts, until the test lets it go; for any other it returns its text.
 */
class ExtractionBudgetTest {
    private final CountDownLatch letGo = new CountDownLatch(1);
    private final CountDownLatch stuckStarted = new CountDownLatch(1);
    private final TikaDocumentCategorizer categorizer = new TikaDocumentCategorizer(List.of(), 100_000,
            Duration.ofSeconds(30), (input, fileName, mediaType) -> {
                try (input) {
                    if (fileName.startsWith("stuck-")) {
                        stuckStarted.countDown();
                        blockDeafToInterrupts();
                    }
                    return new String(input.readAllBytes(), StandardCharsets.UTF_8);
                }
            });

    @AfterEach
    void stop() {
        letGo.countDown();
        categorizer.close();
    }

    private void blockDeafToInterrupts() {
        boolean interrupted = false;
        while (true) {
            try {
                if (letGo.await(1, TimeUnit.HOURS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private Classification categorize(String name, String text, Instant deadline) {
        return categorizer.categorize(name, "text/plain",
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), deadline);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS) // before: 30 s per attachment, and two stuck workers were all
    void threeHundredStuckAttachmentsTakeTheMessagesBudgetNotThirtySecondsEach() {
        Instant deadline = Instant.now().plusSeconds(2);
        List<Classification> results = new ArrayList<>();

        for (int i = 0; i < 300; i++) {
            results.add(categorize("stuck-" + i + ".txt", "Rechnung " + i, deadline));
        }

        // categorised without their text: no rule of the defaults matches a .txt by name or type
        assertThat(results).hasSize(300).allSatisfy(c -> assertThat(c).isEqualTo(Classification.NONE));
        assertThat(categorizer.stuckExtractions()).isBetween(1, 4);
        // with the budget spent, a document is categorised at once by name and type
        assertThat(categorize("late.txt", "Rechnung 1", deadline)).isEqualTo(Classification.NONE);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void stuckExtractionsDoNotStarveTheWorkers() {
        for (int i = 0; i < 3; i++) {
            categorize("stuck-" + i + ".txt", "x", Instant.now().plusMillis(300));
        }
        assertThat(categorizer.stuckExtractions()).as("three extractions that do not stop").isEqualTo(3);

        // a new worker took each stuck one's place: the next document's text is read
        assertThat(categorize("invoice.txt", "Rechnung Nummer 4711", Instant.now().plusSeconds(30)).category())
                .isEqualTo("Invoice");

        letGo.countDown();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (categorizer.stuckExtractions() > 0 && System.nanoTime() < until) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        assertThat(categorizer.stuckExtractions()).as("the stuck threads ended when let go").isZero();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aDocumentWhoseTextCouldNotBeReadSaysWhy() {
        Categorization slow = categorizer.categorizeWithin("stuck-1.txt", "text/plain",
                new ByteArrayInputStream("Rechnung".getBytes(StandardCharsets.UTF_8)), Instant.now().plusMillis(300));
        Categorization read = categorizer.categorizeWithin("invoice.txt", "text/plain",
                new ByteArrayInputStream("Rechnung Nummer 4711".getBytes(StandardCharsets.UTF_8)),
                Instant.now().plusSeconds(30));

        assertThat(slow.classification()).isEqualTo(Classification.NONE);
        assertThat(slow.textProblem()).hasValueSatisfying(p -> assertThat(p).contains("took longer"));
        assertThat(read.classification().category()).isEqualTo("Invoice");
        assertThat(read.textProblem()).isEmpty();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aStoppedCategoriserRefusesWorkButLetsTheExtractionUnderWayFinishWithItsText() throws Exception {
        // an extraction under way when the categoriser stops: blocked until let go, then it returns its text
        java.util.concurrent.CompletableFuture<Categorization> underWay = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> categorizer.categorizeWithin("stuck-invoice.txt", "text/plain",
                        new ByteArrayInputStream("Rechnung Nummer 1".getBytes(StandardCharsets.UTF_8)),
                        Instant.now().plusSeconds(30)));
        assertThat(stuckStarted.await(20, TimeUnit.SECONDS)).isTrue();

        categorizer.close();
        letGo.countDown();

        Categorization finished = underWay.get(30, TimeUnit.SECONDS);
        assertThat(finished.classification().category()).isEqualTo("Invoice");
        assertThat(finished.textProblem()).isEmpty();
        assertThatThrownBy(() -> categorize("invoice.txt", "Rechnung Nummer 2", Instant.now().plusSeconds(30)))
                .isInstanceOf(ContentServiceStoppedException.class)
                .hasMessageContaining("categoriser was stopped");
    }
}
