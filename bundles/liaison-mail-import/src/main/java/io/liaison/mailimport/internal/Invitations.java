package io.liaison.mailimport.internal;

import io.liaison.api.content.ParsedAttachment;
import io.liaison.api.content.ParsedMessage;
import io.liaison.api.crm.ActivityRelation;
import io.liaison.api.crm.ActivityStore;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.EmployeeId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The calendar parts of a mail (an invitation, iMIP, RFC 6047: the content bundle keeps Outlook's {@code text/calendar}
 * rendering as an {@code .ics} document): what each one asks (its METHOD: REQUEST, CANCEL, REPLY, …, RFC 5546 section
 * 1.4) and which meeting it is about (the UID of its event, RFC 5545 section 3.8.4.7). They are noted on the mail's
 * activity and journal entry, so that a user sees an invitation, its cancellation and the answers to it as one meeting.
 * The mail stays a mail: no appointment is made from it (the appointment sync brings the meeting from the calendar,
 * with the UID of its event), and the mail is related to that appointment when the CRM holds it at import time.
 */
final class Invitations {
    /** The most of a calendar part read: METHOD and the first UID come early in it. */
    static final int MAX_BYTES = 256 * 1024;

    /** One calendar part: its METHOD and its event's UID, either empty when the part has none. */
    record Invitation(String method, String uid) {
        String describe() {
            return "calendar invitation: " + (method.isEmpty() ? "no METHOD" : "METHOD " + method)
                    + (uid.isEmpty() ? ", no UID" : ", UID " + uid);
        }
    }

    private Invitations() {
    }

    /** The calendar parts of a mail, each different one once (Google sends the same one inline and attached). */
    static List<Invitation> of(ParsedMessage message) {
        Set<Invitation> found = new LinkedHashSet<>();
        for (ParsedAttachment attachment : message.attachments()) {
            if (isCalendar(attachment)) {
                read(attachment).ifPresent(found::add);
            }
        }
        return new ArrayList<>(found);
    }

    /** How the activity and the journal name them. */
    static List<String> notes(ParsedMessage message) {
        return of(message).stream().map(Invitation::describe).toList();
    }

    /**
     * Relates a mail's activity to the appointment of each meeting its calendar parts name
     * ({@link ActivityRelation.Kind#INVITATION}), where the CRM records relations and the appointment sync has brought
     * the meeting already; repeating it changes nothing. An appointment that arrives after the mail is not looked for:
     * Exchange and Google put an invitation into the calendar when it is delivered, before anyone can import the mail,
     * so the usual order is the appointment first; the same mail dropped again relates it then.
     */
    static void relate(ActivityStore activities, EmployeeId employee, Activity mail, ParsedMessage message) {
        if (!activities.relatesActivities()) {
            return;
        }
        for (Invitation invitation : of(message)) {
            if (invitation.uid().isEmpty()) {
                continue;
            }
            activities.findAppointment(employee, invitation.uid()).filter(a -> !a.id().equals(mail.id()))
                    .ifPresent(appointment -> activities.relate(employee, new ActivityRelation(mail.id(),
                            appointment.id(), ActivityRelation.Kind.INVITATION)));
        }
    }

    private static boolean isCalendar(ParsedAttachment attachment) {
        return attachment.mediaType().toLowerCase(Locale.ROOT).startsWith("text/calendar")
                || attachment.fileName().toLowerCase(Locale.ROOT).endsWith(".ics");
    }

    private static Optional<Invitation> read(ParsedAttachment attachment) {
        try (InputStream in = attachment.open()) {
            return parse(new String(in.readNBytes(MAX_BYTES), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty(); // the document is stored all the same; there is just nothing to note
        }
    }

    /** METHOD of the calendar and UID of its first component, from the unfolded content lines (RFC 5545 3.1). */
    static Optional<Invitation> parse(String ics) {
        String method = "";
        String uid = "";
        boolean calendar = false;
        for (String line : ics.replaceAll("\r?\n[ \t]", "").split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).split(";", 2)[0].strip().toUpperCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            switch (name) {
                case "BEGIN" -> calendar |= value.equalsIgnoreCase("VCALENDAR");
                case "METHOD" -> method = method.isEmpty() ? value.toUpperCase(Locale.ROOT) : method;
                case "UID" -> uid = uid.isEmpty() ? value : uid;
                default -> {
                    // other properties do not say which meeting or what is asked
                }
            }
        }
        return calendar && !(method.isEmpty() && uid.isEmpty()) ? Optional.of(new Invitation(method, uid))
                : Optional.empty();
    }
}
