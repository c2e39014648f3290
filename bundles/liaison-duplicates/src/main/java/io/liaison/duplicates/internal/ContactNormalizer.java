package io.liaison.duplicates.internal;

import io.liaison.api.domain.CommunicationType;
import io.liaison.api.domain.ContactPersonData;
import io.liaison.api.duplicates.ContactCandidate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a contact to check (strictly: a bad value is an error naming the field) and a CRM contact person
 * (leniently: a bad value is skipped, the CRM holds what it holds) into a {@link NormalizedContact}.
 */
public final class ContactNormalizer {
    /** The most values of one kind a contact may bring. */
    public static final int MAX_VALUES = 20;

    private final NameNormalizer names = new NameNormalizer();
    private final EmailNormalizer emails = new EmailNormalizer();
    private final PhoneNormalizer phones;

    /** @param defaultRegion the region national phone numbers are read in, e.g. {@code DE} */
    public ContactNormalizer(String defaultRegion) {
        this.phones = new PhoneNormalizer(defaultRegion);
    }

    /**
     * Normalises a contact to check.
     *
     * @throws IllegalArgumentException naming the field and the reason when a value is unusable, or when the
     *                                  contact has neither a name, an e-mail address nor a number
     */
    public NormalizedContact normalize(ContactCandidate candidate) {
        requireLength("title", candidate.title());
        requireLength("first name", candidate.firstName());
        requireLength("last name", candidate.lastName());
        requireCount("e-mail addresses", candidate.emails());
        requireCount("phone numbers", candidate.phones());
        requireCount("mobile numbers", candidate.mobiles());
        NameNormalizer.NormalizedName name = names.normalize(candidate.title(), candidate.firstName(), candidate.lastName());
        Set<String> mails = new LinkedHashSet<>();
        for (String raw : candidate.emails()) {
            if (raw == null || raw.isBlank()) {
                continue;
            }
            EmailNormalizer.Outcome outcome = emails.normalizeOrReason(raw);
            if (outcome.address() == null) {
                throw new IllegalArgumentException("e-mail address '" + shorten(raw) + "' " + outcome.problem());
            }
            mails.add(outcome.address());
        }
        Set<String> mobiles = new LinkedHashSet<>();
        Set<String> others = new LinkedHashSet<>();
        addNumbers("phone number", candidate.phones(), false, mobiles, others, true);
        addNumbers("mobile number", candidate.mobiles(), true, mobiles, others, true);
        NormalizedContact contact = new NormalizedContact(name.first(), name.last(), mails, mobiles, others);
        if (contact.isEmpty()) {
            throw new IllegalArgumentException("the contact has no name, no e-mail address and no phone number to compare");
        }
        return contact;
    }

    /** Normalises a CRM contact person, skipping what cannot be read. */
    public NormalizedContact normalize(ContactPersonData data) {
        NameNormalizer.NormalizedName name = names.normalize(cut(data.title()), cut(data.firstName()), cut(data.lastName()));
        Set<String> mails = new LinkedHashSet<>();
        for (String raw : limit(data.valuesOf(CommunicationType.EMAIL))) {
            emails.normalize(raw).ifPresent(mails::add);
        }
        Set<String> mobiles = new LinkedHashSet<>();
        Set<String> others = new LinkedHashSet<>();
        addNumbers("phone number", limit(data.valuesOf(CommunicationType.PHONE)), false, mobiles, others, false);
        addNumbers("mobile number", limit(data.valuesOf(CommunicationType.MOBILE)), true, mobiles, others, false);
        return new NormalizedContact(name.first(), name.last(), mails, mobiles, others);
    }

    /**
     * A number counts as personal when libphonenumber calls it mobile, or when it sits in a mobile field and
     * libphonenumber cannot tell (e.g. North American numbers); a number known to be a landline never does.
     */
    private void addNumbers(String field, List<String> raws, boolean mobileField, Set<String> mobiles,
                            Set<String> others, boolean strict) {
        for (String raw : raws) {
            if (raw == null || raw.isBlank()) {
                continue;
            }
            PhoneNormalizer.Outcome outcome = phones.normalize(raw);
            if (outcome.value() == null) {
                if (strict) {
                    throw new IllegalArgumentException(field + " '" + shorten(raw) + "' " + outcome.problem());
                }
                continue;
            }
            PhoneNormalizer.PhoneValue value = outcome.value();
            if (value.mobile() || (mobileField && !value.fixedLine())) {
                mobiles.add(value.e164());
            } else {
                others.add(value.e164());
            }
        }
    }

    private static void requireLength(String field, String value) {
        if (value.length() > NameNormalizer.MAX_LENGTH) {
            throw new IllegalArgumentException(field + " is " + value.length() + " characters long, at most "
                    + NameNormalizer.MAX_LENGTH + " allowed");
        }
    }

    private static void requireCount(String field, List<String> values) {
        if (values.size() > MAX_VALUES) {
            throw new IllegalArgumentException("the contact has " + values.size() + " " + field + ", at most "
                    + MAX_VALUES + " allowed");
        }
    }

    private static String cut(String value) {
        return value.length() > NameNormalizer.MAX_LENGTH ? value.substring(0, NameNormalizer.MAX_LENGTH) : value;
    }

    private static List<String> limit(List<String> values) {
        return values.size() > MAX_VALUES ? new ArrayList<>(values.subList(0, MAX_VALUES)) : values;
    }

    /** A value short enough to quote in a message. */
    static String shorten(String value) {
        String oneLine = value.replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() > 60 ? oneLine.substring(0, 57) + "..." : oneLine;
    }
}
