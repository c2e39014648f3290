package io.liaison.connector.graph.internal;

import com.microsoft.graph.models.Contact;
import com.microsoft.graph.models.EmailAddress;
import com.microsoft.graph.models.PhysicalAddress;
import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.item.ContactData;
import io.liaison.api.connector.item.ContactLimits;
import io.liaison.api.domain.Photo;
import io.liaison.api.domain.PostalAddress;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** Maps {@link ContactData} to Graph contacts and back; the notes are the contact's personal notes. */
final class ContactMapper {

    /**
     * What an Outlook contact holds: Graph answers 400 to more than 3 {@code emailAddresses} ("The multi value
     * property EmailAddresses has 4 entries, that exceeds the max allowed value of 3") or more than 2
     * {@code businessPhones}, and {@code homePhones} likewise (microsoftgraph/microsoft-graph-docs issue 15276; the
     * contact resource page documents no limit). One web page: the contact resource has one {@code businessHomePage}.
     * One postal address of each kind: {@code businessAddress}, {@code homeAddress} and {@code otherAddress}.
     */
    static final ContactLimits LIMITS = new ContactLimits(3, 2, 2, 1, 1);

    private ContactMapper() {
    }

    /** The Graph contact for the data, its lists cut to {@link #LIMITS} so that Graph takes it. */
    static Contact toGraph(ContactData data, Optional<String> crmId, Optional<String> key) {
        ContactData d = LIMITS.cut(data);
        Contact c = new Contact();
        c.setTitle(d.title());
        c.setGivenName(d.givenName());
        c.setMiddleName(d.middleName());
        c.setSurname(d.surname());
        c.setGeneration(d.suffix());
        fileAs(d).ifPresent(c::setFileAs);
        if (!d.displayName().isEmpty()) {
            c.setDisplayName(d.displayName());
        }
        c.setCompanyName(d.company());
        c.setDepartment(d.department());
        c.setJobTitle(d.jobTitle());
        c.setEmailAddresses(GraphContactStore.addresses(d.emails()));
        c.setBusinessPhones(new ArrayList<>(d.businessPhones()));
        c.setMobilePhone(d.mobilePhone());
        c.setHomePhones(new ArrayList<>(d.homePhones()));
        c.setPersonalNotes(d.notes());
        // an empty string clears it as it does mobilePhone: a PATCH leaves out what is null
        c.setBusinessHomePage(d.webPages().isEmpty() ? "" : d.webPages().get(0));
        // every kind is written, an empty one as empty strings, which clears what the contact had (null is left out)
        c.setBusinessAddress(physical(d.postalAddresses(), PostalAddress.Kind.BUSINESS));
        c.setHomeAddress(physical(d.postalAddresses(), PostalAddress.Kind.HOME));
        c.setOtherAddress(physical(d.postalAddresses(), PostalAddress.Kind.OTHER));
        if (d.birthday().isPresent()) {
            c.setBirthday(birthday(d.birthday().get()));
        } else {
            // a null property is left out of a PATCH; one in the additional data is written as null and clears it
            c.getAdditionalData().put("birthday", null);
        }
        c.setSingleValueExtendedProperties(ExtendedProperties.of(crmId, Optional.empty(), key));
        return c;
    }

    /**
     * How Outlook files the contact ("Surname, GivenName", its default "File as" order): a contact written through
     * Graph without one has none and sorts under an empty name in Outlook's lists.
     */
    static Optional<String> fileAs(ContactData d) {
        String given = d.givenName().strip();
        String surname = d.surname().strip();
        if (!surname.isEmpty() && !given.isEmpty()) {
            return Optional.of(surname + ", " + given);
        }
        String one = !surname.isEmpty() ? surname : given;
        if (!one.isEmpty()) {
            return Optional.of(one);
        }
        return d.company().isBlank() ? Optional.empty() : Optional.of(d.company().strip());
    }

    /** The first address of the kind as Graph's physicalAddress, or one of empty strings. */
    private static PhysicalAddress physical(List<PostalAddress> addresses, PostalAddress.Kind kind) {
        PostalAddress a = addresses.stream().filter(p -> p.kind() == kind).findFirst()
                .orElse(new PostalAddress(kind, "", "", "", "", ""));
        PhysicalAddress p = new PhysicalAddress();
        p.setStreet(a.street());
        p.setPostalCode(a.postalCode());
        p.setCity(a.city());
        p.setState(a.region());
        p.setCountryOrRegion(a.country());
        return p;
    }

