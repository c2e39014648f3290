package io.liaison.connector.local.internal;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.io.text.VCardWriter;
import ezvcard.parameter.EmailType;
import ezvcard.parameter.ImageType;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Birthday;
import ezvcard.property.FormattedName;
import ezvcard.property.Note;
import ezvcard.property.Organization;
import ezvcard.property.Photo;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.property.Title;
import ezvcard.property.Uid;
import ezvcard.property.Url;
import ezvcard.util.PartialDate;
import io.liaison.api.connector.item.ContactData;
import io.liaison.api.domain.ContactPersonData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoField;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Contacts as vCard files, one per file. New files are vCard 3.0, which Apple Contacts, Thunderbird, khard and
 * every CardDAV server read; an update keeps the file's own version and every property Liaison does not map
 * (addresses, birthdays, …). The title is N's honorific prefix, the job title is TITLE, ORG carries company
 * and department. The first telephone number typed CELL is the mobile number, HOME ones are private, FAX and PAGER
 * numbers and further CELL numbers are not read (ContactData has no place for them), the rest are business numbers.
 * An EMAIL typed HOME (and not WORK) is a home address, the others are the contact's (business) addresses (RFC 6350
 * 6.4.1, 6.4.2). A photo is
 * embedded (never fetched from a URL; a PHOTO;VALUE=URI is kept as the file has it). An update merges into the card
 * ({@link ContactMerge}). A formatted name equal to the one built
 * from the name parts reads as "let the groupware build it" (empty).
 */
final class ContactCodec implements ItemCodec<ContactData> {

    @Override
    public String kind() {
        return "contact";
    }

    @Override
    public String lastLine() {
        return "END:VCARD";
    }

    @Override
    public String extension() {
        return "vcf";
    }

    @Override
    public Parsed<ContactData> parse(byte[] content) throws BrokenItemException {
        VCard card = card(content);
        Optional<String> uid = Optional.ofNullable(card.getUid()).map(Uid::getValue).map(String::strip)
                .filter(s -> !s.isEmpty());
        Optional<String> crmId = Optional.ofNullable(card.getExtendedProperty(IcalFields.CRM_ID))
                .map(p -> p.getValue().strip()).filter(s -> !s.isEmpty());
        try {
            return new Parsed<>(uid, crmId, data(card));
        } catch (IllegalArgumentException e) {
            throw new BrokenItemException("holds a value Liaison cannot take: " + e.getMessage(), e);
        }
    }

    private static VCard card(byte[] content) throws BrokenItemException {
        List<VCard> cards;
        try {
            cards = Ezvcard.parse(new String(content, StandardCharsets.UTF_8)).all();
        } catch (RuntimeException e) {
            throw new BrokenItemException("not a valid vCard: " + e, e);
        }
        if (cards.isEmpty()) {
            throw new BrokenItemException("holds no vCard (BEGIN:VCARD … END:VCARD)");
        }
        if (cards.size() > 1) {
            throw new BrokenItemException("holds " + cards.size() + " vCards; the vdir layout keeps one per file");
        }
        return cards.get(0);
    }

