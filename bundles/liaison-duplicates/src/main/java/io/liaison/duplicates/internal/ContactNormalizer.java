package io.liaison.duplicates.internal;

import io.liaison.api.domain.CommunicationType;
import io.liaison.api.domain.ContactPersonData;
import io.liaison.api.duplicates.ContactCandidate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a contact to check and a CRM contact person into a {@link NormalizedContact}. A value that cannot be read is
 * skipped and the rest compared: one unreadable number must not make the import skip the check and create a
 * duplicate. For a contact to check each skipped value is named in a note.
 */
public final class ContactNormalizer {
    /** The most values of one kind a contact to check may bring; the rest are skipped with a note. */
    public static final int MAX_VALUES = 100;
    /**
     * The most values of one kind filed for a CRM contact person: every address a person really has (the index
     * once filed only the first 20, and a match on the 21st was missed), with a bound no data entry error passes
     * (1,000 addresses of at most 254 characters fit the index's column).
     */
    public static final int MAX_CRM_VALUES = 1000;

    private final NameNormalizer names = new NameNormalizer();
    private final EmailNormalizer emails = new EmailNormalizer();
    private final PhoneNormalizer phones;

    /** @param defaultRegion the region national phone numbers are read in, e.g. {@code DE} */
    public ContactNormalizer(String defaultRegion) {
        this.phones = new PhoneNormalizer(defaultRegion);
    }

    /**
     * A contact to check, normalised, with the values that were skipped.
     *
     * @param contact what is compared
     * @param notes   one line per skipped value, naming the field and why
     */
    public record Checked(NormalizedContact contact, List<String> notes) {
        public Checked {
            notes = List.copyOf(notes);
        }
    }

    /**
     * Normalises a contact to check; see {@link #check}.
     *
     * @throws IllegalArgumentException when the contact has neither a name, an e-mail address nor a number that
     *                                  can be read
     */
    public NormalizedContact normalize(ContactCandidate candidate) {
        return check(candidate).contact();
    }

    /**
     * Normalises a contact to check, skipping (with a note) what cannot be read: a name longer than any person's,
     * an e-mail address or a number that is none, values beyond {@link #MAX_VALUES}.
     *
     * @throws IllegalArgumentException when nothing is left to compare: neither a name, an e-mail address nor a
     *                                  number
     */
    public Checked check(ContactCandidate candidate) {
        List<String> notes = new ArrayList<>();
        NameNormalizer.NormalizedName name = names.normalize(usable("title", candidate.title(), notes),
                usable("first name", candidate.firstName(), notes), usable("last name", candidate.lastName(), notes));
        Set<String> mails = new LinkedHashSet<>();
        for (String raw : limit("e-mail addresses", candidate.emails(), notes)) {
            if (raw == null || raw.isBlank()) {
                continue;
            }
            EmailNormalizer.Outcome outcome = emails.normalizeOrReason(raw);
            if (outcome.address() == null) {
                notes.add("e-mail address '" + shorten(raw) + "' " + outcome.problem() + ": not compared");
            } else {
                mails.add(outcome.address());
            }
        }
        String region = phones.regionFor("");
        if (!candidate.country().isEmpty()) {
            if (phones.knows(candidate.country())) {
                region = phones.regionFor(candidate.country());
            } else {
                notes.add("country '" + shorten(candidate.country()) + "' is no ISO 3166 code: numbers read in " + region);
            }
        }
        Set<String> mobiles = new LinkedHashSet<>();
        Set<String> others = new LinkedHashSet<>();
        addNumbers("phone number", limit("phone numbers", candidate.phones(), notes), region, mobiles, others, notes);
        addNumbers("mobile number", limit("mobile numbers", candidate.mobiles(), notes), region, mobiles, others, notes);
        NormalizedContact contact = new NormalizedContact(name.first(), name.last(), mails, mobiles, others);
        if (contact.isEmpty()) {
            throw new IllegalArgumentException("the contact has no name, no e-mail address and no phone number to compare"
                    + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")"));
        }
        return new Checked(contact, notes);
    }

    /** Normalises a CRM contact person, skipping what cannot be read; its numbers read in its own country. */
    public NormalizedContact normalize(ContactPersonData data) {
        return normalize(data, "");
    }

    /**
     * Normalises a CRM contact person, skipping what cannot be read. Numbers without a country code are read in
     * the person's country, else in its business partner's ({@code partnerCountry}, empty when unknown), else in
     * the default region: a Swiss "044 …" is Zurich, not Oldenburg.
     */
    public NormalizedContact normalize(ContactPersonData data, String partnerCountry) {
        String region = phones.regionFor(data.country().isEmpty() ? partnerCountry : data.country());
        NameNormalizer.NormalizedName name = names.normalize(cut(data.title()), cut(data.firstName()), cut(data.lastName()));
        Set<String> mails = new LinkedHashSet<>();
        for (String raw : crmLimit(data.valuesOf(CommunicationType.EMAIL))) {
            emails.normalize(raw).ifPresent(mails::add);
        }
        Set<String> mobiles = new LinkedHashSet<>();
        Set<String> others = new LinkedHashSet<>();
        addNumbers("phone number", crmLimit(data.valuesOf(CommunicationType.PHONE)), region, mobiles, others, null);
        addNumbers("mobile number", crmLimit(data.valuesOf(CommunicationType.MOBILE)), region, mobiles, others, null);
        return new NormalizedContact(name.first(), name.last(), mails, mobiles, others);
    }

    /**
     * A number counts as personal only when libphonenumber types it as mobile, whatever field it was typed into: a
     * toll-free or a service number in the mobile field is an office's. A number that cannot be read is skipped
     * (with a note when {@code notes} is given).
     */
    private void addNumbers(String field, List<String> raws, String region, Set<String> mobiles, Set<String> others,
                            List<String> notes) {
        for (String raw : raws) {
            if (raw == null || raw.isBlank()) {
                continue;
            }
            PhoneNormalizer.Outcome outcome = phones.normalize(raw, region);
            if (outcome.value() == null) {
                if (notes != null) {
                    notes.add(field + " '" + shorten(raw) + "' " + outcome.problem() + ": not compared");
                }
                continue;
            }
            PhoneNormalizer.PhoneValue value = outcome.value();
            if (value.mobile()) {
                mobiles.add(value.e164());
            } else {
                others.add(value.e164());
            }
        }
    }

    /** The name field, or empty (with a note) when it is longer than any name. */
    private static String usable(String field, String value, List<String> notes) {
        if (value.length() > NameNormalizer.MAX_LENGTH) {
            notes.add(field + " is " + value.length() + " characters long, at most " + NameNormalizer.MAX_LENGTH
                    + " compared: not compared");
            return "";
        }
        return value;
    }

    private static List<String> limit(String field, List<String> values, List<String> notes) {
        if (values.size() <= MAX_VALUES) {
            return values;
        }
        notes.add("the contact has " + values.size() + " " + field + ": the first " + MAX_VALUES + " compared");
        return values.subList(0, MAX_VALUES);
    }

    private static List<String> crmLimit(List<String> values) {
        return values.size() > MAX_CRM_VALUES ? values.subList(0, MAX_CRM_VALUES) : values;
    }

    private static String cut(String value) {
        return value.length() > NameNormalizer.MAX_LENGTH ? value.substring(0, NameNormalizer.MAX_LENGTH) : value;
    }

    /** A value short enough to quote in a message. */
    static String shorten(String value) {
        String oneLine = value.replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() > 60 ? oneLine.substring(0, 57) + "..." : oneLine;
    }
}
