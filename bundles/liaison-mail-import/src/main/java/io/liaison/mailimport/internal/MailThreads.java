package io.liaison.mailimport.internal;

import io.liaison.api.content.ParsedMessage;
import io.liaison.api.crm.ActivityRelation;
import io.liaison.api.crm.ActivityStore;
import io.liaison.api.crm.CrmStaleVersionException;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityId;
import io.liaison.api.domain.EmployeeId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Mail threads: an imported mail is related to the mail it answers ({@code In-Reply-To}, RFC 5322 3.6.4) when that
 * one was imported, and the replies imported before it are related to it. A mail whose sender resolved to no one
 * takes the business partner and contact person of the mail it answers, and passes them on down the thread to the
 * employee's replies that resolved to no one either, whatever order the mails came in. A bounce is related to the mail
 * it returns ({@link ParsedMessage#returnedMessageId()}), whichever of the two came first; it passes no assignment on
 * (the mail server that wrote it is not the customer). Message-IDs match with their domain in any case
 * ({@link MessageIds}). Only in a host CRM that records relations; repeating it changes nothing.
 */
final class MailThreads {
    /** The most mails one import walks down a thread: a bound, not a thread's expected size. */
    static final int MAX_WALK = 500;

    private final ActivityStore activities;

    MailThreads(ActivityStore activities) {
        this.activities = activities;
    }

    /**
     * Relates a just imported (or already imported) mail within its thread.
     *
     * @return the mail's activity as it is now (assigned from the thread when it was not)
     */
    Activity relate(EmployeeId employee, Activity mail, ParsedMessage message) {
        if (!activities.relatesActivities()) {
            return mail;
        }
        Activity current = mail;
        Optional<Activity> answered = message.inReplyTo().map(String::strip).filter(id -> !id.isEmpty())
                .flatMap(id -> find(employee, id)).filter(parent -> !parent.id().equals(mail.id()));
        if (answered.isPresent()) {
            activities.relate(employee, new ActivityRelation(mail.id(), answered.get().id(),
                    ActivityRelation.Kind.REPLY_TO));
            current = assignedFrom(employee, current, answered.get());
        }
        walkDown(employee, current, message);
        relateReturned(employee, mail, message);
        relateBounces(employee, mail, message);
        // the walk and the bounce change only other activities (the walk skips the mail itself): no read back
        return current;
    }

    /** Relates a bounce to the mail it returns, when the employee (or, in a shared CRM, anyone) imported that mail. */
    private void relateReturned(EmployeeId employee, Activity bounce, ParsedMessage message) {
        message.returnedMessageId().map(String::strip).filter(id -> !id.isEmpty())
                .flatMap(id -> find(employee, id)).filter(returned -> !returned.id().equals(bounce.id()))
                .ifPresent(returned -> activities.relate(employee, new ActivityRelation(bounce.id(), returned.id(),
                        ActivityRelation.Kind.RETURNS)));
    }

    /**
     * Relates the bounces imported before the mail they return: they keep its Message-ID
     * ({@link io.liaison.api.domain.MailDetails#returnedMessageId}), normalised, or as written by versions before.
     */
    private void relateBounces(EmployeeId employee, Activity mail, ParsedMessage message) {
        Set<ActivityId> related = new HashSet<>();
        for (String id : idsOf(mail, message)) {
            for (Activity bounce : activities.findReturns(employee, id, MAX_WALK)) {
                if (!bounce.id().equals(mail.id()) && related.add(bounce.id())) {
                    activities.relate(employee, new ActivityRelation(bounce.id(), mail.id(),
                            ActivityRelation.Kind.RETURNS));
                }
            }
        }
    }

    /**
     * The Message-IDs other mails may name the mail by: its key (normalised) and the ID as it wrote it, which mails
     * imported by versions before keep.
     */
    private static Set<String> idsOf(Activity mail, ParsedMessage message) {
        Set<String> ids = new LinkedHashSet<>();
        mail.data().mail().map(m -> m.messageId()).ifPresent(ids::add);
        if (!message.messageId().isBlank()) {
            ids.addAll(MessageIds.lookups(message.messageId()));
        }
        return ids;
    }

    /** Relates the replies imported before, and passes an assignment down the thread to those without one. */
    private void walkDown(EmployeeId employee, Activity top, ParsedMessage message) {
        Deque<Activity> open = new ArrayDeque<>();
        Set<ActivityId> seen = new HashSet<>();
        open.add(top);
        seen.add(top.id());
        while (!open.isEmpty() && seen.size() < MAX_WALK) {
            Activity parent = open.poll();
            // the mail just imported is also named as its sender wrote it; the others by what their activity keeps
            Set<String> ids = parent == top ? idsOf(top, message)
                    : parent.data().mail().map(m -> Set.copyOf(MessageIds.lookups(m.messageId()))).orElse(Set.of());
            for (Activity reply : repliesTo(employee, ids)) {
                if (!seen.add(reply.id())) {
                    continue;
                }
                activities.relate(employee, new ActivityRelation(reply.id(), parent.id(),
                        ActivityRelation.Kind.REPLY_TO));
                Activity after = assignedFrom(employee, reply, parent);
                if (after != reply) {
                    // newly assigned: its own replies imported before it may be waiting for the assignment too
                    open.add(after);
                }
            }
        }
    }

    /** The replies to a mail named by any of these IDs, each once. */
    private List<Activity> repliesTo(EmployeeId employee, Set<String> ids) {
        List<Activity> replies = new ArrayList<>();
        for (String id : ids) {
            replies.addAll(activities.findReplies(employee, id, MAX_WALK));
        }
        return replies;
    }

    /**
     * The mail with the thread's partner and contact when it has neither and the other mail has one. Only the
     * employee's own mails are changed: a colleague's stays as the colleague left it.
     */
    private Activity assignedFrom(EmployeeId employee, Activity mail, Activity other) {
        if (assigned(mail) || !assigned(other) || !mail.data().owner().equals(employee)) {
            return mail;
        }
        try {
            return activities.update(employee, mail.id(), mail.version(), mail.data().toBuilder()
                    .businessPartner(other.data().businessPartner().orElse(null))
                    .contactPerson(other.data().contactPerson().orElse(null)).build());
        } catch (CrmStaleVersionException e) {
            // someone assigned it meanwhile: theirs stands
            return mail;
        }
    }

    /** Whether the activity has a business partner or contact person. */
    static boolean assigned(Activity a) {
        return a.data().businessPartner().isPresent() || a.data().contactPerson().isPresent();
    }

    /** The mail with this Message-ID: under its normalised key, else as written (imported by a version before). */
    private Optional<Activity> find(EmployeeId employee, String messageId) {
        for (String key : MessageIds.lookups(messageId)) {
            Optional<Activity> found = activities.sharesMailActivities() ? activities.findSharedMail(employee, key)
                    : activities.findBySourceKey(employee, key);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
