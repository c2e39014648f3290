package io.liaison.crm.tck;

import io.liaison.api.crm.CrmChangePage;
import io.liaison.api.crm.CrmToken;
import io.liaison.api.domain.ActivityData;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.MailDetails;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * Test data for the contract tests. Tests share one CRM, so every name, key and time window is unique to the test
 * that makes it, and assertions look only at the items the test made.
 */
public final class CrmTestData {
    /** The most pages a change feed may take to reach its end in a test. */
    static final int MAX_PAGES = 100_000;

    private CrmTestData() {
    }

    /** A name no other test uses. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
    }

    /**
     * The start of an hour-long window of time no other test uses (far in the future, so that "newest first"
     * puts this test's items before those of tests that did not ask for a window).
     */
    public static Instant uniqueWindow() {
        long hours = ThreadLocalRandom.current().nextLong(0, 24L * 365 * 500);
        return Instant.parse("2400-01-01T00:00:00Z").plus(hours, ChronoUnit.HOURS);
    }

    /** An imported mail (type MAILIN, status I) received at {@code received}. */
    public static ActivityData.Builder mail(EmployeeId owner, String subject, Instant received) {
        String messageId = unique("msg") + "@example.com";
        return ActivityData.builder(ActivityType.MAIL_IN, owner)
                .subject(subject)
                .text("Hello,\nplease find the offer attached.")
                .start(received)
                .mail(new MailDetails(messageId, Optional.empty(), List.of(), "sender@customer.example", "Sam Sender",
                        List.of("sales@example.com"), List.of(), Optional.of(received.minus(Duration.ofMinutes(2))),
                        Optional.of(received)));
    }

    /** A task for {@code owner}. */
    public static ActivityData.Builder task(EmployeeId owner, String subject) {
        return ActivityData.builder(ActivityType.TASK, owner).subject(subject);
    }

    /**
     * The end state of a change feed read from {@code since} to its end, page by page.
     *
     * @param last  for each id mentioned, its last mention: the item, or empty when it was reported removed
     * @param next  the token after the last page
     * @param pages the pages read
     * @param <T>   item type
     * @param <I>   id type
     */
    public record Feed<T, I>(Map<I, Optional<T>> last, CrmToken next, List<CrmChangePage<T, I>> pages) {
        /** The item as last reported, if it was last reported changed. */
        public Optional<T> changed(I id) {
            return last.getOrDefault(id, Optional.empty());
        }

        /** Whether the id's last mention was a removal. */
        public boolean removed(I id) {
            return last.containsKey(id) && last.get(id).isEmpty();
        }
    }

    /** Reads a change feed from {@code since} until no more changes wait. */
    public static <T, I> Feed<T, I> drain(Function<Optional<CrmToken>, CrmChangePage<T, I>> read, Function<T, I> idOf,
                                          Optional<CrmToken> since) {
        Map<I, Optional<T>> last = new LinkedHashMap<>();
        List<CrmChangePage<T, I>> pages = new java.util.ArrayList<>();
        Optional<CrmToken> token = since;
        for (int i = 0; i < MAX_PAGES; i++) {
            CrmChangePage<T, I> page = read.apply(token);
            pages.add(page);
            for (T item : page.changed()) {
                last.remove(idOf.apply(item));
                last.put(idOf.apply(item), Optional.of(item));
            }
            for (I id : page.removed()) {
                last.remove(id);
                last.put(id, Optional.empty());
            }
            token = Optional.of(page.next());
            if (!page.more()) {
                return new Feed<>(last, page.next(), pages);
            }
        }
        throw new AssertionError("the change feed still reported more changes after " + MAX_PAGES + " pages");
    }
}
