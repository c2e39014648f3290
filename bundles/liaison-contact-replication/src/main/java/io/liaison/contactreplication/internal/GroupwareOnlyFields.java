package io.liaison.contactreplication.internal;

import io.liaison.api.connector.item.ContactData;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields a groupware contact holds that the CRM does not (the README's contact mapping: home numbers and
 * addresses, middle names, suffix, a display name of its own, the photo of a pair that does not replicate photos, and
 * notes the CRM does not hold yet, such as ones written in the groupware since the last run): what is lost with the
 * contact when the per-contact switch deletes it, named so that a person is told.
 */
final class GroupwareOnlyFields {

    private GroupwareOnlyFields() {
    }

    /**
     * The groupware-only fields the contact has values in, in words; empty when it holds nothing the CRM lacks.
     *
     * @param crmNotes the contact person's notes in the CRM (notes are mapped both ways since API 1.5)
     */
    static List<String> of(ContactData contact, boolean photosReplicated, String crmNotes) {
        List<String> held = new ArrayList<>();
        if (!contact.notes().isBlank() && !contact.notes().strip().equals(crmNotes.strip())) {
            held.add("notes");
        }
        count(held, contact.homePhones().size(), "home phone number");
        count(held, contact.homeEmails().size(), "home e-mail address");
        if (!contact.middleName().isBlank()) {
            held.add("middle name");
        }
        if (!contact.suffix().isBlank()) {
            held.add("name suffix");
        }
        if (ownDisplayName(contact)) {
            held.add("display name \"" + contact.displayName().strip() + "\"");
        }
        if (!photosReplicated && (contact.photo().isPresent() || contact.photoProblem().isPresent())) {
            held.add("photo (its export chose no photos)");
        }
        return held;
    }

    private static void count(List<String> held, int n, String what) {
        if (n > 0) {
            held.add(n + " " + what + (n == 1 ? "" : what.endsWith("s") ? "es" : "s"));
        }
    }

    /** A display name other than the one the names make (a person's own filing, not Outlook's default). */
    private static boolean ownDisplayName(ContactData contact) {
        String shown = contact.displayName().strip().replaceAll("\\s+", " ");
        if (shown.isEmpty()) {
            return false;
        }
        String plain = (contact.givenName() + " " + contact.surname()).strip().replaceAll("\\s+", " ");
        String full = (contact.givenName() + " " + contact.middleName() + " " + contact.surname() + " "
                + contact.suffix()).strip().replaceAll("\\s+", " ");
        return !shown.equalsIgnoreCase(plain) && !shown.equalsIgnoreCase(full);
    }
}
