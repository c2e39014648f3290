package io.liaison.duplicates.internal;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A contact in the one form the duplicate check compares: normalised names (with their Kölner Phonetik codes,
 * computed once), e-mail addresses and numbers. A value: equal when the five values are equal.
 */
public final class NormalizedContact {
    private final String firstName;
    private final String lastName;
    private final Set<String> emails;
    private final Set<String> mobiles;
    private final Set<String> phones;
    private final PersonName names;

    /**
     * @param firstName normalised given names (may be empty)
     * @param lastName  normalised family name without particles (may be empty)
     * @param emails    normalised e-mail addresses
     * @param mobiles   E.164 numbers that identify a person (mobile numbers)
     * @param phones    other E.164 numbers (landlines, possibly shared by a household or an office)
     */
    public NormalizedContact(String firstName, String lastName, Set<String> emails, Set<String> mobiles, Set<String> phones) {
        this.firstName = Objects.requireNonNull(firstName, "firstName");
        this.lastName = Objects.requireNonNull(lastName, "lastName");
        this.emails = Set.copyOf(emails);
        this.mobiles = Set.copyOf(mobiles);
        Set<String> others = new LinkedHashSet<>(phones);
        others.removeAll(mobiles);
        this.phones = Set.copyOf(others);
        this.names = PersonName.of(firstName, lastName);
    }

    /**
     * A contact whose names were normalised and coded before (e.g. loaded from the index's tables): nothing is
     * computed again.
     *
     * @param names   normalised names with their Kölner Phonetik codes
     * @param emails  normalised e-mail addresses
     * @param mobiles E.164 numbers that identify a person (mobile numbers)
     * @param phones  other E.164 numbers
     */
    public NormalizedContact(PersonName names, Set<String> emails, Set<String> mobiles, Set<String> phones) {
        this.names = Objects.requireNonNull(names, "names");
        this.firstName = names.first();
        this.lastName = names.last();
        this.emails = Set.copyOf(emails);
        this.mobiles = Set.copyOf(mobiles);
        if (phones.isEmpty() || mobiles.isEmpty()) {
            this.phones = Set.copyOf(phones);
        } else {
            Set<String> others = new LinkedHashSet<>(phones);
            others.removeAll(mobiles);
            this.phones = Set.copyOf(others);
        }
    }

    private NormalizedContact(NormalizedContact contact, PersonName names) {
        this.firstName = names.first();
        this.lastName = names.last();
        this.emails = contact.emails;
        this.mobiles = contact.mobiles;
        this.phones = contact.phones;
        this.names = names;
    }

    /**
     * The same contact with equal names given as another instance: the in-memory index shares one instance per
     * distinct name among its contacts.
     *
     * @throws IllegalArgumentException when the names differ
     */
    public NormalizedContact withSharedNames(PersonName shared) {
        if (!shared.equals(names)) {
            throw new IllegalArgumentException("names " + shared + " differ from " + names);
        }
        return shared == names ? this : new NormalizedContact(this, shared);
    }

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }

    public Set<String> emails() {
        return emails;
    }

    public Set<String> mobiles() {
        return mobiles;
    }

    public Set<String> phones() {
        return phones;
    }

    /** The Kölner Phonetik code of the first name. */
    public String firstCode() {
        return names.firstCode();
    }

    /** The Kölner Phonetik code of the last name. */
    public String lastCode() {
        return names.lastCode();
    }

    /** Both names with their codes, as one value. */
    public PersonName names() {
        return names;
    }

    /**
     * The names alone with first and last name swapped, for looking up a contact exported family name first; empty
     * when a name is missing or both are the same.
     */
    public java.util.Optional<NormalizedContact> swappedNames() {
        if (firstName.isEmpty() || lastName.isEmpty() || firstName.equals(lastName)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new NormalizedContact(PersonName.of(lastName, firstName), Set.of(), Set.of(), Set.of()));
    }

    /** Every number, mobile or not. */
    public Set<String> allNumbers() {
        Set<String> all = new LinkedHashSet<>(mobiles);
        all.addAll(phones);
        return all;
    }

    /** Whether the contact has this number, mobile or not. */
    public boolean hasNumber(String number) {
        return mobiles.contains(number) || phones.contains(number);
    }

    /** Whether there is anything to compare at all. */
    public boolean isEmpty() {
        return firstName.isEmpty() && lastName.isEmpty() && emails.isEmpty() && mobiles.isEmpty() && phones.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NormalizedContact n && firstName.equals(n.firstName) && lastName.equals(n.lastName)
                && emails.equals(n.emails) && mobiles.equals(n.mobiles) && phones.equals(n.phones);
    }

    @Override
    public int hashCode() {
        return Objects.hash(firstName, lastName, emails, mobiles, phones);
    }

    @Override
    public String toString() {
        return "NormalizedContact[" + firstName + " " + lastName + ", " + emails + ", mobiles " + mobiles + ", phones " + phones + "]";
    }
}
