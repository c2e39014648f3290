package io.liaison.contactreplication.internal;

import io.liaison.api.connector.item.ContactData;
import io.liaison.api.connector.item.ContactLimits;
import io.liaison.api.domain.BusinessPartnerId;
import io.liaison.api.domain.Communication;
import io.liaison.api.domain.CommunicationType;
import io.liaison.api.domain.ContactPersonData;
import io.liaison.api.domain.PostalAddress;
import io.liaison.api.domain.Photo;
import io.liaison.api.duplicates.ContactCandidate;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The field mapping between a CRM contact person and a groupware contact (written down in the README). Each
 * direction replaces only the fields it maps and keeps the other side's own fields (salutation, fax and further
 * mobile numbers in the CRM; display name, middle names, name suffix, home e-mail addresses and private
 * numbers in the groupware).
 */
final class ContactMapping {

    private ContactMapping() {
    }

    /**
     * The groupware contact for a CRM contact person.
     *
     * @param crm      the CRM content
     * @param company  the business partner's name, or empty to keep the groupware's company
     * @param photo    the photo the groupware contact is to have
     * @param existing the groupware contact as it is, for an update; its own fields are kept, and a photo of its
     *                 that Liaison cannot use stays when {@code photo} is empty
     * @param limits   what the groupware's contacts hold: the CRM's further e-mail addresses and phone numbers are
     *                 left out (see {@link #leftOut})
     */
    static ContactData toGroupware(ContactPersonData crm, Optional<String> company, Optional<Photo> photo,
                                   Optional<ContactData> existing, ContactLimits limits) {
        List<String> mobiles = crm.valuesOf(CommunicationType.MOBILE);
        List<String> homeEmails = existing.map(ContactData::homeEmails).orElse(List.of());
        return limits.cut(new ContactData(crm.title(), crm.firstName(), crm.lastName(),
                existing.map(ContactData::displayName).orElse(""),
                company.orElseGet(() -> existing.map(ContactData::company).orElse("")),
                crm.department(), crm.position(),
                without(crm.valuesOf(CommunicationType.EMAIL), homeEmails), crm.valuesOf(CommunicationType.PHONE),
                mobiles.isEmpty() ? "" : mobiles.get(0),
                existing.map(ContactData::homePhones).orElse(List.of()),
                notes(crm.notes(), existing), photo,
                photo.isPresent() ? Optional.empty() : existing.flatMap(ContactData::photoProblem),
                existing.map(ContactData::middleName).orElse(""), existing.map(ContactData::suffix).orElse(""),
                homeEmails, webPages(crm.valuesOf(CommunicationType.WEB), existing),
                crm.birthday().or(() -> existing.flatMap(ContactData::birthday)),
                crm.postalAddresses().isEmpty() ? existing.map(ContactData::postalAddresses).orElse(List.of())
                        : crm.postalAddresses()));
    }

    /**
     * The CRM's notes; none say nothing about the groupware's (a CRM without notes for the person, or one that had
     * no notes before they were mapped, must not empty what a person wrote in Outlook or a vCard).
     */
    private static String notes(String crm, Optional<ContactData> existing) {
        return crm.isBlank() ? existing.map(ContactData::notes).orElse("") : crm;
    }

    /**
     * The CRM's web pages; none says nothing about the groupware's (a CRM without web pages for the person, or one
     * that never had the field filled, must not empty the pages a person entered in Outlook or a vCard).
     */
    private static List<String> webPages(List<String> crm, Optional<ContactData> existing) {
        return crm.isEmpty() ? existing.map(ContactData::webPages).orElse(List.of()) : crm;
    }

    /**
     * The CRM's addresses without the groupware contact's home addresses: the CRM gives addresses no kind, so one it
     * holds that the groupware has as a home address (entered in the CRM as well, or written there before home
     * addresses were told apart) stays a home address there rather than becoming a second, business one.
     */
    private static List<String> without(List<String> addresses, List<String> homeEmails) {
        return addresses.stream().filter(a -> !among(a, homeEmails)).toList();
    }

