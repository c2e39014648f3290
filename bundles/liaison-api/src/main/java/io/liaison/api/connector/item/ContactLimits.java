package io.liaison.api.connector.item;

/**
 * How many e-mail addresses, business and home phone numbers and web pages a groupware contact can hold. A
 * connector writes at most this many of each (the first ones) and never has a contact refused for more; a caller
 * that knows the limits can say what was left out and keep it on its own side.
 *
 * @param emails         the most e-mail addresses a contact holds
 * @param businessPhones the most business phone numbers
 * @param homePhones     the most home phone numbers
 * @param webPages       the most web pages
 * @param postalAddressesPerKind the most postal addresses of each kind (business, home, other). Since 1.6
 */
public record ContactLimits(int emails, int businessPhones, int homePhones, int webPages, int postalAddressesPerKind) {

    /** A groupware without limits (a vCard holds any number of each). */
    public static final ContactLimits NONE = new ContactLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE,
            Integer.MAX_VALUE, Integer.MAX_VALUE);

    public ContactLimits {
        if (emails < 1 || businessPhones < 1 || homePhones < 1 || webPages < 1 || postalAddressesPerKind < 1) {
            throw new IllegalArgumentException("contact limits must be at least 1, not " + emails + "/"
                    + businessPhones + "/" + homePhones + "/" + webPages + "/" + postalAddressesPerKind);
        }
    }

    /** Limits without one on postal addresses (the form of API 1.5). */
    public ContactLimits(int emails, int businessPhones, int homePhones, int webPages) {
        this(emails, businessPhones, homePhones, webPages, Integer.MAX_VALUE);
    }

    /** Limits without one on web pages (the form of API 1.4). */
    public ContactLimits(int emails, int businessPhones, int homePhones) {
        this(emails, businessPhones, homePhones, Integer.MAX_VALUE);
    }

    /** The contact with its lists cut to these limits (the first entries kept). */
    public ContactData cut(ContactData c) {
        return c.withLists(first(c.emails(), emails), first(c.businessPhones(), businessPhones),
                first(c.homePhones(), homePhones)).withWebPages(first(c.webPages(), webPages))
                .withPostalAddresses(firstOfEachKind(c.postalAddresses(), postalAddressesPerKind));
    }

    /** The first {@code limit} addresses of each kind, in the contact's order. */
    public static java.util.List<io.liaison.api.domain.PostalAddress> firstOfEachKind(
            java.util.List<io.liaison.api.domain.PostalAddress> addresses, int limit) {
        java.util.Map<io.liaison.api.domain.PostalAddress.Kind, Integer> taken = new java.util.EnumMap<>(
                io.liaison.api.domain.PostalAddress.Kind.class);
        return addresses.stream().filter(a -> taken.merge(a.kind(), 1, Integer::sum) <= limit).toList();
    }

    private static java.util.List<String> first(java.util.List<String> values, int limit) {
        return values.size() <= limit ? values : values.subList(0, limit);
    }
}
