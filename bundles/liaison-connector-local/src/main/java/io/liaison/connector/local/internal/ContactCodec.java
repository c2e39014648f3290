package io.liaison.connector.local.internal;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.io.text.VCardWriter;
import ezvcard.parameter.EmailType;
import ezvcard.parameter.ImageType;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Email;
import ezvcard.property.FormattedName;
import ezvcard.property.Note;
import ezvcard.property.Organization;
import ezvcard.property.Photo;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.property.Title;
import ezvcard.property.Uid;
import io.liaison.api.connector.item.ContactData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * and department. A telephone number typed CELL is the mobile number, HOME ones are private, the rest are
 * business numbers. A photo is embedded (never fetched from a URL). A formatted name equal to the one built
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
        String formatted = Optional.ofNullable(card.getFormattedName()).map(FormattedName::getValue).orElse("");
        String display = formatted.equals(builtName(title, given, surname)) ? "" : formatted;
        List<String> org = Optional.ofNullable(card.getOrganization()).map(Organization::getValues).orElse(List.of());
        String jobTitle = card.getTitles().stream().map(Title::getValue).filter(v -> v != null).findFirst().orElse("");
        List<String> emails = new ArrayList<>();
        card.getEmails().stream().sorted((a, b) -> Integer.compare(pref(a.getPref(), a.getTypes().contains(EmailType.PREF)),
                pref(b.getPref(), b.getTypes().contains(EmailType.PREF)))).map(Email::getValue)
                .filter(v -> v != null && !v.isBlank()).forEach(emails::add);
        List<String> business = new ArrayList<>();
        List<String> home = new ArrayList<>();
        String mobile = "";
        for (Telephone tel : card.getTelephoneNumbers()) {
            String number = tel.getText() != null ? tel.getText() : tel.getUri() != null ? tel.getUri().getNumber() : null;
            List<TelephoneType> types = tel.getTypes();
            if (number == null || number.isBlank() || types.contains(TelephoneType.FAX) || types.contains(TelephoneType.PAGER)) {
                continue;
            }
            if (types.contains(TelephoneType.CELL) && mobile.isEmpty()) {
                mobile = number;
            } else if (types.contains(TelephoneType.HOME)) {
                home.add(number);
            } else {
                business.add(number);
            }
        }
        String notes = card.getNotes().stream().map(Note::getValue).filter(v -> v != null)
                .collect(Collectors.joining("\n"));
        Optional<io.liaison.api.domain.Photo> photo = card.getPhotos().stream()
                .filter(p -> p.getData() != null && p.getData().length > 0
                        && p.getData().length <= io.liaison.api.domain.Photo.MAX_BYTES)
                .findFirst().map(p -> new io.liaison.api.domain.Photo(mediaType(p), p.getData()));
        return new ContactData(title, given, surname, display, org.isEmpty() ? "" : org.get(0),
                org.size() > 1 ? org.get(1) : "", jobTitle, emails, business, mobile, home, notes, photo);
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
    static String builtName(String title, String given, String surname) {
        return Stream.of(title, given, surname).filter(s -> !s.isBlank()).collect(Collectors.joining(" "));
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
        card.removeProperties(StructuredName.class);
        card.removeProperties(FormattedName.class);
        card.removeProperties(Organization.class);
        card.removeProperties(Title.class);
        card.removeProperties(Email.class);
        card.removeProperties(Telephone.class);
        card.removeProperties(Note.class);
        card.removeProperties(Photo.class);
        card.removeExtendedProperty(IcalFields.CRM_ID);

        StructuredName n = new StructuredName();
        n.setFamily(data.surname());
        n.setGiven(data.givenName());
        if (!data.title().isEmpty()) {
            n.getPrefixes().add(data.title());
        }
        card.setStructuredName(n);
        String built = builtName(data.title(), data.givenName(), data.surname());
        card.setFormattedName(data.displayName().isEmpty()
                ? (built.isEmpty() ? fallbackName(data) : built) : data.displayName());
        if (!data.company().isEmpty() || !data.department().isEmpty()) {
            Organization org = new Organization();
            org.getValues().add(data.company());
            if (!data.department().isEmpty()) {
                org.getValues().add(data.department());
            }
            card.setOrganization(org);
        }
        if (!data.jobTitle().isEmpty()) {
            card.addTitle(data.jobTitle());
        }
        for (int i = 0; i < data.emails().size(); i++) {
            Email email = card.addEmail(data.emails().get(i), EmailType.INTERNET);
            if (i == 0) {
                email.getTypes().add(EmailType.PREF);
            }
        }
        data.businessPhones().forEach(p -> card.addTelephoneNumber(p, TelephoneType.WORK, TelephoneType.VOICE));
        if (!data.mobilePhone().isEmpty()) {
            card.addTelephoneNumber(data.mobilePhone(), TelephoneType.CELL);
        }
        data.homePhones().forEach(p -> card.addTelephoneNumber(p, TelephoneType.HOME, TelephoneType.VOICE));
        if (!data.notes().isEmpty()) {
            card.addNote(data.notes());
        }
        data.photo().ifPresent(p -> card.addPhoto(new Photo(p.bytes(), imageType(p.mediaType()))));
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

    /** The contact with every line break in its texts as LF (see {@link IcalFields#lineBreaks}). */
    private static ContactData withLineBreaks(ContactData c) {
        java.util.function.UnaryOperator<String> n = IcalFields::lineBreaks;
        return new ContactData(n.apply(c.title()), n.apply(c.givenName()), n.apply(c.surname()), n.apply(c.displayName()),
                n.apply(c.company()), n.apply(c.department()), n.apply(c.jobTitle()), c.emails().stream().map(n).toList(),
                c.businessPhones().stream().map(n).toList(), n.apply(c.mobilePhone()),
                c.homePhones().stream().map(n).toList(), n.apply(c.notes()), c.photo());
    }

    private static String fallbackName(ContactData data) {
        return !data.company().isEmpty() ? data.company() : data.emails().isEmpty() ? "?" : data.emails().get(0);
    }

    private static ImageType imageType(String mediaType) {
        String sub = mediaType.substring(mediaType.indexOf('/') + 1);
        return ImageType.get(sub.toUpperCase(Locale.ROOT), mediaType, null);
    }
}