    /** Whether the address is one of the addresses, compared as e-mail addresses are (case-insensitively). */
    private static boolean among(String address, List<String> addresses) {
        String key = address.strip().toLowerCase(java.util.Locale.ROOT);
        return addresses.stream().anyMatch(a -> a.strip().toLowerCase(java.util.Locale.ROOT).equals(key));
    }

    /**
     * What of the CRM's content the groupware cannot hold (Microsoft Graph: more than 3 e-mail addresses, more than 2
     * business numbers), said for the journal; those entries stay in the CRM ({@link #toCrm} keeps them).
     */
    static List<String> leftOut(ContactPersonData crm, ContactLimits limits) {
        List<String> said = new ArrayList<>();
        leftOut(said, crm.valuesOf(CommunicationType.EMAIL), limits.emails(), "e-mail addresses");
        leftOut(said, crm.valuesOf(CommunicationType.PHONE), limits.businessPhones(), "business phone numbers");
        leftOut(said, crm.valuesOf(CommunicationType.WEB), limits.webPages(), "web pages");
        List<PostalAddress> unheld = unheld(crm.postalAddresses(), limits.postalAddressesPerKind());
        if (!unheld.isEmpty()) {
            said.add("the groupware holds at most " + limits.postalAddressesPerKind() + " postal address(es) of each "
                    + "kind: " + unheld.stream().map(ContactMapping::oneLine).collect(Collectors.joining("; "))
                    + " not written there; kept in the CRM");
        }
        return said;
    }

    /** The addresses beyond the first {@code limit} of their kind: those {@link #toGroupware} does not write. */
    private static List<PostalAddress> unheld(List<PostalAddress> addresses, int limit) {
        List<PostalAddress> held = new ArrayList<>(ContactLimits.firstOfEachKind(addresses, limit));
        List<PostalAddress> rest = new ArrayList<>();
        for (PostalAddress a : addresses) {
            if (!held.remove(a)) {
                rest.add(a);
            }
        }
        return rest;
    }

    private static String oneLine(PostalAddress a) {
        return Stream.of(a.street().replace('\n', ' '), a.postalCode(), a.city(), a.country())
                .filter(v -> !v.isEmpty()).collect(Collectors.joining(" "));
    }

    private static void leftOut(List<String> said, List<String> values, int limit, String what) {
        if (values.size() > limit) {
            said.add("the groupware holds at most " + limit + " " + what + ": " + String.join(", ",
                    values.subList(limit, values.size())) + " not written there; kept in the CRM");
        }
    }

