package io.liaison.api.connector.item;

import io.liaison.api.domain.Photo;
import io.liaison.api.domain.PostalAddress;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A contact as every connector can express it (Graph contact, vCard).
 *
 * @param title         a title or honorific prefix, e.g. "Dr.", or empty
 * @param givenName     the first name
 * @param surname       the last name
 * @param displayName   the name as shown, or empty to let the groupware build it
 * @param company       the company name
 * @param department    the department
 * @param jobTitle      the job title
 * @param emails        e-mail addresses, the standard one first
 * @param businessPhones business phone numbers
 * @param mobilePhone   the mobile number, or empty
 * @param homePhones    private phone numbers
 * @param notes         free text
 * @param photo         the photo, if any
 * @param photoProblem  why the groupware's photo could not be read into {@code photo} (larger than a
 *                      {@link Photo} may be, or given by a URL): the contact has a photo, but not one Liaison can
 *                      use. Empty when the contact has no photo or {@code photo} holds it
 * @param middleName    middle names (vCard N additional names, Graph {@code middleName}), or empty
 * @param suffix        a name suffix such as "Jr." or "III" (vCard N honorific suffixes, Graph {@code generation}),
 *                      or empty
 * @param homeEmails    private e-mail addresses (vCard {@code EMAIL;TYPE=HOME}, RFC 6350 6.4.2), kept apart from
 *                      {@code emails}: the CRM's addresses are business ones. Empty where the groupware gives
 *                      addresses no kind (Microsoft Graph)
 * @param webPages      web pages, the business one first (vCard {@code URL}, RFC 6350 6.7.8; Graph
 *                      {@code businessHomePage}, one)
 * @param birthday      the birthday (vCard {@code BDAY}, RFC 6350 6.2.5; Graph {@code birthday}); one known without
 *                      its year has the year {@link io.liaison.api.domain.ContactPersonData#NO_YEAR}
 * @param postalAddresses postal addresses (vCard {@code ADR}, RFC 6350 6.3.1, typed work/home; Graph
 *                      {@code businessAddress}, {@code homeAddress} and {@code otherAddress}, one of each kind)
 */
public record ContactData(
        String title,
        String givenName,
        String surname,
        String displayName,
        String company,
        String department,
        String jobTitle,
        List<String> emails,
        List<String> businessPhones,
        String mobilePhone,
        List<String> homePhones,
        String notes,
        Optional<Photo> photo,
        Optional<String> photoProblem,
        String middleName,
        String suffix,
        List<String> homeEmails,
        List<String> webPages,
        Optional<LocalDate> birthday,
        List<PostalAddress> postalAddresses) {

    public ContactData {
        postalAddresses = postalAddresses.stream().filter(a -> !a.isEmpty()).toList();
        Objects.requireNonNull(birthday, "birthday");
        homeEmails = List.copyOf(homeEmails);
        webPages = List.copyOf(webPages);
        middleName = middleName == null ? "" : middleName;
        suffix = suffix == null ? "" : suffix;
        title = title == null ? "" : title;
        givenName = givenName == null ? "" : givenName;
        surname = surname == null ? "" : surname;
        displayName = displayName == null ? "" : displayName;
        company = company == null ? "" : company;
        department = department == null ? "" : department;
        jobTitle = jobTitle == null ? "" : jobTitle;
        emails = List.copyOf(emails);
        businessPhones = List.copyOf(businessPhones);
        mobilePhone = mobilePhone == null ? "" : mobilePhone;
        homePhones = List.copyOf(homePhones);
        notes = notes == null ? "" : notes;
        Objects.requireNonNull(photo, "photo");
        Objects.requireNonNull(photoProblem, "photoProblem");
        if (photo.isPresent() && photoProblem.isPresent()) {
            throw new IllegalArgumentException("a contact's photo is either usable or not, not both");
        }
    }

    /** A contact without postal addresses (the form of API 1.6 before them). */
    public ContactData(String title, String givenName, String surname, String displayName, String company,
                       String department, String jobTitle, List<String> emails, List<String> businessPhones,
                       String mobilePhone, List<String> homePhones, String notes, Optional<Photo> photo,
                       Optional<String> photoProblem, String middleName, String suffix, List<String> homeEmails,
                       List<String> webPages, Optional<LocalDate> birthday) {
        this(title, givenName, surname, displayName, company, department, jobTitle, emails, businessPhones,
                mobilePhone, homePhones, notes, photo, photoProblem, middleName, suffix, homeEmails, webPages,
                birthday, List.of());
    }

    /** A contact without a birthday (the form of API 1.5). */
    public ContactData(String title, String givenName, String surname, String displayName, String company,
                       String department, String jobTitle, List<String> emails, List<String> businessPhones,
                       String mobilePhone, List<String> homePhones, String notes, Optional<Photo> photo,
                       Optional<String> photoProblem, String middleName, String suffix, List<String> homeEmails,
                       List<String> webPages) {
        this(title, givenName, surname, displayName, company, department, jobTitle, emails, businessPhones,
                mobilePhone, homePhones, notes, photo, photoProblem, middleName, suffix, homeEmails, webPages,
                Optional.empty(), List.of());
    }

    /** A contact without web pages (the form of API 1.4). */
    public ContactData(String title, String givenName, String surname, String displayName, String company,
                       String department, String jobTitle, List<String> emails, List<String> businessPhones,
                       String mobilePhone, List<String> homePhones, String notes, Optional<Photo> photo,
                       Optional<String> photoProblem, String middleName, String suffix, List<String> homeEmails) {
        this(title, givenName, surname, displayName, company, department, jobTitle, emails, businessPhones,
                mobilePhone, homePhones, notes, photo, photoProblem, middleName, suffix, homeEmails, List.of());
    }

    /** A contact without home e-mail addresses (the form of API 1.3). */
    public ContactData(String title, String givenName, String surname, String displayName, String company,
                       String department, String jobTitle, List<String> emails, List<String> businessPhones,
                       String mobilePhone, List<String> homePhones, String notes, Optional<Photo> photo,
                       Optional<String> photoProblem, String middleName, String suffix) {
        this(title, givenName, surname, displayName, company, department, jobTitle, emails, businessPhones,
                mobilePhone, homePhones, notes, photo, photoProblem, middleName, suffix, List.of());
    }

    /** A contact without middle names and suffix. */
    public ContactData(String title, String givenName, String surname, String displayName, String company,
                       String department, String jobTitle, List<String> emails, List<String> businessPhones,
                       String mobilePhone, List<String> homePhones, String notes, Optional<Photo> photo,
                       Optional<String> photoProblem) {
        this(title, givenName, surname, displayName, company, department, jobTitle, emails, businessPhones,
                mobilePhone, homePhones, notes, photo, photoProblem, "", "");
    }

    /** A contact whose photo, if any, is usable, without middle names and suffix (the form of API 1.2). */
    public ContactData(String title, String givenName, String surname, String displayName, String company,
                       String department, String jobTitle, List<String> emails, List<String> businessPhones,
                       String mobilePhone, List<String> homePhones, String notes, Optional<Photo> photo) {
        this(title, givenName, surname, displayName, company, department, jobTitle, emails, businessPhones,
                mobilePhone, homePhones, notes, photo, Optional.empty());
    }

    /** The same contact with other e-mail addresses and business and home phone numbers. */
    public ContactData withLists(List<String> emails, List<String> businessPhones, List<String> homePhones) {
        return new ContactData(title, givenName, surname, displayName, company, department, jobTitle, emails,
                businessPhones, mobilePhone, homePhones, notes, photo, photoProblem, middleName, suffix, homeEmails,
                webPages, birthday, postalAddresses);
    }

    /** The same contact with other middle names and suffix. */
    public ContactData withMiddleNameAndSuffix(String middleName, String suffix) {
        return new ContactData(title, givenName, surname, displayName, company, department, jobTitle, emails,
                businessPhones, mobilePhone, homePhones, notes, photo, photoProblem, middleName, suffix, homeEmails,
                webPages, birthday, postalAddresses);
    }

    /** The same contact with other postal addresses. */
    public ContactData withPostalAddresses(List<PostalAddress> postalAddresses) {
        return new ContactData(title, givenName, surname, displayName, company, department, jobTitle, emails,
                businessPhones, mobilePhone, homePhones, notes, photo, photoProblem, middleName, suffix, homeEmails,
                webPages, birthday, postalAddresses);
    }

    /** The same contact with another birthday (or none). */
    public ContactData withBirthday(Optional<LocalDate> birthday) {
        return new ContactData(title, givenName, surname, displayName, company, department, jobTitle, emails,
                businessPhones, mobilePhone, homePhones, notes, photo, photoProblem, middleName, suffix, homeEmails,
                webPages, birthday, postalAddresses);
    }

    /** The same contact with other web pages. */
    public ContactData withWebPages(List<String> webPages) {
        return new ContactData(title, givenName, surname, displayName, company, department, jobTitle, emails,
                businessPhones, mobilePhone, homePhones, notes, photo, photoProblem, middleName, suffix, homeEmails,
                webPages, birthday, postalAddresses);
    }

    /** The same contact with other home e-mail addresses. */
    public ContactData withHomeEmails(List<String> homeEmails) {
        return new ContactData(title, givenName, surname, displayName, company, department, jobTitle, emails,
                businessPhones, mobilePhone, homePhones, notes, photo, photoProblem, middleName, suffix, homeEmails,
                webPages, birthday, postalAddresses);
    }

    /** A contact with a name and one e-mail address. */
    public static ContactData simple(String givenName, String surname, String email) {
        return new ContactData("", givenName, surname, "", "", "", "", email == null ? List.of() : List.of(email),
                List.of(), "", List.of(), "", Optional.empty());
    }
}