    /** Graph's physicalAddress (street, city, state, countryOrRegion, postalCode) as a postal address of the kind. */
    private static Optional<PostalAddress> postal(PostalAddress.Kind kind, PhysicalAddress p) {
        if (p == null) {
            return Optional.empty();
        }
        PostalAddress a = new PostalAddress(kind, p.getStreet(), p.getPostalCode(), p.getCity(), p.getState(),
                p.getCountryOrRegion());
        return a.isEmpty() ? Optional.empty() : Optional.of(a);
    }

    /**
     * A birthday as Graph's contact holds it: a DateTimeOffset, a date at midnight UTC ("midnight UTC on Jan 1, 2014
     * is 2014-01-01T00:00:00Z", the contact resource page).
     */
    static OffsetDateTime birthday(LocalDate date) {
        return date.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    /**
     * The date of Graph's birthday. Outlook clients write it at local midnight, which UTC shows as the evening before
     * east of Greenwich (a contact born on 15 April from Berlin reads 1974-04-14T22:00:00Z), and Exchange ActiveSync
     * at 11:59 whose time "SHOULD be ignored" (MS-ASCNTC, Birthday): a time from noon on is the next day's midnight.
     */
    static Optional<LocalDate> birthday(OffsetDateTime birthday) {
        if (birthday == null) {
            return Optional.empty();
        }
        OffsetDateTime utc = birthday.withOffsetSameInstant(ZoneOffset.UTC);
        return Optional.of(utc.getHour() >= 12 ? utc.toLocalDate().plusDays(1) : utc.toLocalDate());
    }

    /** The contact's change key (or, without one, its ETag): what a write compares with the version read. */
    static String version(Contact c) {
        return c.getChangeKey() != null ? c.getChangeKey() : Graph.etag(c.getAdditionalData()).orElse("");
    }

    static GroupwareItem<ContactData> fromGraph(Contact c, GraphContactStore.ReadPhoto photo) {
        List<String> emails = c.getEmailAddresses() == null ? List.of() : c.getEmailAddresses().stream()
                .map(EmailAddress::getAddress).filter(Objects::nonNull).toList();
        ContactData data = new ContactData(c.getTitle(), c.getGivenName(), c.getSurname(), displayName(c),
                c.getCompanyName(), c.getDepartment(), c.getJobTitle(), emails, list(c.getBusinessPhones()),
                c.getMobilePhone(), list(c.getHomePhones()), c.getPersonalNotes(), photo.photo(), photo.problem(),
                c.getMiddleName(), c.getGeneration(), List.<String>of(),
                c.getBusinessHomePage() == null || c.getBusinessHomePage().isBlank() ? List.<String>of()
                        : List.of(c.getBusinessHomePage()), birthday(c.getBirthday()),
                Stream.of(postal(PostalAddress.Kind.BUSINESS, c.getBusinessAddress()),
                        postal(PostalAddress.Kind.HOME, c.getHomeAddress()),
                        postal(PostalAddress.Kind.OTHER, c.getOtherAddress())).flatMap(Optional::stream).toList());
        String version = version(c);
        return new GroupwareItem<>(c.getId(), version,
                ExtendedProperties.value(c.getSingleValueExtendedProperties(), ExtendedProperties.CRM_ID), data,
                Graph.modifiedAt(c.getLastModifiedDateTime()));
    }

    /**
     * The display name, empty when it is just the one Outlook builds from the names, with or without the middle name
     * and generation (so that a contact written without one reads back without one).
     */
    private static String displayName(Contact c) {
        String name = c.getDisplayName() == null ? "" : c.getDisplayName();
        String built = joined(c.getGivenName(), c.getSurname());
        String full = joined(c.getGivenName(), c.getMiddleName(), c.getSurname(), c.getGeneration());
        return name.equals(built) || name.equals(full) ? "" : name;
    }

    private static String joined(String... parts) {
        return String.join(" ", java.util.Arrays.stream(parts).map(p -> Objects.toString(p, ""))
                .filter(s -> !s.isBlank()).toList());
    }

    private static List<String> list(List<String> l) {
        return l == null ? List.of() : l.stream().filter(Objects::nonNull).toList();
    }

    /** The image type of photo bytes, by their signature. */
    static String imageType(byte[] b) {
        if (b.length > 3 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length > 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8) {
            return "image/jpeg";
        }
        if (b.length > 2 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F') {
            return "image/gif";
        }
        return "image/jpeg";
    }
}
