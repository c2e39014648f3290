package io.liaison.duplicates.internal;

import ezvcard.VCard;
import ezvcard.io.text.VCardReader;
import java.io.IOException;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Email;
import ezvcard.property.FormattedName;
import ezvcard.property.Organization;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import io.liaison.api.duplicates.ContactCandidate;
import io.liaison.api.duplicates.ContactFileEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads contacts from vCard text (2.1, 3.0, 4.0) with ez-vcard: the structured name (N) or else the formatted
 * name (FN, its last word taken as the last name), prefixes as the title, e-mail addresses, numbers (CELL ones as
 * mobile numbers) and the organisation.
 */
final class VCardContacts {
    private VCardContacts() {
    }

    static List<ContactFileEntry> read(String text, int maxEntries) {
        // the reader itself, not the Ezvcard facade, which links freemarker and jackson for other formats
        List<VCard> cards;
        try (VCardReader reader = new VCardReader(text)) {
            cards = reader.readAll();
        } catch (IOException e) {
            throw new IllegalArgumentException("the vCard file could not be read: " + e.getMessage(), e);
        }
        if (cards.size() > maxEntries) {
            throw new IllegalArgumentException("the vCard file has " + cards.size() + " contacts, at most " + maxEntries + " allowed");
        }
        List<ContactFileEntry> entries = new ArrayList<>();
        for (VCard card : cards) {
            int number = entries.size() + 1;
            try {
                ContactCandidate candidate = candidate(card);
                entries.add(new ContactFileEntry(number, label(candidate), Optional.of(candidate), Optional.empty(), Map.of()));
            } catch (RuntimeException e) {
                entries.add(new ContactFileEntry(number, "vCard " + number, Optional.empty(),
                        Optional.of("vCard " + number + " could not be read: " + e.getMessage()), Map.of()));
            }
        }
        return entries;
    }

    private static ContactCandidate candidate(VCard card) {
        String title = "";
        String first = "";
        String last = "";
        StructuredName n = card.getStructuredName();
        if (n != null && (n.getGiven() != null || n.getFamily() != null)) {
            first = join(n.getGiven(), String.join(" ", n.getAdditionalNames()));
            last = n.getFamily() == null ? "" : n.getFamily();
            title = String.join(" ", n.getPrefixes());
        } else {
            FormattedName fn = card.getFormattedName();
            if (fn != null && fn.getValue() != null) {
                String full = fn.getValue().strip();
                int space = full.lastIndexOf(' ');
                first = space < 0 ? "" : full.substring(0, space);
                last = space < 0 ? full : full.substring(space + 1);
            }
        }
        List<String> emails = new ArrayList<>();
        for (Email email : card.getEmails()) {
            if (email.getValue() != null) {
                emails.add(email.getValue());
            }
        }
        List<String> phones = new ArrayList<>();
        List<String> mobiles = new ArrayList<>();
        for (Telephone tel : card.getTelephoneNumbers()) {
            String value = tel.getText() != null ? tel.getText() : tel.getUri() != null ? tel.getUri().getNumber() : null;
            if (value == null) {
                continue;
            }
            (tel.getTypes().contains(TelephoneType.CELL) ? mobiles : phones).add(value);
        }
        Organization org = card.getOrganization();
        String company = org == null || org.getValues().isEmpty() ? "" : org.getValues().get(0);
        return new ContactCandidate(title, first, last, emails, phones, mobiles, company);
    }

    private static String join(String a, String b) {
        return ((a == null ? "" : a) + " " + (b == null ? "" : b)).strip();
    }

    /** A short text naming the contact for people. */
    static String label(ContactCandidate c) {
        String name = (c.firstName() + " " + c.lastName()).strip();
        String label = !name.isEmpty() ? name : !c.emails().isEmpty() ? c.emails().get(0) : "(no name)";
        return ContactNormalizer.shorten(label);
    }
}