    private static ContactData data(VCard card) {
        StructuredName n = card.getStructuredName();
        String title = n == null ? "" : String.join(" ", n.getPrefixes());
        String given = n == null || n.getGiven() == null ? "" : n.getGiven();
        String surname = n == null || n.getFamily() == null ? "" : n.getFamily();
        String middle = n == null ? "" : String.join(" ", n.getAdditionalNames());
        String suffix = n == null ? "" : String.join(" ", n.getSuffixes());
        String formatted = Optional.ofNullable(card.getFormattedName()).map(FormattedName::getValue).orElse("");
        String display = formatted.equals(builtName(title, given, middle, surname, suffix)) ? "" : formatted;
        List<String> org = Optional.ofNullable(card.getOrganization()).map(Organization::getValues).orElse(List.of());
        String jobTitle = card.getTitles().stream().map(Title::getValue).filter(v -> v != null).findFirst().orElse("");
        List<String> emails = new ArrayList<>();
        List<String> homeEmails = new ArrayList<>();
        card.getEmails().stream().sorted((a, b) -> Integer.compare(pref(a.getPref(), a.getTypes().contains(EmailType.PREF)),
                pref(b.getPref(), b.getTypes().contains(EmailType.PREF))))
                .filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .forEach(e -> (ContactMerge.isHome(e) ? homeEmails : emails).add(e.getValue()));
        List<String> business = new ArrayList<>();
        List<String> home = new ArrayList<>();
        String mobile = "";
        for (java.util.Map.Entry<Telephone, ContactMerge.Place> e : ContactMerge.places(card).entrySet()) {
            String number = ContactMerge.number(e.getKey());
            switch (e.getValue()) {
                case MOBILE -> mobile = number;
                case HOME -> home.add(number);
                case BUSINESS -> business.add(number);
                case NONE -> { }
            }
        }
        String notes = card.getNotes().stream().map(Note::getValue).filter(v -> v != null)
                .collect(Collectors.joining("\n"));
        List<String> webPages = card.getUrls().stream().map(Url::getValue).filter(v -> v != null && !v.isBlank())
                .toList();
        Optional<io.liaison.api.domain.Photo> photo = card.getPhotos().stream()
                .filter(p -> p.getData() != null && p.getData().length > 0
                        && p.getData().length <= io.liaison.api.domain.Photo.MAX_BYTES)
                .findFirst().map(p -> new io.liaison.api.domain.Photo(mediaType(p), p.getData()));
        return new ContactData(title, given, surname, display, org.isEmpty() ? "" : org.get(0),
                org.size() > 1 ? org.get(1) : "", jobTitle, emails, business, mobile, home, notes, photo,
                photo.isPresent() ? Optional.empty() : photoProblem(card), middle, suffix, homeEmails, webPages,
                birthday(card), CardAddresses.read(card));
    }

    /**
     * Why the card's photo cannot be used, when it has one but none Liaison can read: a PHOTO given by URL (never
     * fetched), or one larger than a contact photo may be. Such a photo is not "no photo".
     */
    private static Optional<String> photoProblem(VCard card) {
        for (Photo p : card.getPhotos()) {
            if (p.getUrl() != null) {
                return Optional.of("the vCard's photo is given by URL (" + p.getUrl() + "), which Liaison does not "
                        + "fetch");
            }
            if (p.getData() != null && p.getData().length > io.liaison.api.domain.Photo.MAX_BYTES) {
                return Optional.of("the vCard's photo has " + p.getData().length + " bytes, more than the "
                        + io.liaison.api.domain.Photo.MAX_BYTES + " a contact photo may have");
            }
        }
        return Optional.empty();
    }

    private static int pref(Integer pref, boolean typePref) {
        return pref != null ? pref : typePref ? 1 : 101;
    }

    private static String mediaType(Photo photo) {
        ImageType type = photo.getContentType();
        if (type != null && type.getMediaType() != null) {
            return type.getMediaType().toLowerCase(Locale.ROOT);
        }
        byte[] d = photo.getData();
        if (d.length > 3 && (d[0] & 0xff) == 0x89 && d[1] == 'P') {
            return "image/png";
        }
        if (d.length > 3 && d[0] == 'G' && d[1] == 'I') {
            return "image/gif";
        }
        return "image/jpeg";
    }

    /** The formatted name a vCard gets when the groupware is left to build it. */
    static String builtName(String title, String given, String middle, String surname, String suffix) {
        return Stream.of(title, given, middle, surname, suffix).filter(s -> !s.isBlank())
                .collect(Collectors.joining(" "));
    }

