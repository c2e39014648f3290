package io.liaison.connector.graph.internal;

import com.microsoft.graph.models.Contact;
import com.microsoft.graph.models.EmailAddress;
import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.item.ContactData;
import io.liaison.api.connector.item.ContactLimits;
import io.liaison.api.domain.Photo;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Maps {@link ContactData} to Graph contacts and back; the notes are the contact's personal notes. */
final class ContactMapper {

    /**
     * What an Outlook contact holds: Graph answers 400 to more than 3 {@code emailAddresses} ("The multi value
     * property EmailAddresses has 4 entries, that exceeds the max allowed value of 3") or more than 2
     * {@code businessPhones}, and {@code homePhones} likewise (microsoftgraph/microsoft-graph-docs issue 15276; the
     * contact resource page documents no limit).
     */
    static final ContactLimits LIMITS = new ContactLimits(3, 2, 2);

    private ContactMapper() {
    }

    /** The Graph contact for the data, its lists cut to {@link #LIMITS} so that Graph takes it. */
    static Contact toGraph(ContactData data, Optional<String> crmId, Optional<String> key) {
        ContactData d = LIMITS.cut(data);
        Contact c = new Contact();
        c.setTitle(d.title());
        c.setGivenName(d.givenName());
        c.setSurname(d.surname());
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
        c.setSingleValueExtendedProperties(ExtendedProperties.of(crmId, Optional.empty(), key));
        return c;
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
                c.getMobilePhone(), list(c.getHomePhones()), c.getPersonalNotes(), photo.photo(), photo.problem());
        String version = version(c);
        return new GroupwareItem<>(c.getId(), version,
                ExtendedProperties.value(c.getSingleValueExtendedProperties(), ExtendedProperties.CRM_ID), data);
    }

    /**
     * The display name, empty when it is just the one Outlook builds from the names (so that a contact written
     * without one reads back without one).
     */
    private static String displayName(Contact c) {
        String name = c.getDisplayName() == null ? "" : c.getDisplayName();
        String built = String.join(" ", List.of(Objects.toString(c.getGivenName(), ""), Objects.toString(c.getSurname(), ""))
                .stream().filter(s -> !s.isBlank()).toList());
        return name.equals(built) ? "" : name;
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
