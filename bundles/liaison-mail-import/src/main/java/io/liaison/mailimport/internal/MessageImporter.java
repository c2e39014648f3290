package io.liaison.mailimport.internal;

import io.liaison.api.connector.MailFolder;
import io.liaison.api.connector.MailStore;
import io.liaison.api.content.Categorization;
import io.liaison.api.content.ContentServiceStoppedException;
import io.liaison.api.content.DocumentCategorizer;
import io.liaison.api.content.ParsedAttachment;
import io.liaison.api.content.ParsedMessage;
import io.liaison.api.crm.ActivityCreation;
import io.liaison.api.crm.DocumentUpload;
import io.liaison.api.crm.HostCrm;
import io.liaison.api.crm.KeyHolders;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityData;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.Classification;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.NewDocument;
import io.liaison.api.domain.StatusKey;
import io.liaison.api.mailimport.AttachmentProposal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Imports one parsed mail: creates its MAILIN activity (once per source key) together with the original message
 * and every attachment as documents, or, for a mail an earlier run imported, stores the documents not stored yet;
 * then moves the message to the archive folder.
 * Every step is safe to repeat, so a run that crashed anywhere in between is completed by the next one
 * without a second activity or document.
 */
final class MessageImporter {

    /**
     * What became of one message.
     *
     * @param activity    the activity
     * @param created     whether this call created it (false: an earlier run had)
     * @param documents   how many documents this call stored
     * @param assignment  how the sender was assigned (for a new activity)
     * @param moveProblem why the move to the archive failed, if it did
     */
    /** @param keyProblem a Message-ID another mail held already (the mail got an activity of its own) */
    /**
     * @param sharedWith the employee who imported the mail first, when the CRM keeps one activity per mail for the
     *                   whole CRM and this employee was added to that activity (no activity or document of its own)
     */
    record Result(Activity activity, boolean created, int documents, String assignment, Optional<String> moveProblem,
                  Optional<String> keyProblem, Optional<EmployeeId> sharedWith) {
    }

    private final HostCrm crm;
    private final MailThreads threads;
    private final DocumentCategorizer categorizer;
    private final SenderAssigner assigner;
    private final MailActivityMapper mapper;
    private final String originalCategory;
    private final Duration budget;
    private final ActivityType outgoingType;

    /** @param budget the time a message's parse and categorisation may take together (the parser's limit) */
    MessageImporter(HostCrm crm, DocumentCategorizer categorizer, SenderAssigner assigner, MailActivityMapper mapper,
                    String originalCategory, Duration budget) {
        this(crm, categorizer, assigner, mapper, originalCategory, budget, ActivityType.MAIL_IN);
    }

    /** @param outgoingType the activity type of a mail the employee sent (MAILIN when the CRM has no such type) */
    MessageImporter(HostCrm crm, DocumentCategorizer categorizer, SenderAssigner assigner, MailActivityMapper mapper,
                    String originalCategory, Duration budget, ActivityType outgoingType) {
        this.outgoingType = outgoingType;
        this.crm = crm;
        this.threads = new MailThreads(crm.activities());
        this.categorizer = categorizer;
        this.assigner = assigner;
        this.mapper = mapper;
        this.originalCategory = originalCategory;
        this.budget = budget;
    }

    /** The activity type of a mail and who it is assigned to. */
    record Placement(ActivityType type, Assignment assignment) {
    }

    /**
     * A mail the employee sent (from one of their own addresses) is outgoing: the configured type, assigned through
     * its first recipient outside the own company, never through the employee's own address. Any other mail is
     * incoming, assigned through its sender.
     */
    Placement place(EmployeeId employee, ParsedMessage message, OwnAddresses own) {
        if (!own.isOwn(message.from())) {
            return new Placement(ActivityType.MAIL_IN,
                    assigner.assign(employee, message.from(), message.automated()));
        }
        Optional<String> recipient = own.firstExternal(message.to(), message.cc());
        if (recipient.isEmpty()) {
            return new Placement(outgoingType, Assignment.none("a mail the employee sent to no one outside the company"));
        }
        Assignment byRecipient = assigner.assign(employee, recipient.get(), Optional.empty());
        return new Placement(outgoingType, new Assignment(byRecipient.businessPartner(), byRecipient.contactPerson(),
                "sent to " + recipient.get() + ": " + byRecipient.description()));
    }

    /** The deadline of a message whose parse starts now: one budget for parsing and categorising it. */
    Instant deadlineFromNow() {
        return Instant.now().plus(budget);
    }

