package io.liaison.connector.local.internal;

import io.liaison.api.connector.item.TaskData;
import io.liaison.api.connector.item.TaskStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.Locale;
import java.util.Optional;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VToDo;
import net.fortuna.ical4j.model.property.Completed;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Due;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;

/**
 * Tasks as iCalendar VTODO files, one per file. iCalendar knows four task states; Liaison's
 * {@link TaskStatus#WAITING} and {@link TaskStatus#DEFERRED} are written as IN-PROCESS and NEEDS-ACTION with
 * an {@code X-LIAISON-STATUS} that is believed only while STATUS still says the same (a person who marks the
 * task done in another tool wins). CANCELLED reads as deferred. Dates without a time are taken at the start
 * of the day in the account's zone.
 */
final class TaskCodec implements ItemCodec<TaskData> {

    static final String LIAISON_STATUS = "X-LIAISON-STATUS";

    private static final String[] MAPPED = {Property.SUMMARY, Property.DESCRIPTION, Property.DTSTART, Property.DUE,
        Property.DURATION, Property.STATUS, Property.COMPLETED, Property.PRIORITY, Property.CATEGORIES, Property.URL,
        IcalFields.CRM_ID, LIAISON_STATUS, Property.DTSTAMP, Property.CLASS, IcalFields.LIAISON_SENSITIVITY};

    private final ZoneId defaultZone;

    TaskCodec(ZoneId defaultZone) {
        this.defaultZone = defaultZone;
    }

    @Override
    public String kind() {
        return "task";
    }

    @Override
    public String readingContext() {
        return defaultZone.getId();
    }

    @Override
    public String lastLine() {
        return "END:VCALENDAR";
    }

    @Override
    public String extension() {
        return "ics";
    }

    @Override
    public Parsed<TaskData> parse(byte[] content) throws BrokenItemException {
        return Ical4j.call(() -> {
            VToDo todo = todo(Ical4j.parse(content));
            return new Parsed<>(IcalFields.uid(todo), IcalFields.crmId(todo), data(todo));
        });
    }

    private static VToDo todo(Calendar calendar) throws BrokenItemException {
        return IcalFields.single(calendar, Component.VTODO, "tasks", Component.VEVENT, "Calendar");
    }

    private TaskData data(VToDo todo) {
        Optional<Instant> start = time(todo.getProperty(Property.DTSTART));
        Optional<Instant> due = time(todo.getProperty(Property.DUE));
        Optional<Instant> completed = time(todo.getProperty(Property.COMPLETED));
        TaskStatus status = status(todo, completed.isPresent());
        // RFC 5545 3.8.6.3: a trigger related to the end of a to-do refers to DUE, or to DTSTART plus DURATION
        Optional<Instant> end = due.or(() -> start.flatMap(s -> todo.<net.fortuna.ical4j.model.property.Duration>getProperty(
                Property.DURATION).map(d -> s.atZone(defaultZone).plus(d.getDuration()).toInstant())));
        Optional<Instant> reminder = IcalFields.alarmTime(todo.getComponentList().getAll(), start, end);
        return new TaskData(IcalFields.text(todo, Property.SUMMARY), IcalFields.text(todo, Property.DESCRIPTION),
                start, due, status, completed, reminder, IcalFields.importance(todo), IcalFields.categories(todo),
                IcalFields.url(todo), IcalFields.sensitivity(todo));
    }

    @SuppressWarnings("unchecked")
    private Optional<Instant> time(Optional<Property> property) {
        return property.map(p -> IcalFields.instant((DateProperty<Temporal>) p, defaultZone));
    }

