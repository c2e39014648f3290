package io.liaison.connector.local.internal;

import io.liaison.api.connector.item.EventStatus;
import io.liaison.api.connector.item.FreeBusy;
import io.liaison.api.connector.item.Participation;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Transp;
import net.fortuna.ical4j.model.property.XProperty;

/**
 * An event's status, free/busy state and the mailbox owner's part in it, in iCalendar:
 * <ul>
 * <li>STATUS (RFC 5545 3.8.1.11): TENTATIVE, CONFIRMED, CANCELLED; none or another value is confirmed;</li>
 * <li>TRANSP (RFC 5545 3.8.2.7): TRANSPARENT is free, OPAQUE or none busy; the states between, which TRANSP cannot
 * say, in {@value #BUSY_STATUS} as Outlook writes it in its .ics exports ([MS-OXCICAL], X-MICROSOFT-CDO-BUSYSTATUS:
 * FREE, TENTATIVE, BUSY, OOF for PidLidBusyStatus 0–3; working elsewhere, PidLidBusyStatus 4 olWorkingElsewhere, is
 * written WORKINGELSEWHERE, and OUTOFOFFICE of older Exchange exports is read as out of office). TRANSPARENT wins
 * over the Microsoft property, since every tool understands it;</li>
 * <li>the owner's part: organiser when the ORGANIZER is one of the owner's addresses or the event names nobody, else
 * the PARTSTAT of the ATTENDEE who is the owner (RFC 5545 3.2.12), not responded when the owner is not listed.
 * Without known addresses (the account setting {@value LocalConnectorFactory#MAILBOX} is not set) every event reads
 * as organised by the owner, as before the part was read.</li>
 * </ul>
 * On write, a property whose meaning did not change is left as the file has it (an explicit STATUS:CONFIRMED, an
 * Outlook BUSYSTATUS:BUSY).
 */
final class EventStanding {

    /** Outlook's free/busy state of an appointment in iCalendar. */
    static final String BUSY_STATUS = "X-MICROSOFT-CDO-BUSYSTATUS";

    private final Set<String> ownerAddresses;

    /** @param ownerAddresses the mailbox owner's addresses, lower case; empty when not known */
    EventStanding(Set<String> ownerAddresses) {
        this.ownerAddresses = Set.copyOf(ownerAddresses);
    }

    static EventStatus status(VEvent event) {
        return switch (IcalFields.text(event, Property.STATUS).strip().toUpperCase(Locale.ROOT)) {
            case "TENTATIVE" -> EventStatus.TENTATIVE;
            case "CANCELLED" -> EventStatus.CANCELLED;
            default -> EventStatus.CONFIRMED;
        };
    }

    static FreeBusy showAs(VEvent event) {
        if (IcalFields.text(event, Property.TRANSP).strip().equalsIgnoreCase("TRANSPARENT")) {
            return FreeBusy.FREE;
        }
        return switch (IcalFields.text(event, BUSY_STATUS).strip().toUpperCase(Locale.ROOT)) {
            case "TENTATIVE" -> FreeBusy.TENTATIVE;
            case "OOF", "OUTOFOFFICE" -> FreeBusy.OUT_OF_OFFICE;
            case "WORKINGELSEWHERE" -> FreeBusy.WORKING_ELSEWHERE;
            default -> FreeBusy.BUSY; // an Outlook FREE under OPAQUE: TRANSP, the standard, says busy
        };
    }

    Participation participation(VEvent event) {
        Optional<Property> organizer = event.getProperty(Property.ORGANIZER);
        if (ownerAddresses.isEmpty() || event.getProperties(Property.ATTENDEE).isEmpty() && organizer.isEmpty()) {
            return Participation.ORGANIZER;
        }
        if (organizer.map(this::isOwner).orElse(false)) {
            return Participation.ORGANIZER;
        }
        return owner(event).map(a -> switch (a.getParameter(Parameter.PARTSTAT).map(Parameter::getValue).orElse("")
                .strip().toUpperCase(Locale.ROOT)) {
            case "ACCEPTED" -> Participation.ACCEPTED;
            case "TENTATIVE" -> Participation.TENTATIVE;
            case "DECLINED" -> Participation.DECLINED;
            default -> Participation.NOT_RESPONDED;
        }).orElse(organizer.isEmpty() ? Participation.ORGANIZER : Participation.NOT_RESPONDED);
    }

    /**
     * Writes status, free/busy state and the owner's answer, after the mapped properties were removed and the
     * people written; {@code before} is what the file said.
     */
    void put(VEvent event, EventStatus status, FreeBusy showAs, Participation participation, Optional<Before> before) {
        if (before.map(b -> b.status != status).orElse(true)) {
            event.removeAll(Property.STATUS);
            switch (status) {
                case TENTATIVE -> event.add(new Status(Status.VALUE_TENTATIVE));
                case CANCELLED -> event.add(new Status(Status.VALUE_CANCELLED));
                case CONFIRMED -> { }
            }
        }
        if (before.map(b -> b.showAs != showAs).orElse(true)) {
            event.removeAll(Property.TRANSP, BUSY_STATUS);
            if (showAs == FreeBusy.FREE) {
                event.add(new Transp(Transp.VALUE_TRANSPARENT));
            }
            switch (showAs) {
                case TENTATIVE -> event.add(new XProperty(BUSY_STATUS, "TENTATIVE"));
                case OUT_OF_OFFICE -> event.add(new XProperty(BUSY_STATUS, "OOF"));
                case WORKING_ELSEWHERE -> event.add(new XProperty(BUSY_STATUS, "WORKINGELSEWHERE"));
                default -> { }
            }
        }
        if (participation != Participation.ORGANIZER) {
            owner(event).ifPresent(a -> a.replace(switch (participation) {
                case ACCEPTED -> PartStat.ACCEPTED;
                case TENTATIVE -> PartStat.TENTATIVE;
                case DECLINED -> PartStat.DECLINED;
                default -> PartStat.NEEDS_ACTION;
            }));
        }
    }

    /** What a file said before an update. */
    record Before(EventStatus status, FreeBusy showAs) {
        static Before of(VEvent event) {
            return new Before(EventStanding.status(event), EventStanding.showAs(event));
        }
    }

    private Optional<Property> owner(VEvent event) {
        return event.getProperties(Property.ATTENDEE).stream().filter(this::isOwner).findFirst();
    }

    private boolean isOwner(Property calAddress) {
        String v = calAddress.getValue().strip();
        String address = v.regionMatches(true, 0, "mailto:", 0, 7) ? v.substring(7) : v;
        return ownerAddresses.contains(address.strip().toLowerCase(Locale.ROOT));
    }
}