    /**
     * Imports a parsed mail.
     *
     * @param classifications the classification of each of its documents, by name ({@link #classify})
     */
    Result importMail(EmployeeId employee, MailStore store, ParsedMail mail, StatusKey status, MailFolder archive,
                      Map<String, Classification> classifications, OwnAddresses own) {
        Map<String, KeyHolders> holders = holders(employee, mail.sourceKey(), mail.earlierKeys(),
                crm.activities().sharesMailActivities());
        Optional<Activity> shared = sharedMail(employee, mail, holders);
        if (shared.isPresent()) {
            // another employee imported this very mail: one activity for the whole CRM, this employee added to it
            Activity activity = crm.activities().addImporter(employee, shared.get().id());
            return new Result(activity, false, 0, "", moveToArchive(store, mail, archive), Optional.empty(),
                    Optional.of(activity.data().owner()));
        }
        Placement placement = place(employee, mail.message(), own);
        Assignment assigned = placement.assignment();
        ActivityData data = SameMail.fingerprinted(mapper.toActivity(mail.message(), mail.sourceKey(), status, employee,
                assigned, mail.receivedAt(), placement.type()), mail);
        // The activity and every document in one call (one transaction in CRMs that can): never an activity without
        // its documents. No look-up by key first: a mail imported before (a repeat after a failed move, a Message-ID
        // seen twice) is the rare case, which the CRM answers with the activity that holds the key.
        List<DocumentUpload> uploads = uploads(mail, classifications);
        ActivityCreation creation = createUnlessImportedBefore(employee, data, mail.sourceKey(), mail.earlierKeys(),
                mail, uploads, holders);
        Optional<String> keyProblem = Optional.empty();
        if (!creation.created() && !SameMail.as(creation.activity().data().mail(), mail)) {
            // another mail with the same Message-ID: an activity of its own, under a key of its own
            Activity first = creation.activity();
            String key = SameMail.keyOf(mail.sourceKey(), mail);
            ActivityData separate = SameMail.fingerprinted(mapper.toActivity(mail.message(), key, status, employee,
                    assigned, mail.receivedAt(), placement.type()), mail);
            List<String> separateEarlier = SameMail.earlierKeysOf(mail);
            creation = createUnlessImportedBefore(employee, separate, key, separateEarlier, mail, uploads,
                    holders(employee, key, separateEarlier, false));
            if (creation.created()) {
                keyProblem = Optional.of("its Message-ID " + mail.sourceKey() + " is also the one of activity "
                        + first.id().value() + ", another mail ("
                        + SameMail.difference(first.data().mail().orElseThrow(), mail.message())
                        + "): imported as an activity of its own");
            }
        }
        // before the move: a run that stops in between relates it when it meets the mail again
        Activity activity = threads.relate(employee, creation.activity(), mail.message());
        Invitations.relate(crm.activities(), employee, activity, mail.message());
        int stored = creation.created() ? creation.documents().size()
                // imported by an earlier run: store what that run did not get to (a CRM without one-transaction
                // creates may have failed between the activity and its documents)
                : storeMissingDocuments(employee, mail, activity, uploads);
        Optional<String> moveProblem = moveToArchive(store, mail, archive);
        String assignment = !creation.created() ? ""
                : fromThread(creation.activity(), activity) ? "assigned from its thread (the mail it answers)"
                : assigned.description();
        return new Result(activity, creation.created(), stored, assignment, moveProblem, keyProblem, Optional.empty());
    }

    /**
     * What holds a mail's keys, asked of the CRM in one call before anything of the mail is written: the earlier
     * keys (the employee's own activity under one is the mail's) and, when {@code shared} (a CRM that keeps one
     * activity per mail), the key itself too (another employee's mail under it). No call when there is nothing to
     * ask: the CRM answers a repeat under the key itself when the create finds it taken.
     */
    private Map<String, KeyHolders> holders(EmployeeId employee, String key, List<String> earlierKeys,
                                            boolean shared) {
        List<String> keys = new ArrayList<>();
        if (shared) {
            keys.add(key);
        }
        keys.addAll(earlierKeys);
        return keys.isEmpty() ? Map.of() : crm.activities().findByKeys(employee, keys);
    }

    private static KeyHolders holding(Map<String, KeyHolders> holders, String key) {
        return holders.getOrDefault(key, KeyHolders.NONE);
    }

