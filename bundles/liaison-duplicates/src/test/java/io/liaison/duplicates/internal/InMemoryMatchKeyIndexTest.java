package io.liaison.duplicates.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.domain.ContactPersonId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryMatchKeyIndexTest extends MatchKeyIndexContract {
    @Override
    MatchKeyIndex index() {
        return new InMemoryMatchKeyIndex();
    }

    /** A given name made of letters only, distinct for each number. */
    private static String givenName(int i) {
        StringBuilder name = new StringBuilder("A");
        for (int n = i; n > 0; n /= 26) {
            name.append((char) ('a' + n % 26));
        }
        return name.toString();
    }

    @Test
    void keepsLargeBlocksRightThroughGrowthUpdatesAndRemovals() {
        ContactNormalizer normalizer = new ContactNormalizer("DE");
        InMemoryMatchKeyIndex index = new InMemoryMatchKeyIndex();
        List<IndexedContact> all = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            // two contacts per name: groups of more than one contact
            all.add(new IndexedContact(ContactPersonId.of("c" + i), 1, normalizer.normalize(Fixtures.candidate(
                    givenName(i / 2), "Müller", List.of("p" + i + "@firma.de"), List.of(), List.of()))));
        }
        index.apply(all, List.of(), Optional.empty());
        List<ContactPersonId> removed = new ArrayList<>();
        List<IndexedContact> renamed = new ArrayList<>();
        for (int i = 0; i < 3000; i += 3) {
            removed.add(all.get(i).id());
        }
        for (int i = 1; i < 3000; i += 3) {
            renamed.add(new IndexedContact(all.get(i).id(), 2, normalizer.normalize(Fixtures.candidate(
                    givenName(i / 2), "Schmidt", List.of("p" + i + "@firma.de"), List.of(), List.of()))));
        }
        index.apply(renamed, removed, Optional.empty());

        Set<ContactPersonId> expected = new HashSet<>();
        for (int i = 2; i < 3000; i += 3) {
            expected.add(all.get(i).id());
        }
        NormalizedContact probe = normalizer.normalize(Fixtures.candidate("Axx", "Müller", List.of(), List.of(), List.of()));
        Set<ContactPersonId> handed = new HashSet<>();
        Set<String> lastNames = new HashSet<>();
        boolean capped = index.visitByName(MatchKeys.nameKeys(probe), 10_000, new MatchKeyIndex.NameVisitor() {
            @Override
            public boolean lastAlike(String last, String lastCode) {
                assertThat(lastNames.add(last)).as("asked once about " + last).isTrue();
                return true;
            }

            @Override
            public boolean wants(PersonName names) {
                return true;
            }

            @Override
            public void accept(IndexedContact contact) {
                handed.add(contact.id());
            }
        });

        assertThat(capped).isFalse();
        assertThat(handed).isEqualTo(expected);
        assertThat(lastNames).containsExactly("mueller");
        assertThat(index.size()).isEqualTo(2000);
        for (IndexedContact contact : renamed) {
            assertThat(index.candidates(MatchKeys.nameKeys(contact.contact()), 10_000)).contains(contact);
        }
    }
}
