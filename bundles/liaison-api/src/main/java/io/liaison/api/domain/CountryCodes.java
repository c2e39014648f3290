package io.liaison.api.domain;

import java.util.Locale;

/** The one form of a country in the domain values: an ISO 3166-1 alpha-2 code, upper-case, or empty. */
final class CountryCodes {
    private CountryCodes() {
    }

    /**
     * The code upper-cased, or empty for null or blank.
     *
     * @throws IllegalArgumentException when it is not two letters (a country's name is not a code)
     */
    static String normalize(String country) {
        if (country == null || country.isBlank()) {
            return "";
        }
        String code = country.strip().toUpperCase(Locale.ROOT);
        if (code.length() != 2 || code.charAt(0) < 'A' || code.charAt(0) > 'Z' || code.charAt(1) < 'A' || code.charAt(1) > 'Z') {
            throw new IllegalArgumentException("'" + country + "' is not an ISO 3166-1 alpha-2 country code");
        }
        return code;
    }
}