    /**
     * The CRM content for a groupware contact.
     *
     * @param base the contact person's content as it is (an update), or a new one with its business partner
     */
    static ContactPersonData toCrm(ContactPersonData base, ContactData gw, ContactLimits limits) {
        List<Communication> comms = new ArrayList<>();
        // home addresses are the groupware's own and never become (business) addresses of the CRM; the CRM's
        // addresses that the groupware has as home addresses stay as the CRM has them
        List<String> crmEmails = base.valuesOf(CommunicationType.EMAIL);
        List<String> crmHome = crmEmails.stream().filter(a -> among(a, gw.homeEmails())).toList();
        List<String> emails = new ArrayList<>(withUnheld(gw.emails(), without(crmEmails, gw.homeEmails()),
                limits.emails()));
        emails.addAll(crmHome);
        addAll(comms, CommunicationType.EMAIL, emails);
        addAll(comms, CommunicationType.PHONE, withUnheld(gw.businessPhones(), base.valuesOf(CommunicationType.PHONE),
                limits.businessPhones()));
        addAll(comms, CommunicationType.MOBILE, gw.mobilePhone().isBlank() ? List.of() : List.of(gw.mobilePhone()));
        List<String> mobiles = base.valuesOf(CommunicationType.MOBILE);
        for (int i = 1; i < mobiles.size(); i++) {
            comms.add(new Communication(CommunicationType.MOBILE, mobiles.get(i), false));
        }
        base.communications().stream().filter(c -> c.type() == CommunicationType.FAX).forEach(comms::add);
        // a groupware contact without any web page says nothing about the CRM's: contacts written before web pages
        // were mapped have none, and taking that as "deleted" would empty the CRM's at the next groupware edit
        List<String> crmWeb = base.valuesOf(CommunicationType.WEB);
        addAll(comms, CommunicationType.WEB, gw.webPages().isEmpty() ? crmWeb
                : withUnheld(gw.webPages(), crmWeb, limits.webPages()));
        String first = gw.givenName().strip();
        String last = gw.surname().strip();
        if (first.isEmpty() && last.isEmpty() && !gw.displayName().isBlank()) {
            String[] split = splitDisplayName(gw.displayName());
            first = split[0];
            last = split[1];
        }
        // the groupware has no country: the CRM's is kept; a contact without a birthday or notes (one written
        // before they were mapped, or one whose groupware holds none) leaves the CRM's alone
        return new ContactPersonData(base.businessPartner(), base.salutation(), gw.title().strip(), first, last,
                gw.jobTitle().strip(), gw.department().strip(), comms, base.country(),
                gw.birthday().or(base::birthday), gw.notes().isBlank() ? base.notes() : gw.notes(),
                postalAddresses(gw.postalAddresses(), base.postalAddresses(), limits.postalAddressesPerKind()));
    }

    /**
     * The groupware's addresses, then the CRM's it never held (beyond its limit of a kind); a groupware contact
     * without any says nothing about the CRM's (one written before addresses were mapped has none).
     */
    private static List<PostalAddress> postalAddresses(List<PostalAddress> gw, List<PostalAddress> crm, int limit) {
        if (gw.isEmpty()) {
            return crm;
        }
        List<PostalAddress> all = new ArrayList<>(gw);
        all.addAll(unheld(crm, limit));
        return all;
    }

    /**
     * The groupware's entries, then the CRM's entries the groupware never held (those beyond its limit, which
     * {@link #toGroupware} left out): the groupware's list says nothing about them, so they stay.
     */
    private static List<String> withUnheld(List<String> groupware, List<String> crm, int limit) {
        if (crm.size() <= limit) {
            return groupware;
        }
        List<String> all = new ArrayList<>(groupware);
        all.addAll(crm.subList(limit, crm.size()));
        return all;
    }

    /**
     * Lower-case name particles that belong to the last name ("Ludwig van Beethoven", "Ursula von der Leyen",
     * "Maria de la Cruz"): Dutch, German, French, Spanish, Italian and Portuguese ones.
     */
    private static final java.util.Set<String> PARTICLES = java.util.Set.of("van", "von", "der", "den", "de", "del",
            "della", "di", "da", "das", "do", "dos", "du", "la", "le", "ter", "ten", "zu", "zum", "zur", "y", "bin", "ibn");

    /**
     * A display name as first and last name: the last word is the last name, with the lower-case particles before it
     * ("Ludwig van Beethoven" is Ludwig and van Beethoven); a single word is a last name.
     */
    static String[] splitDisplayName(String displayName) {
        String[] words = displayName.strip().split("\\s+");
        if (words.length == 1) {
            return new String[] {"", words[0]};
        }
        int start = words.length - 1;
        while (start > 1 && PARTICLES.contains(words[start - 1])) {
            start--;
        }
        return new String[] {String.join(" ", java.util.Arrays.copyOfRange(words, 0, start)),
                String.join(" ", java.util.Arrays.copyOfRange(words, start, words.length))};
    }

