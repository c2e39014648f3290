package io.liaison.connector.local.internal;

import ezvcard.VCard;
import ezvcard.parameter.AddressType;
import ezvcard.property.Address;
import io.liaison.api.domain.PostalAddress;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A vCard's ADR properties as postal addresses (RFC 6350 6.3.1): TYPE=work is a business address, TYPE=home a home
 * address, one with neither an other address. Of ADR's seven components the street, locality, region, postal code
 * and country are mapped; the post office box and extended address are the card's own and stay with their ADR.
 */
final class CardAddresses {

    private CardAddresses() {
    }

    static List<PostalAddress> read(VCard card) {
        return card.getAddresses().stream().map(CardAddresses::address).filter(a -> !a.isEmpty()).toList();
    }

    private static PostalAddress address(Address adr) {
        return new PostalAddress(kind(adr), String.join("\n", adr.getStreetAddresses()), adr.getPostalCode(),
                adr.getLocality(), adr.getRegion(), adr.getCountry());
    }

    private static PostalAddress.Kind kind(Address adr) {
        if (adr.getTypes().contains(AddressType.WORK)) {
            return PostalAddress.Kind.BUSINESS;
        }
        return adr.getTypes().contains(AddressType.HOME) ? PostalAddress.Kind.HOME : PostalAddress.Kind.OTHER;
    }

    /**
     * Writes the addresses in their order. An ADR whose address stays is kept as it is (group, label, PREF, post
     * office box); a changed address takes over an unused ADR of its kind, which keeps its parameters and its post
     * office box and extended address; the ADRs left over go.
     */
    static void write(VCard card, List<PostalAddress> addresses) {
        List<Address> unused = new ArrayList<>(card.getAddresses());
        List<Address> written = new ArrayList<>();
        List<PostalAddress> changed = new ArrayList<>();
        for (PostalAddress a : addresses) {
            Address same = take(unused, adr -> address(adr).equals(a));
            written.add(same);
            if (same == null) {
                changed.add(a);
            }
        }
        Iterator<PostalAddress> next = changed.iterator();
        for (int i = 0; i < written.size(); i++) {
            if (written.get(i) == null) {
                PostalAddress a = next.next();
                Address reused = take(unused, adr -> kind(adr) == a.kind());
                written.set(i, fill(reused != null ? reused : typed(a.kind()), a));
            }
        }
        card.removeProperties(Address.class);
        written.forEach(card::addAddress);
    }

    private static Address take(List<Address> from, java.util.function.Predicate<Address> which) {
        for (Iterator<Address> it = from.iterator(); it.hasNext(); ) {
            Address adr = it.next();
            if (which.test(adr)) {
                it.remove();
                return adr;
            }
        }
        return null;
    }

    private static Address typed(PostalAddress.Kind kind) {
        Address adr = new Address();
        switch (kind) {
            case BUSINESS -> adr.getTypes().add(AddressType.WORK);
            case HOME -> adr.getTypes().add(AddressType.HOME);
            case OTHER -> { }
        }
        return adr;
    }

    private static Address fill(Address adr, PostalAddress a) {
        adr.getStreetAddresses().clear();
        adr.getStreetAddresses().add(a.street());
        adr.setPostalCode(blankToNull(a.postalCode()));
        adr.setLocality(blankToNull(a.city()));
        adr.setRegion(blankToNull(a.region()));
        adr.setCountry(blankToNull(a.country()));
        return adr;
    }

    private static String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