    private static TaskStatus status(VToDo todo, boolean hasCompleted) {
        String status = IcalFields.text(todo, Property.STATUS).strip().toUpperCase(Locale.ROOT);
        String ours = IcalFields.text(todo, LIAISON_STATUS).strip().toUpperCase(Locale.ROOT);
        return switch (status) {
            case "COMPLETED" -> TaskStatus.COMPLETED;
            case "IN-PROCESS" -> ours.equals("WAITING") ? TaskStatus.WAITING : TaskStatus.IN_PROGRESS;
            case "CANCELLED" -> TaskStatus.DEFERRED;
            case "NEEDS-ACTION" -> ours.equals("DEFERRED") ? TaskStatus.DEFERRED : TaskStatus.NOT_STARTED;
            default -> hasCompleted ? TaskStatus.COMPLETED : TaskStatus.NOT_STARTED;
        };
    }

    /** Whether a date property holds a date without time (VALUE=DATE). */
    private static boolean isDay(Optional<Property> property) {
        return property.map(p -> ((DateProperty<?>) p).getDate() instanceof java.time.LocalDate).orElse(false);
    }

    /**
     * The day of a time that the file gave as a date (a due day, RFC 5545 3.8.2.3 VALUE=DATE), while the time is
     * still the start of a day in the account's zone, which is how a date reads; otherwise the time is written.
     */
    private Optional<java.time.LocalDate> day(Instant time, boolean wasDay) {
        java.time.ZonedDateTime local = time.atZone(defaultZone);
        boolean midnight = local.toLocalDate().atStartOfDay(defaultZone).toInstant().equals(time);
        return wasDay && midnight ? Optional.of(local.toLocalDate()) : Optional.empty();
    }

    @Override
    public byte[] render(Optional<byte[]> existing, String newUid, TaskData data, Optional<String> crmId)
            throws BrokenItemException {
        return Ical4j.call(() -> {
            Calendar calendar;
            VToDo todo;
            if (existing.isPresent()) {
                calendar = Ical4j.parse(existing.get());
                todo = todo(calendar);
            } else {
                calendar = Ical4j.newCalendar();
                todo = new VToDo(false);
                todo.add(new Uid(newUid));
                calendar.add(todo);
            }
            // alarms a person set stay as they are while the reminder read from them is unchanged
            boolean keepAlarms = existing.isPresent() && data(todo).reminderAt().equals(data.reminderAt());
            boolean startWasDay = isDay(todo.getProperty(Property.DTSTART));
            boolean dueWasDay = isDay(todo.getProperty(Property.DUE));
            todo.removeAll(MAPPED);
            if (!keepAlarms) {
                todo.setComponentList(todo.getComponentList().removeAll(Component.VALARM));
            }
            todo.add(new DtStamp(Instant.now()));
            IcalFields.putText(todo, Property.SUMMARY, data.subject(), Summary::new);
            IcalFields.putText(todo, Property.DESCRIPTION, data.bodyText(), Description::new);
            data.start().ifPresent(s -> todo.add(day(s, startWasDay).<DtStart<?>>map(DtStart::new)
                    .orElseGet(() -> new DtStart<>(s))));
            data.due().ifPresent(d -> todo.add(day(d, dueWasDay).<Due<?>>map(Due::new).orElseGet(() -> new Due<>(d))));
            todo.add(new Status(switch (data.status()) {
                case NOT_STARTED, DEFERRED -> Status.VALUE_NEEDS_ACTION;
                case IN_PROGRESS, WAITING -> Status.VALUE_IN_PROCESS;
                case COMPLETED -> Status.VALUE_COMPLETED;
            }));
            if (data.status() == TaskStatus.WAITING || data.status() == TaskStatus.DEFERRED) {
                todo.add(new XProperty(LIAISON_STATUS, data.status().name()));
            }
            data.completedAt().ifPresent(c -> todo.add(new Completed(c)));
            IcalFields.putImportance(todo, data.importance());
            IcalFields.putSensitivity(todo, data.sensitivity());
            IcalFields.putCategories(todo, data.categories());
            IcalFields.putUrl(todo, data.crmLink());
            IcalFields.putCrmId(todo, crmId);
            data.reminderAt().filter(at -> !keepAlarms).ifPresent(at -> todo.setComponentList(todo.getComponentList()
                    .add(IcalFields.displayAlarm(new VAlarm(at), data.subject()))));
            return Ical4j.write(calendar);
        });
    }
}
