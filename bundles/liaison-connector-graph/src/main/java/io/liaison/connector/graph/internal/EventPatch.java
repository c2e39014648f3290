package io.liaison.connector.graph.internal;

import com.microsoft.graph.models.Event;
import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.item.EventData;
import io.liaison.api.domain.Participant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The fields of a CRM update that differ from the event as read just before: every PATCH of an organizer's meeting
 * can notify its attendees, and a PATCH of the body can disable an online meeting ("Update event",
 * https://learn.microsoft.com/en-us/graph/api/event-update), so only what changed is sent. The body is left to the
 * store, which keeps an online meeting's block; the organizer is never sent ("Update event" cannot change it).
 */
final class EventPatch {

    private EventPatch() {
    }

    /**
     * @param current the event as read just before the update, as the CRM sees it
     * @param wanted  the complete event as {@link EventMapper#toGraph} writes {@code data}
     * @return an event holding only the changed fields but the body; empty when none of them changed
     */
    static Optional<Event> of(GroupwareItem<EventData> current, EventData data, Optional<String> crmId, Event wanted) {
        EventData now = current.data();
        Event patch = new Event();
        boolean changed = false;
        if (!now.subject().equals(data.subject())) {
            patch.setSubject(wanted.getSubject());
            changed = true;
        }
        boolean times = !now.start().equals(data.start()) || !now.end().equals(data.end()) || now.allDay() != data.allDay()
                || !GraphTimes.zone(now.timeZone()).equals(GraphTimes.zone(data.timeZone()));
        if (times) {
            patch.setStart(wanted.getStart());
            patch.setEnd(wanted.getEnd());
            patch.setIsAllDay(wanted.getIsAllDay());
            changed = true;
        }
        if ((times || !now.recurrenceRule().equals(data.recurrenceRule())) && wanted.getRecurrence() != null) {
            patch.setRecurrence(wanted.getRecurrence()); // its range starts on the first day
            changed = true;
        }
        if (!now.location().equals(data.location())) {
            patch.setLocation(wanted.getLocation());
            changed = true;
        }
        if (!invitees(now).equals(invitees(data))) {
            patch.setAttendees(wanted.getAttendees());
            changed = true;
        }
        if (!now.reminder().equals(data.reminder())) {
            patch.setIsReminderOn(wanted.getIsReminderOn());
            patch.setReminderMinutesBeforeStart(wanted.getReminderMinutesBeforeStart());
            changed = true;
        }
        if (now.importance() != data.importance()) {
            patch.setImportance(wanted.getImportance());
            changed = true;
        }
        if (!now.categories().equals(data.categories())) {
            patch.setCategories(wanted.getCategories());
            changed = true;
        }
        if (now.sensitivity() != data.sensitivity()) {
            patch.setSensitivity(wanted.getSensitivity());
            changed = true;
        }
        if (now.showAs() != data.showAs()) {
            patch.setShowAs(wanted.getShowAs());
            changed = true;
        }
        if (!current.crmId().equals(crmId) || !now.crmLink().equals(data.crmLink())) {
            patch.setSingleValueExtendedProperties(wanted.getSingleValueExtendedProperties());
            changed = true;
        }
        return changed ? Optional.of(patch) : Optional.empty();
    }

    /** Whether the CRM's text differs from the body as read (line ends and surrounding blanks aside). */
    static boolean bodyChanged(EventData current, EventData data) {
        return !normal(current.bodyText()).equals(normal(data.bodyText()));
    }

    /**
     * Who is invited, and how: the answers are the attendees' own (Graph keeps them), names are display only, so
     * neither makes the attendees change.
     */
    private static Set<String> invitees(EventData d) {
        return d.attendees().stream().map(p -> p.email().toLowerCase(Locale.ROOT) + " " + p.role())
                .collect(Collectors.toSet());
    }

    private static String normal(String text) {
        return Objects.requireNonNullElse(text, "").replace("\r\n", "\n").strip();
    }
}
