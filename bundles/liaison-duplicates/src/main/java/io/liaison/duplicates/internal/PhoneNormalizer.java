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
 * {@code 0049-171-1234567}, {@code 089 1234567 Durchwahl 12}, {@code 089/1234567 (Zentrale)}) into E.164 with
 * libphonenumber, an extension appended as {@code ;ext=} (RFC 3966), reading national numbers in a configurable
 * default region. Only numbers libphonenumber calls valid are accepted: a local number without its area code
 * ({@code 234567}) or an unassigned one ({@code 0123456789}) identifies nobody. Tells whether a number is a mobile
 * number (personal) or not (a landline, a toll-free or a service number: possibly shared by a household or an
 * office).
 */
public final class PhoneNormalizer {
    /** Longer input is not a phone number, whatever it holds. */
    public static final int MAX_LENGTH = 64;
    /** The "(0)" that Germans, Austrians, Swiss and Britons put after the country code. */
    private static final Pattern TRUNK_ZERO = Pattern.compile("^(\\+|00)(\\d{1,3})\\s*[-./]?\\s*\\(0\\)");
    /** A remark in brackets: "(Zentrale)", "(privat)", "[Büro]". */
    private static final Pattern REMARK = Pattern.compile("[(\\[][^)\\]]*\\p{L}[^)\\]]*[)\\]]");
    /** The German words for an extension, which libphonenumber does not know ("ext.", "x" and "#" it does). */
    private static final Pattern EXTENSION = Pattern.compile(
            "(?iu)[\\s,;]*\\b(durchwahl|dw|apparat|app|nebenstelle|nst)\\.?:?\\s*(\\d+)\\s*$");

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
     * @param e164   e.g. {@code +491711234567}, or {@code +49891234567;ext=12} with an extension
     * @param mobile whether libphonenumber types it as a mobile number (one person's)
     */
    public record PhoneValue(String e164, boolean mobile) {
    }

    /**
     * The number as E.164, or why the text is not a phone number.
     *
     * @param value   the number, or null
     * @param problem why not, or null
     */
    public record Outcome(PhoneValue value, String problem) {
    }

    /**
     * The region a contact's national numbers are read in: its country (an ISO 3166-1 alpha-2 code) when
     * libphonenumber knows it, else the default region.
     */
    public String regionFor(String country) {
        if (country == null || country.isBlank()) {
            return defaultRegion;
        }
        String region = country.strip().toUpperCase(Locale.ROOT);
        return util.getSupportedRegions().contains(region) ? region : defaultRegion;
    }

    /** Whether libphonenumber knows the region (an ISO 3166-1 alpha-2 code). */
    public boolean knows(String country) {
        return util.getSupportedRegions().contains(country.strip().toUpperCase(Locale.ROOT));
    }

    /**
     * Whether a national number lacks the trunk prefix its region dials before an area code (0 in Germany, Austria,
     * Switzerland): "234567" is dialled within one town, and libphonenumber would read it as +49 234 567.
     */
    private boolean localWithoutAreaCode(String text, String region) {
        String trunk = util.getNddPrefixForRegion(region, true);
        if (trunk == null || trunk.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isDigit(c)) {
                return !text.startsWith(trunk, i);
            }
        }
        return false;
    }

    /** Normalises one number, reading a national number in the default region. */
    public Outcome normalize(String raw) {
        return normalize(raw, defaultRegion);
    }

    /**
     * Normalises one number, reading a national number in the given region (see {@link #regionFor}): a Swiss
     * "044 668 18 00" is +41446681800 in CH.
     */
    public Outcome normalize(String raw, String region) {
        if (raw == null || raw.isBlank()) {
            return new Outcome(null, "is empty");
        }
        if (raw.length() > MAX_LENGTH) {
            return new Outcome(null, "is " + raw.length() + " characters long, at most " + MAX_LENGTH + " allowed");
        }
        String text = TRUNK_ZERO.matcher(raw.strip()).replaceFirst("$1$2 ");
        text = REMARK.matcher(text).replaceAll(" ").strip();
        text = EXTENSION.matcher(text).replaceFirst(" ext. $2");
        PhoneNumber number;
        try {
            number = util.parseAndKeepRawInput(text, region);
        } catch (NumberParseException e) {
            return new Outcome(null, "is not a phone number (" + e.getErrorType().name().toLowerCase(Locale.ROOT) + ")");
        }
        if (number.getCountryCodeSource() == PhoneNumber.CountryCodeSource.FROM_DEFAULT_COUNTRY
                && localWithoutAreaCode(text, region)) {
            return new Outcome(null, "is a local number without its area code");
        }
        if (!util.isValidNumber(number)) {
            return new Outcome(null, "is not a valid phone number");
        }
        String e164 = util.format(number, PhoneNumberFormat.E164);
        if (number.hasExtension() && !number.getExtension().isEmpty()) {
            // a switchboard's extensions are different people's numbers
            e164 += ";ext=" + number.getExtension();
        }
        return new Outcome(new PhoneValue(e164, util.getNumberType(number) == PhoneNumberType.MOBILE), null);
    }
}
