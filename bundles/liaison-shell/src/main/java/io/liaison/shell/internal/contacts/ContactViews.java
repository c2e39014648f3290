package io.liaison.shell.internal.contacts;

import io.liaison.api.connector.item.ContactData;
import io.liaison.api.contactreplication.ContactIssue;
import io.liaison.api.contactreplication.ImportableContact;
import io.liaison.api.domain.CommunicationType;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.duplicates.DuplicateMatch;
import io.liaison.api.duplicates.DuplicateStatus;
import io.liaison.shell.internal.Text;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** How the contact replication commands show contacts, duplicates and issues, as text and as JSON. */
final class ContactViews {
    static final String CONTACT_REPLICATION = "the contact replication (feature liaison-contact-replication)";

    private ContactViews() {
    }

    static String name(ContactPerson p) {
        return (p.data().firstName() + " " + p.data().lastName()).strip();
    }

    static String name(ContactData c) {
        String name = (c.givenName() + " " + c.surname()).strip();
        return name.isEmpty() ? c.displayName() : name;
    }

    static Map<String, Object> crmContact(ContactPerson p, boolean replicated) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id().value());
        m.put("name", name(p));
        m.put("businessPartner", p.data().businessPartner().map(b -> b.value()).orElse(null));
        m.put("emails", p.data().valuesOf(CommunicationType.EMAIL));
        m.put("exported", replicated);
        return m;
    }

    static Map<String, Object> importable(ImportableContact c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("groupwareId", c.groupwareId());
        m.put("name", name(c.contact()));
        m.put("company", c.contact().company());
        m.put("emails", c.contact().emails());
        m.put("suggestedPartner", c.suggestedPartner().map(b -> b.value()).orElse(null));
        m.put("duplicateStatus", c.duplicates().status().name());
        m.put("matches", c.duplicates().matches().stream().map(ContactViews::match).toList());
        m.put("importable", c.duplicates().status() != DuplicateStatus.CERTAIN);
        return m;
    }

    static Map<String, Object> match(DuplicateMatch m) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("contactPerson", m.contactPerson().value());
        v.put("status", m.status().name());
        v.put("reasons", m.reasons());
        return v;
    }

    static String matches(List<DuplicateMatch> matches) {
        return matches.stream().map(m -> m.contactPerson().value() + " (" + String.join(", ", m.reasons()) + ")")
                .collect(Collectors.joining("; "));
    }

    static List<Map<String, Object>> issues(List<ContactIssue> issues) {
        return issues.stream().map(i -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", i.id());
            m.put("name", i.name());
            m.put("reason", i.reason());
            return m;
        }).toList();
    }

    static void printIssues(String heading, List<ContactIssue> issues, PrintStream out) {
        if (issues.isEmpty()) {
            return;
        }
        out.println(heading + ":");
        for (ContactIssue i : issues) {
            out.println("  " + Text.clean(i.id()) + (i.name().isBlank() ? "" : " (" + Text.clean(i.name()) + ")") + ": "
                    + Text.clean(i.reason()));
        }
    }
}