    @Override
    public byte[] render(Optional<byte[]> existing, String newUid, ContactData contact, Optional<String> crmId)
            throws BrokenItemException {
        ContactData data = withLineBreaks(contact);
        VCard card;
        if (existing.isPresent()) {
            card = card(existing.get());
        } else {
            card = new VCard(VCardVersion.V3_0);
            card.setUid(new Uid(newUid));
        }
        // an update merges into the card: what the CRM does not model (FAX and PAGER numbers, a photo URL, the types
        // of an address, N's middle names and suffixes, further ORG units, groups and labels) stays, and a property
        // whose value did not change keeps its parameters
        ContactData before;
        try {
            before = data(card);
        } catch (IllegalArgumentException e) {
            throw new BrokenItemException("holds a value Liaison cannot take: " + e.getMessage(), e);
        }
        card.removeExtendedProperty(IcalFields.CRM_ID);

        StructuredName n = card.getStructuredName() == null ? new StructuredName() : card.getStructuredName();
        n.setFamily(data.surname());
        n.setGiven(data.givenName());
        if (!before.title().equals(data.title())) {
            n.getPrefixes().clear();
            if (!data.title().isEmpty()) {
                n.getPrefixes().add(data.title());
            }
        }
        // N has five parts: middle names and suffixes are written as the contact has them (kept as the card has them
        // when they did not change, parameters and all)
        if (!before.middleName().equals(data.middleName())) {
            n.getAdditionalNames().clear();
            if (!data.middleName().isEmpty()) {
                n.getAdditionalNames().add(data.middleName());
            }
        }
        if (!before.suffix().equals(data.suffix())) {
            n.getSuffixes().clear();
            if (!data.suffix().isEmpty()) {
                n.getSuffixes().add(data.suffix());
            }
        }
        card.setStructuredName(n);
        String built = builtName(data.title(), data.givenName(), data.middleName(), data.surname(), data.suffix());
        String formatted = data.displayName().isEmpty()
                ? (built.isEmpty() ? fallbackName(data) : built) : data.displayName();
        boolean sameFormatted = Optional.ofNullable(card.getFormattedName()).map(FormattedName::getValue)
                .filter(formatted::equals).isPresent();
        if (!sameFormatted) {
            card.removeProperties(FormattedName.class);
            card.setFormattedName(formatted);
        }
        if (!before.company().equals(data.company()) || !before.department().equals(data.department())) {
            organization(card, data);
        }
        if (!before.jobTitle().equals(data.jobTitle())) {
            card.removeProperties(Title.class);
            if (!data.jobTitle().isEmpty()) {
                card.addTitle(data.jobTitle());
            }
        }
        ContactMerge.emails(card, before, data);
        ContactMerge.phones(card, before, data);
        if (!before.notes().equals(data.notes())) {
            card.removeProperties(Note.class);
            if (!data.notes().isEmpty()) {
                card.addNote(data.notes());
            }
        }
        if (!before.webPages().equals(data.webPages())) {
            webPages(card, data.webPages());
        }
        if (!before.postalAddresses().equals(data.postalAddresses())) {
            CardAddresses.write(card, data.postalAddresses());
        }
        if (!before.birthday().equals(data.birthday())) {
            // written only when it changed: an unchanged BDAY keeps its form (--0415, a date-time, an Apple
            // X-APPLE-OMIT-YEAR) and its parameters
            card.removeProperties(Birthday.class);
            data.birthday().map(ContactCodec::birthday).ifPresent(card::setBirthday);
        }
        if (!before.photo().equals(data.photo())) {
            // the embedded photo Liaison read is replaced; a photo given by URL, which the CRM never saw, is
            // removed only when the CRM sets a photo of its own
            List<Photo> embedded = card.getPhotos().stream()
                    .filter(p -> data.photo().isPresent() || p.getData() != null).toList();
            embedded.forEach(card::removeProperty);
            data.photo().ifPresent(p -> card.addPhoto(new Photo(p.bytes(), imageType(p.mediaType()))));
        }
        crmId.ifPresent(id -> card.setExtendedProperty(IcalFields.CRM_ID, id));
        VCardVersion version = card.getVersion() == null ? VCardVersion.V3_0 : card.getVersion();
        // VCardWriter directly: Ezvcard.write's chaining API links the HTML writer and with it FreeMarker
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (VCardWriter writer = new VCardWriter(out, version)) {
            writer.setAddProdId(existing.isEmpty());
            writer.write(card);
        } catch (IOException e) {
            throw new BrokenItemException("cannot be written as a vCard: " + e, e);
        }
        return out.toByteArray();
    }

