package io.liaison.api.domain;

import java.util.Objects;
import java.util.stream.Stream;

/**
 * A postal address of a contact person, as a vCard's ADR (RFC 6350 6.3.1) and Outlook's physical addresses hold it.
 * Strings are empty when absent. Since domain 1.5.
 *
 * @param kind       business, home or other (vCard {@code TYPE=work}/{@code home}; Outlook's business, home and other
 *                   address)
 * @param street     the street address, lines separated by {@code \n}
 * @param postalCode the postal code
 * @param city       the city (vCard locality)
 * @param region     the state or province (vCard region, Graph {@code state})
 * @param country    the country as written (vCard country name, Graph {@code countryOrRegion}): free text, since both
 *                   sides hold names ("Deutschland", "USA") rather than codes
 */
public record PostalAddress(Kind kind, String street, String postalCode, String city, String region, String country) {

    /** Which of a person's addresses it is. */
    public enum Kind { BUSINESS, HOME, OTHER }

    public PostalAddress {
        Objects.requireNonNull(kind, "kind");
        street = street == null ? "" : street.strip();
        postalCode = postalCode == null ? "" : postalCode.strip();
        city = city == null ? "" : city.strip();
        region = region == null ? "" : region.strip();
        country = country == null ? "" : country.strip();
    }

    /** Whether every part is empty: such an address says nothing and is not kept. */
    public boolean isEmpty() {
        return Stream.of(street, postalCode, city, region, country).allMatch(String::isEmpty);
    }
}
