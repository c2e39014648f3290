package io.liaison.api.duplicates;

import java.util.List;

/**
 * A contact to check against the CRM's contact persons, as it comes from a groupware, a vCard or a CSV row.
 * Strings are empty when absent.
 *
 * @param title     e.g. "Dr.", or empty (titles inside the names are split off too)
 * @param firstName the first name
 * @param lastName  the last name
 * @param emails    e-mail addresses
 * @param phones    phone numbers, in any format
 * @param mobiles   mobile numbers, in any format
 * @param company   the company name
 * @param country   the contact's country as an ISO 3166-1 alpha-2 code ({@code CH}), or empty: numbers without a
 *                  country code are read in it, else in the check's default region; a value that is no code is
 *                  skipped with a note. Since 1.3.
 */
public record ContactCandidate(String title, String firstName, String lastName, List<String> emails,
                               List<String> phones, List<String> mobiles, String company, String country) {
    public ContactCandidate {
        title = title == null ? "" : title;
        firstName = firstName == null ? "" : firstName;
        lastName = lastName == null ? "" : lastName;
        emails = List.copyOf(emails);
        phones = List.copyOf(phones);
        mobiles = List.copyOf(mobiles);
        company = company == null ? "" : company;
        country = country == null ? "" : country.strip();
    }

    /** A contact without a country (the form of API 1.2). */
    public ContactCandidate(String title, String firstName, String lastName, List<String> emails, List<String> phones,
                            List<String> mobiles, String company) {
        this(title, firstName, lastName, emails, phones, mobiles, company, "");
    }
}