    /**
     * BDAY as a date (RFC 6350 6.2.5): a date-time counts by its date, a date without a year ({@code --0415}) gets
     * the year {@link ContactPersonData#NO_YEAR}, and a text value ("circa 1800") or one without a day is no birthday.
     */
    static Optional<LocalDate> birthday(VCard card) {
        Birthday bday = card.getBirthday();
        if (bday == null) {
            return Optional.empty();
        }
        Temporal date = bday.getDate();
        if (date instanceof Instant instant) {
            return Optional.of(LocalDate.ofInstant(instant, ZoneOffset.UTC));
        }
        if (date != null && date.isSupported(ChronoField.EPOCH_DAY)) {
            return Optional.of(LocalDate.from(date));
        }
        PartialDate partial = bday.getPartialDate();
        if (partial != null && partial.getMonth() != null && partial.getDate() != null) {
            int year = partial.getYear() == null ? ContactPersonData.NO_YEAR : partial.getYear();
            try {
                return Optional.of(LocalDate.of(year, partial.getMonth(), partial.getDate()));
            } catch (java.time.DateTimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** A birthday as BDAY: a date, or {@code --MMDD} when its year is not known. */
    private static Birthday birthday(LocalDate date) {
        if (date.getYear() == ContactPersonData.NO_YEAR) {
            return new Birthday(PartialDate.builder().month(date.getMonthValue()).date(date.getDayOfMonth()).build());
        }
        return new Birthday(date);
    }

    /** The URLs in the contact's order; one whose value stays keeps its parameters (a TYPE=work, say). */
    private static void webPages(VCard card, List<String> pages) {
        java.util.Map<String, Url> kept = new java.util.HashMap<>();
        for (Url url : card.getUrls()) {
            kept.putIfAbsent(url.getValue(), url);
        }
        card.removeProperties(Url.class);
        for (String page : pages) {
            Url url = kept.remove(page);
            card.addUrl(url != null ? url : new Url(page));
        }
    }

    /** Company and department into ORG's first two units; further units (a team) stay while there is an ORG. */
    private static void organization(VCard card, ContactData data) {
        List<String> rest = Optional.ofNullable(card.getOrganization()).map(Organization::getValues)
                .filter(v -> v.size() > 2).map(v -> List.copyOf(v.subList(2, v.size()))).orElse(List.of());
        if (data.company().isEmpty() && data.department().isEmpty()) {
            card.removeProperties(Organization.class);
            return;
        }
        Organization org = card.getOrganization() == null ? new Organization() : card.getOrganization();
        org.getValues().clear();
        org.getValues().add(data.company());
        if (!data.department().isEmpty() || !rest.isEmpty()) {
            org.getValues().add(data.department());
        }
        org.getValues().addAll(rest);
        card.setOrganization(org);
    }

    /** The contact with every line break in its texts as LF (see {@link IcalFields#lineBreaks}). */
    private static ContactData withLineBreaks(ContactData c) {
        java.util.function.UnaryOperator<String> n = IcalFields::lineBreaks;
        return new ContactData(n.apply(c.title()), n.apply(c.givenName()), n.apply(c.surname()), n.apply(c.displayName()),
                n.apply(c.company()), n.apply(c.department()), n.apply(c.jobTitle()), c.emails().stream().map(n).toList(),
                c.businessPhones().stream().map(n).toList(), n.apply(c.mobilePhone()),
                c.homePhones().stream().map(n).toList(), n.apply(c.notes()), c.photo(), c.photoProblem(),
                n.apply(c.middleName()), n.apply(c.suffix()), c.homeEmails().stream().map(n).toList(),
                c.webPages().stream().map(n).toList(), c.birthday(), c.postalAddresses());
    }

    private static String fallbackName(ContactData data) {
        return !data.company().isEmpty() ? data.company() : data.emails().isEmpty() ? "?" : data.emails().get(0);
    }

    private static ImageType imageType(String mediaType) {
        String sub = mediaType.substring(mediaType.indexOf('/') + 1);
        return ImageType.get(sub.toUpperCase(Locale.ROOT), mediaType, null);
    }
}
