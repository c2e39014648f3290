package io.liaison.duplicates.internal;

import java.util.Objects;

/**
 * The names of a normalised contact with their Kölner Phonetik codes, computed once when the contact is
 * normalised (for the index: when it is filed), so that scoring does no normalisation. Contacts with the same names
 * have equal values: the in-memory index groups a key's contacts by it and compares each distinct name once.
 *
 * @param first     normalised given names (may be empty)
 * @param last      normalised family name (may be empty)
 * @param firstCode Kölner Phonetik code of the given names
 * @param lastCode  Kölner Phonetik code of the family name
 */
public record PersonName(String first, String last, String firstCode, String lastCode) {
    public PersonName {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        Objects.requireNonNull(firstCode, "firstCode");
        Objects.requireNonNull(lastCode, "lastCode");
    }

    /** The names with their codes computed. */
    public static PersonName of(String first, String last) {
        return new PersonName(first, last, NameComparer.phonetic(first), NameComparer.phonetic(last));
    }
}
