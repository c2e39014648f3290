package io.liaison.connector.local.internal;

import ezvcard.VCard;
import ezvcard.parameter.EmailType;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Email;
import ezvcard.property.Telephone;
import io.liaison.api.connector.item.ContactData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Merges the contact's e-mail addresses and telephone numbers into an existing vCard. The CRM models addresses in order
 * (the first preferred) and business, mobile and home numbers; everything else (FAX and PAGER numbers, a second
 * mobile number's CELL type, labels and groups) is the card's own; addresses typed HOME are home addresses. A property whose
 * value the CRM still holds in the same place is kept as it is, parameters and group included; only what changed is
 * written anew.
 */
final class ContactMerge {

    /** How Liaison reads a number: its place in {@link ContactData}, or none (FAX, PAGER, a second CELL, empty). */
    enum Place { BUSINESS, MOBILE, HOME, NONE }

    private ContactMerge() {
    }

    /** The number a TEL property holds, as text or as a tel: URI; null when it holds none. */
    static String number(Telephone tel) {
        return tel.getText() != null ? tel.getText() : tel.getUri() != null ? tel.getUri().getNumber() : null;
    }

    /** Where each TEL of the card is read to, in the card's order (the first CELL is the mobile number). */
    static Map<Telephone, Place> places(VCard card) {
        Map<Telephone, Place> places = new LinkedHashMap<>();
        boolean mobile = false;
        for (Telephone tel : card.getTelephoneNumbers()) {
            String number = number(tel);
            List<TelephoneType> types = tel.getTypes();
            if (number == null || number.isBlank() || types.contains(TelephoneType.FAX)
                    || types.contains(TelephoneType.PAGER)) {
                places.put(tel, Place.NONE);
            } else if (types.contains(TelephoneType.CELL)) {
                // ContactData holds one mobile number: a second one is the card's own, not a business number
                // that a CRM which never saw it would remove
                places.put(tel, mobile ? Place.NONE : Place.MOBILE);
                mobile = true;
            } else if (types.contains(TelephoneType.HOME)) {
                places.put(tel, Place.HOME);
            } else {
                places.put(tel, Place.BUSINESS);
            }
        }
        return places;
    }

    /**
     * Writes the numbers of {@code data} into {@code card}, which read as {@code before}: unchanged numbers leave every
     * TEL as it is; otherwise the numbers Liaison reads are written in the order mobile, business, home, each reusing
     * the card's TEL of that number and place, followed by the numbers Liaison does not read, unchanged and in their
     * order (so that the mobile number stays the first CELL).
     */
    static void phones(VCard card, ContactData before, ContactData data) {
        if (before.businessPhones().equals(data.businessPhones()) && before.mobilePhone().equals(data.mobilePhone())
                && before.homePhones().equals(data.homePhones())) {
            return;
        }
        Map<Telephone, Place> places = places(card);
        List<Telephone> unused = new ArrayList<>();
        List<Telephone> own = new ArrayList<>();
        places.forEach((tel, place) -> {
            (place == Place.NONE ? own : unused).add(tel);
            card.removeProperty(tel);
        });
        if (!data.mobilePhone().isEmpty()) {
            card.addTelephoneNumber(reuse(unused, places, Place.MOBILE, data.mobilePhone(), TelephoneType.CELL));
        }
        for (String p : data.businessPhones()) {
            card.addTelephoneNumber(reuse(unused, places, Place.BUSINESS, p, TelephoneType.WORK, TelephoneType.VOICE));
        }
        for (String p : data.homePhones()) {
            card.addTelephoneNumber(reuse(unused, places, Place.HOME, p, TelephoneType.HOME, TelephoneType.VOICE));
        }
        // after the mobile number, so that a second CELL never becomes the first
        own.forEach(card::addTelephoneNumber);
    }

    private static Telephone reuse(List<Telephone> unused, Map<Telephone, Place> places, Place place, String number,
                                   TelephoneType... types) {
        for (Telephone tel : unused) {
            if (places.get(tel) == place && number.equals(number(tel))) {
                unused.remove(tel);
                return tel;
            }
        }
        Telephone tel = new Telephone(number);
        for (TelephoneType type : types) {
            tel.getTypes().add(type);
        }
        return tel;
    }

    /** Whether an EMAIL is a home address: typed HOME and not WORK as well (RFC 6350 6.4.2, 5.6). */
    static boolean isHome(Email email) {
        return email.getTypes().contains(EmailType.HOME) && !email.getTypes().contains(EmailType.WORK);
    }

    /**
     * Writes the addresses of {@code data} into {@code card}, which read as {@code before}: unchanged addresses leave
     * every EMAIL as it is; otherwise each address keeps the card's EMAIL of that address and kind (its TYPE, its
     * group), the contact's addresses first in the CRM's order, only the first marked preferred, then the home
     * addresses typed HOME.
     */
    static void emails(VCard card, ContactData before, ContactData data) {
        if (before.emails().equals(data.emails()) && before.homeEmails().equals(data.homeEmails())) {
            return;
        }
        List<Email> existing = new ArrayList<>(card.getEmails());
        existing.forEach(card::removeProperty);
        for (int i = 0; i < data.emails().size(); i++) {
            Email email = reuse(existing, data.emails().get(i), false);
            email.getTypes().remove(EmailType.PREF);
            email.setPref(null);
            if (i == 0) {
                email.getTypes().add(EmailType.PREF);
            }
            card.addEmail(email);
        }
        for (String address : data.homeEmails()) {
            Email email = reuse(existing, address, true);
            email.getTypes().remove(EmailType.PREF);
            email.setPref(null);
            card.addEmail(email);
        }
        // an address without value (EMAIL:) is not one the CRM could have removed
        existing.stream().filter(e -> e.getValue() == null || e.getValue().isBlank())
                .filter(Objects::nonNull).forEach(card::addEmail);
    }

    /** The card's EMAIL of this address and kind, taken out of {@code existing}, or a new one of that kind. */
    private static Email reuse(List<Email> existing, String address, boolean home) {
        String wanted = address.strip().toLowerCase(Locale.ROOT);
        Email email = existing.stream().filter(e -> e.getValue() != null && isHome(e) == home
                && e.getValue().strip().toLowerCase(Locale.ROOT).equals(wanted)).findFirst().orElse(null);
        if (email == null) {
            email = new Email(address);
            email.getTypes().add(EmailType.INTERNET);
            if (home) {
                email.getTypes().add(EmailType.HOME);
            }
        } else {
            existing.remove(email);
            email.setValue(address);
        }
        return email;
    }
}