    /** A new contact person's content for an imported groupware contact. */
    static ContactPersonData newCrmContact(BusinessPartnerId partner, ContactData gw) {
        return toCrm(new ContactPersonData(Optional.of(partner), "", "", "", "", "", "", List.of()), gw,
                ContactLimits.NONE);
    }

    private static void addAll(List<Communication> comms, CommunicationType type, List<String> values) {
        List<String> seen = new ArrayList<>();
        for (String value : values) {
            String v = value.strip();
            if (!v.isEmpty() && !seen.contains(v)) {
                comms.add(new Communication(type, v, seen.isEmpty()));
                seen.add(v);
            }
        }
    }

    /**
     * The duplicate check's view of a groupware contact, its numbers read in {@code country} (its business partner's,
     * or empty for the check's default region: a groupware contact has no country of its own here).
     */
    static ContactCandidate candidate(ContactData gw, String country) {
        List<String> phones = new ArrayList<>(gw.businessPhones());
        List<String> emails = new ArrayList<>(gw.emails());
        emails.addAll(gw.homeEmails());
        phones.addAll(gw.homePhones());
        return new ContactCandidate(gw.title(), gw.givenName(), gw.surname(), emails, phones,
                gw.mobilePhone().isBlank() ? List.of() : List.of(gw.mobilePhone()), gw.company(), country);
    }

    /** The name a person recognises the contact by. */
    static String name(ContactData gw) {
        String built = Stream.of(gw.givenName(), gw.surname()).filter(s -> !s.isBlank()).collect(Collectors.joining(" "));
        if (!built.isEmpty()) {
            return built;
        }
        if (!gw.displayName().isBlank()) {
            return gw.displayName();
        }
        return gw.emails().isEmpty() ? gw.company() : gw.emails().get(0);
    }

    /** The name a person recognises the contact person by. */
    static String name(ContactPersonData crm) {
        return Stream.of(crm.firstName(), crm.lastName()).filter(s -> !s.isBlank()).collect(Collectors.joining(" "));
    }

    /**
     * A hash of the fields both sides share (names, title, department, job title, company: the business partner's
     * name, e-mails, phones, mobile, web pages, birthday, notes, postal addresses, and the photo's bytes when photos are replicated): two contents with the same
     * hash need no write. Links stored before the company was hashed (an upgrade) hold another hash: the engine
     * compares hashes only after a side's version moved, so such a pair is written once more at its next change,
     * never deleted.
     */
    static String sharedHash(ContactData data, boolean withPhoto) {
        StringBuilder s = new StringBuilder();
        Stream.of(data.title(), data.givenName(), data.surname(), data.department(), data.jobTitle(), data.company())
                .forEach(v -> s.append(v.strip()).append('\u001f'));
        s.append(String.join("\u001e", data.emails())).append('\u001f');
        s.append(String.join("\u001e", data.businessPhones())).append('\u001f');
        s.append(data.mobilePhone().strip()).append('\u001f');
        if (!data.webPages().isEmpty()) {
            // only when there are any, so that the links of contacts without web pages keep their hash
            s.append(String.join("\u001e", data.webPages())).append('\u001f');
        }
        // likewise the birthday, marked so that it never reads as a web page
        data.birthday().ifPresent(b -> s.append("birthday ").append(b).append('\u001f'));
        if (!data.notes().isBlank()) {
            s.append("notes ").append(data.notes().strip()).append('\u001f');
        }
        for (PostalAddress a : data.postalAddresses()) {
            // only those there are, so that the links of contacts without addresses keep their hash
            s.append("address ").append(a.kind()).append('\u001e').append(String.join("\u001e", a.street(),
                    a.postalCode(), a.city(), a.region(), a.country())).append('\u001f');
        }
        MessageDigest digest = sha256();
        digest.update(s.toString().getBytes(StandardCharsets.UTF_8));
        if (withPhoto) {
            data.photo().ifPresent(p -> digest.update(p.bytes()));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
