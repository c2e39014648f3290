package io.liaison.duplicates.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Brings a phone number in any common spelling ({@code 0171 1234567}, {@code +49 (0)171 1234567},
 * {@code 0049-171-1234567}) into E.164 with libphonenumber, reading national numbers in a configurable default
 * region, and tells whether it is a mobile number (personal) or a landline (possibly shared by a household or an
 * office).
 */
public final class PhoneNormalizer {
    /** Longer input is not a phone number, whatever it holds. */
    public static final int MAX_LENGTH = 64;
    /** A number that the numbering plan does not know must have at least this many digits after the country code. */
    private static final int MIN_DIGITS = 6;
    /** The "(0)" that Germans, Austrians, Swiss and Britons put after the country code. */
    private static final Pattern TRUNK_ZERO = Pattern.compile("^(\\+|00)(\\d{1,3})\\s*[-./]?\\s*\\(0\\)");

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    /**
     * @param defaultRegion the ISO 3166 region national numbers are read in, e.g. {@code DE}
     * @throws IllegalArgumentException when libphonenumber does not know the region
     */
    public PhoneNormalizer(String defaultRegion) {
        String region = Objects.requireNonNull(defaultRegion, "defaultRegion").strip().toUpperCase(Locale.ROOT);
        if (!util.getSupportedRegions().contains(region)) {
            throw new IllegalArgumentException("default region '" + defaultRegion + "' is not a region libphonenumber knows");
        }
        this.defaultRegion = region;
    }

    /**
     * A normalised number.
     *
     * @param e164   e.g. {@code +491711234567}
     * @param mobile whether libphonenumber classifies it as a mobile number
     * @param fixedLine whether it is certainly a landline
     */
    public record PhoneValue(String e164, boolean mobile, boolean fixedLine) {
    }

    /**
     * The number as E.164, or why the text is not a phone number.
     *
     * @param value   the number, or null
     * @param problem why not, or null
     */
    public record Outcome(PhoneValue value, String problem) {
    }

    /** Normalises one number. */
    public Outcome normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            return new Outcome(null, "is empty");
        }
        if (raw.length() > MAX_LENGTH) {
            return new Outcome(null, "is " + raw.length() + " characters long, at most " + MAX_LENGTH + " allowed");
        }
        String text = TRUNK_ZERO.matcher(raw.strip()).replaceFirst("$1$2 ");
        PhoneNumber number;
        try {
            number = util.parse(text, defaultRegion);
        } catch (NumberParseException e) {
            return new Outcome(null, "is not a phone number (" + e.getErrorType().name().toLowerCase(Locale.ROOT) + ")");
        }
        // valid by the numbering plan, or at least plausible (some real numbers are newer than the metadata)
        boolean plausible = util.isPossibleNumber(number) && String.valueOf(number.getNationalNumber()).length() >= MIN_DIGITS;
        if (!util.isValidNumber(number) && !plausible) {
            return new Outcome(null, "is not a valid phone number");
        }
        PhoneNumberType type = util.getNumberType(number);
        return new Outcome(new PhoneValue(util.format(number, PhoneNumberFormat.E164),
                type == PhoneNumberType.MOBILE || type == PhoneNumberType.PAGER,
                type == PhoneNumberType.FIXED_LINE), null);
    }
}
