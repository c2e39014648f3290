package io.liaison.api.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The content of a contact person: names and communications. Strings are empty when absent.
 *
 * @param businessPartner the business partner the person belongs to; the spec makes it mandatory for imports
 * @param salutation      e.g. "Frau", "Herr", "Mr", or empty
 * @param title           academic or professional title, e.g. "Dr.", or empty
 * @param firstName       the given name
 * @param lastName        the family name
 * @param position        the job title
 * @param department      the department
 * @param communications  e-mail addresses and phone numbers
 * @param country         the country the person works in, as an ISO 3166-1 alpha-2 code ({@code DE}, {@code CH}),
 *                        upper-case, or empty when the CRM does not know it; phone numbers written without a
 *                        country code are read in it (a Swiss "044 …" is Zurich, not Oldenburg). Since 1.3.
 * @param birthday        the person's birthday, or empty when the CRM does not know it; a birthday known without
 *                        its year has the year {@value #NO_YEAR} (as Apple's Contacts and iOS keep it). Since 1.5.
 * @param notes           free-text notes on the person, or empty. Since 1.5.
 * @param postalAddresses the person's postal addresses (business, home, other; several of a kind allowed), empty
 *                        ones left out. Since 1.5.
 */
public record ContactPersonData(
        Optional<BusinessPartnerId> businessPartner,
        String salutation,
        String title,
        String firstName,
        String lastName,
        String position,
        String department,
        List<Communication> communications,
        String country,
        Optional<LocalDate> birthday,
        String notes,
        List<PostalAddress> postalAddresses) {

    /** The year of a birthday whose year is not known (a vCard's {@code BDAY:--0415}). */
    public static final int NO_YEAR = 1604;

    public ContactPersonData {
        Objects.requireNonNull(businessPartner, "businessPartner");
        salutation = salutation == null ? "" : salutation;
        title = title == null ? "" : title;
        firstName = firstName == null ? "" : firstName;
        lastName = lastName == null ? "" : lastName;
        position = position == null ? "" : position;
        department = department == null ? "" : department;
        communications = List.copyOf(communications);
        country = CountryCodes.normalize(country);
        Objects.requireNonNull(birthday, "birthday");
        notes = notes == null ? "" : notes;
        postalAddresses = postalAddresses.stream().filter(a -> !a.isEmpty()).toList();
    }

    /** Content without postal addresses (the form of API 1.5 before them). */
    public ContactPersonData(Optional<BusinessPartnerId> businessPartner, String salutation, String title,
                             String firstName, String lastName, String position, String department,
                             List<Communication> communications, String country, Optional<LocalDate> birthday,
                             String notes) {
        this(businessPartner, salutation, title, firstName, lastName, position, department, communications, country,
                birthday, notes, List.of());
    }

    /** Content without notes (the form of API 1.5 before notes). */
    public ContactPersonData(Optional<BusinessPartnerId> businessPartner, String salutation, String title,
                             String firstName, String lastName, String position, String department,
                             List<Communication> communications, String country, Optional<LocalDate> birthday) {
        this(businessPartner, salutation, title, firstName, lastName, position, department, communications, country,
                birthday, "", List.of());
    }

    /** Content without a birthday (the form of API 1.4). */
    public ContactPersonData(Optional<BusinessPartnerId> businessPartner, String salutation, String title,
                             String firstName, String lastName, String position, String department,
                             List<Communication> communications, String country) {
        this(businessPartner, salutation, title, firstName, lastName, position, department, communications, country,
                Optional.empty());
    }

    /** Content without a country (the form of API 1.2). */
    public ContactPersonData(Optional<BusinessPartnerId> businessPartner, String salutation, String title,
                             String firstName, String lastName, String position, String department,
                             List<Communication> communications) {
        this(businessPartner, salutation, title, firstName, lastName, position, department, communications, "");
    }

    /** The values of every communication of the given type, standard ones first. */
    public List<String> valuesOf(CommunicationType type) {
        return communications.stream()
                .filter(c -> c.type() == type)
                .sorted((a, b) -> Boolean.compare(b.primary(), a.primary()))
                .map(Communication::value)
                .toList();
    }

    /** This content with one more communication. */
    public ContactPersonData withCommunication(Communication added) {
        List<Communication> all = new java.util.ArrayList<>(communications);
        all.add(added);
        return new ContactPersonData(businessPartner, salutation, title, firstName, lastName, position, department, all,
                country, birthday, notes, postalAddresses);
    }

    /** This content in another country (an ISO 3166-1 alpha-2 code, or empty). */
    public ContactPersonData withCountry(String newCountry) {
        return new ContactPersonData(businessPartner, salutation, title, firstName, lastName, position, department,
                communications, newCountry, birthday, notes, postalAddresses);
    }

    /** This content with another birthday (or none). */
    public ContactPersonData withBirthday(Optional<LocalDate> newBirthday) {
        return new ContactPersonData(businessPartner, salutation, title, firstName, lastName, position, department,
                communications, country, newBirthday, notes, postalAddresses);
    }

    /** This content with other postal addresses. */
    public ContactPersonData withPostalAddresses(List<PostalAddress> addresses) {
        return new ContactPersonData(businessPartner, salutation, title, firstName, lastName, position, department,
                communications, country, birthday, notes, addresses);
    }

    /** This content with other notes (or none: empty). */
    public ContactPersonData withNotes(String newNotes) {
        return new ContactPersonData(businessPartner, salutation, title, firstName, lastName, position, department,
                communications, country, birthday, newNotes, postalAddresses);
    }
}