    /**
     * Creates the activity under its key, unless an earlier version imported the mail under a key it gave it then
     * ({@link ParsedMail#earlierKeys}): that activity is the mail's, as the CRM answers a repeat under the key itself.
     *
     * @param holders what holds the earlier keys ({@link #holders})
     */
    private ActivityCreation createUnlessImportedBefore(EmployeeId employee, ActivityData data, String key,
                                                        List<String> earlierKeys, ParsedMail mail,
                                                        List<DocumentUpload> uploads,
                                                        Map<String, KeyHolders> holders) {
        Optional<Activity> earlier = findEarlier(employee, earlierKeys, mail, k -> holding(holders, k).own());
        return earlier.isPresent() ? new ActivityCreation(earlier.get(), false, List.of())
                : crm.createWithDocuments(employee, data, Optional.of(key), uploads);
    }

    /**
     * The first activity found under one of the earlier keys that is this mail's. A fingerprint that left attached
     * mails out ({@link SourceKey#leftOutAttachedMails}) is also another mail's that differs only in them; the activity
     * is this mail's only when it holds every mail this one has attached (the import stored each as a document). An
     * activity found under a key several mails share (a reused Message-ID's) is this mail's only when it is the same
     * mail ({@link SameMail}).
     */
    private Optional<Activity> findEarlier(EmployeeId employee, List<String> keys, ParsedMail mail,
                                           Function<String, Optional<Activity>> find) {
        for (String key : keys) {
            Optional<Activity> found = find.apply(key)
                    .filter(a -> !SourceKey.leftOutAttachedMails(key) || holdsAttachedMails(employee, a, mail))
                    .filter(a -> SameMail.as(a.data().mail(), mail));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private boolean holdsAttachedMails(EmployeeId employee, Activity activity, ParsedMail mail) {
        StoredContents stored = StoredContents.of(crm.documents(), employee, activity.id());
        try {
            for (ParsedAttachment attachment : mail.message().attachments()) {
                if (SourceKey.isMail(attachment) && !stored.holds(attachment::open)) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compare the attached mails of " + mail.ref().name(), e);
        }
    }

    /** Whether the thread gave the mail the business partner or contact its sender did not. */
    private static boolean fromThread(Activity created, Activity now) {
        return !MailThreads.assigned(created) && MailThreads.assigned(now);
    }

    /**
     * The activity another employee created for this very mail, in a CRM that keeps one activity per mail for the
     * whole CRM: same key and the same mail ({@link SameMail}: a reused Message-ID is another mail). The employee's own
     * activity, or none, means the usual way: the CRM answers a repeat with the activity that holds the key.
     */
    private Optional<Activity> sharedMail(EmployeeId employee, ParsedMail mail, Map<String, KeyHolders> holders) {
        if (!crm.activities().sharesMailActivities()) {
            return Optional.empty();
        }
        // the key, else the key an earlier version gave the mail
        Optional<Activity> first = holding(holders, mail.sourceKey()).shared()
                .or(() -> findEarlier(employee, mail.earlierKeys(), mail, k -> holding(holders, k).shared()));
        return first.filter(a -> !a.data().owner().equals(employee))
                .filter(a -> SameMail.as(a.data().mail(), mail));
    }

    /**
     * The classification of each document of a mail, by document name: the chosen one where the user chose, else
     * what the rules propose (the original message gets the configured category). Reads the attachments (the
     * costly part, Tika's text extraction) and writes nothing, so it can run ahead on a parsing thread. All documents
     * share the message's {@code deadline}: a document whose text cannot be read in the time left is categorised
     * by name and type, so hundreds of slow attachments take the message's budget, not 30 s each.
     */
    Classified classify(ParsedMail mail, Map<String, Classification> chosen, Instant deadline) {
        Map<String, Classification> classifications = new LinkedHashMap<>();
        Map<String, String> textProblems = new LinkedHashMap<>();
        String original = originalName(mail);
        classifications.put(original, chosen.getOrDefault(original, originalClassification()));
        List<ParsedAttachment> attachments = mail.message().attachments();
        List<String> names = attachmentNames(mail, original);
        for (int i = 0; i < attachments.size(); i++) {
            String name = names.get(i);
            if (chosen.containsKey(name)) {
                classifications.put(name, chosen.get(name));
                continue;
            }
            Categorization categorization = categorize(attachments.get(i), name, deadline);
            classifications.put(name, categorization.classification());
            categorization.textProblem().ifPresent(p -> textProblems.put(name, p));
        }
        return new Classified(classifications, textProblems);
    }

    /**
     * The classification of each document of a mail by name, and for the documents whose text the rules wanted but
     * could not read, why (their category rests on name and type only: the journal says so).
     */
    record Classified(Map<String, Classification> byName, Map<String, String> textProblems) {
    }

    /** The original message and every attachment, each with its classification. */
    private List<DocumentUpload> uploads(ParsedMail mail, Map<String, Classification> classifications) {
        List<DocumentUpload> uploads = new ArrayList<>();
        String original = originalName(mail);
        uploads.add(new DocumentUpload(new NewDocument(original, mail.mediaType(), classification(classifications,
                original)), mail.original()));
        List<ParsedAttachment> attachments = mail.message().attachments();
        List<String> names = attachmentNames(mail, original);
        for (int i = 0; i < attachments.size(); i++) {
            String name = names.get(i);
            ParsedAttachment attachment = attachments.get(i);
            uploads.add(new DocumentUpload(new NewDocument(name, attachment.mediaType(),
                    classification(classifications, name)), attachment::open));
        }
        return uploads;
    }

    private static Classification classification(Map<String, Classification> classifications, String name) {
        return classifications.getOrDefault(name, Classification.NONE);
    }

    /** The documents a mail would get, with the categories the rules propose; reads attachments, writes nothing. */
    List<AttachmentProposal> propose(ParsedMail mail) {
        Map<String, Classification> classifications = classify(mail, Map.of(), deadlineFromNow()).byName();
        List<AttachmentProposal> proposals = new ArrayList<>();
        String original = originalName(mail);
        proposals.add(new AttachmentProposal(original, mail.mediaType(), Math.max(mail.ref().size(), -1),
                classification(classifications, original)));
        List<ParsedAttachment> attachments = mail.message().attachments();
        List<String> names = attachmentNames(mail, original);
        for (int i = 0; i < attachments.size(); i++) {
            ParsedAttachment a = attachments.get(i);
            proposals.add(new AttachmentProposal(names.get(i), a.mediaType(), a.size(),
                    classification(classifications, names.get(i))));
        }
        return proposals;
    }

    /**
     * Attaches those of the mail's documents the activity does not have yet, compared by content
     * ({@link StoredContents}): a copy of the mail whose attachments are named otherwise stores nothing twice, an
     * attachment the activity lacks is stored. The original message ({@code uploads}' first) is stored first of all,
     * in one transaction with the rest or as the first call: an activity with any document has it, so the same mail
     * dropped again under another file name (a copy, a re-encoded or {@code .msg} twin) adds no second original.
     */
    private int storeMissingDocuments(EmployeeId employee, ParsedMail mail, Activity activity,
                                      List<DocumentUpload> uploads) {
        StoredContents present = StoredContents.of(crm.documents(), employee, activity.id());
        int stored = 0;
        for (DocumentUpload upload : uploads) {
            String name = upload.document().fileName();
            boolean original = upload == uploads.get(0);
            try {
                boolean held = original ? !present.isEmpty()
                        : SourceKey.isMail(upload.document().mediaType()) ? present.holdsMail(upload.content())
                        : present.holds(upload.content());
                if (held) {
                    continue;
                }
                try (InputStream in = upload.content().open()) {
                    crm.documents().attach(employee, activity.id(), upload.document(), in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot store document " + name + " of " + mail.ref().name(), e);
            }
            stored++;
        }
        return stored;
    }

    private Optional<String> moveToArchive(MailStore store, ParsedMail mail, MailFolder archive) {
        try {
            store.move(mail.ref().id(), archive.id());
            return Optional.empty();
        } catch (RuntimeException e) {
            // The activity exists; the next run finds it by its key and only retries the move.
            return Optional.of("imported, but not moved to '" + archive.displayPath() + "': " + e.getMessage());
        }
    }

    private Categorization categorize(ParsedAttachment attachment, String name, Instant deadline) {
        try (InputStream in = attachment.open()) {
            return categorizer.categorizeWithin(name, attachment.mediaType(), in, deadline);
        } catch (ContentServiceStoppedException e) {
            throw e; // nothing is wrong with the document: the run leaves the mail for the next one
        } catch (IOException | RuntimeException e) {
            // A document the rules cannot read is still stored, only without a category, and the journal says why.
            return new Categorization(Classification.NONE, Optional.of("it could not be categorised: "
                    + MailImportRun.reason(e)));
        }
    }

    private Classification originalClassification() {
        return new Classification(originalCategory, List.of());
    }

    private static String originalName(ParsedMail mail) {
        return DocumentNames.original(mail.ref().name(), mail.message().subject(), mail.isOutlook());
    }

    private static List<String> attachmentNames(ParsedMail mail, String originalName) {
        List<String> raw = mail.message().attachments().stream().map(ParsedAttachment::fileName).toList();
        return DocumentNames.unique(raw, Set.of(originalName));
    }
}
