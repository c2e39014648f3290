package io.liaison.rest.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.liaison.api.domain.AccountState;
import io.liaison.api.domain.ConflictPolicy;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.mailimport.AttachmentProposal;
import io.liaison.api.mailimport.ImportCandidate;
import io.liaison.api.runtime.GroupwarePreferences;
import io.liaison.api.runtime.JournalEntry;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.RunStatus;
import io.liaison.api.runtime.SyncRun;
import io.liaison.api.runtime.SyncTrigger;

/** The JSON the API answers with: flat records of plain values (times as ISO-8601 text), never credentials. */
final class Views {
    private Views() {
    }

    /** An account; its credentials are not part of it (write-only), its settings never hold secrets. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Account(String id, String employee, String connectorType, Map<String, String> settings, boolean autoSync,
                   long intervalMinutes, Set<SyncArea> areas, ConflictPolicy conflictPolicy, AccountState state,
                   String stateReason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Run(String id, String account, Set<SyncArea> areas, SyncTrigger trigger, String startedAt, String endedAt,
               RunStatus status, Map<Outcome, Integer> counts, List<String> createdActivities, String error) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(String at, SyncArea area, String item, Outcome outcome, String message, String crmId) {
    }

    /** An activity of the CRM as a quicksearch lists it; {@code from} is an imported mail's sender. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Activity(String id, String type, String status, String subject, String start, String owner,
                    String businessPartner, String contactPerson, String from, String createdAt) {
    }

    /** One page of a list whose total is not known: whether more rows follow. */
    record Slice<T>(int offset, int limit, boolean more, List<T> items) {
    }

    static Activity activity(io.liaison.api.domain.Activity a) {
        io.liaison.api.domain.ActivityData d = a.data();
        return new Activity(a.id().value(), d.type().key(), d.status().key(), d.subject(),
                d.start().map(Object::toString).orElse(null), d.owner().value(),
                d.businessPartner().map(b -> b.value()).orElse(null), d.contactPerson().map(c -> c.value()).orElse(null),
                d.mail().map(m -> m.from()).orElse(null), a.createdAt().toString());
    }

    /** What an address resolved to: {@code result} is CONTACT, BUSINESS_PARTNER, AMBIGUOUS or UNKNOWN. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Resolution(String result, Contact contactPerson, List<Contact> others, String domain,
                      Partner businessPartner, List<Partner> candidates, String reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Contact(String id, String firstName, String lastName, String businessPartner, List<String> emails) {
    }

    record Partner(String id, String name, List<String> emailDomains) {
    }

    static Resolution resolution(io.liaison.api.address.AddressResolution r) {
        if (r instanceof io.liaison.api.address.AddressResolution.ContactFound c) {
            return new Resolution("CONTACT", contact(c.contactPerson()), c.others().stream().map(Views::contact)
                    .toList(), null, null, null, null);
        }
        if (r instanceof io.liaison.api.address.AddressResolution.BusinessPartnerFound b) {
            return new Resolution("BUSINESS_PARTNER", null, null, b.domain(), partner(b.businessPartner()), null,
                    null);
        }
        if (r instanceof io.liaison.api.address.AddressResolution.Ambiguous a) {
            return new Resolution("AMBIGUOUS", null, null, a.domain(), null,
                    a.candidates().stream().map(Views::partner).toList(), null);
        }
        io.liaison.api.address.AddressResolution.Unknown u = (io.liaison.api.address.AddressResolution.Unknown) r;
        return new Resolution("UNKNOWN", null, null, u.domain(), null, null, u.reason());
    }

    static Contact contact(io.liaison.api.domain.ContactPerson p) {
        return new Contact(p.id().value(), p.data().firstName(), p.data().lastName(),
                p.data().businessPartner().map(b -> b.value()).orElse(null),
                p.data().valuesOf(io.liaison.api.domain.CommunicationType.EMAIL));
    }

    static Partner partner(io.liaison.api.domain.BusinessPartner p) {
        return new Partner(p.id().value(), p.name(), p.emailDomains());
    }

    /** One page of a longer list. */
    record Page<T>(int offset, int limit, int total, List<T> items) {
    }

    /**
     * An employee's groupware preferences; {@code syncOnOpenActive} says whether the choice {@code syncOnOpen} is in
     * effect (it is not while one of their accounts synchronises automatically).
     */
    record Preferences(Set<SyncArea> wizardAreas, boolean onlyCurrentImport, boolean syncOnOpen,
                       boolean syncOnOpenActive) {
    }

    /** The messages waiting in an account's import folders, and whether documents may be classified on import. */
    record MailPreview(String account, boolean editDocumentStep, List<Candidate> messages) {
    }

    /** A waiting message: {@code messageId} is what the import chooses it by. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Candidate(String messageId, String folder, String status, String subject, String from, String date,
                     List<Attachment> documents, List<String> problems) {
    }

    /** A document of a waiting message with its proposed category and keywords. */
    record Attachment(String fileName, String mediaType, long size, String category, List<String> keywords) {
    }

    static Candidate candidate(ImportCandidate c) {
        return new Candidate(c.messageId(), c.folder(), c.status().key(), c.subject(), c.from(),
                c.date().map(Object::toString).orElse(null), c.attachments().stream().map(Views::attachment).toList(),
                c.problems());
    }

    static Attachment attachment(AttachmentProposal a) {
        return new Attachment(a.fileName(), a.mediaType(), a.size(), a.classification().category(),
                a.classification().keywords());
    }

    static Preferences preferences(GroupwarePreferences p, boolean syncOnOpenActive) {
        return new Preferences(new TreeSet<>(p.wizardAreas()), p.onlyCurrentImport(), p.syncOnOpen(), syncOnOpenActive);
    }

    static Account account(GroupwareAccount a) {
        return new Account(a.id().value(), a.employee().value(), a.connectorType(), new TreeMap<>(a.settings()),
                a.autoSync(), a.interval().toMinutes(), new TreeSet<>(a.areas()), a.conflictPolicy(), a.state(),
                a.stateReason().orElse(null));
    }

    static Run run(SyncRun r) {
        return new Run(r.id(), r.account().value(), new TreeSet<>(r.areas()), r.trigger(), r.startedAt().toString(),
                r.endedAt().map(Object::toString).orElse(null), r.status(), new TreeMap<>(r.counts()),
                r.createdActivities(), r.error().orElse(null));
    }

    static Entry entry(JournalEntry e) {
        return new Entry(e.at().toString(), e.area(), e.item(), e.outcome(), e.message(), e.crmId().orElse(null));
    }
}
