package io.liaison.api.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The content of an activity: what a person edits, without the id and version the host CRM keeps.
 * Strings are never null (empty when absent); optional values are {@link Optional}.
 *
 * @param type            the activity type
 * @param status          the status key
 * @param subject         the subject line
 * @param text            the body as plain text
 * @param html            the body as sanitised HTML, or empty
 * @param start           the start (appointments), the received time (mails), the start date (tasks)
 * @param end             the end (appointments)
 * @param due             the due time (tasks, follow-ups)
 * @param allDay          whether start and end are whole days
 * @param timeZone        the IANA time zone the item was planned in, e.g. {@code Europe/Berlin}
 * @param location        where it takes place, or empty
 * @param owner           the employee who owns it
 * @param businessPartner the business partner it is assigned to ("Activity with")
 * @param contactPerson   the contact person it is assigned to
 * @param participants    meeting participants
 * @param reminder        how long before the start a reminder fires
 * @param importance      low, normal or high
 * @param completedAt     when a task was completed; empty while open
 * @param categories      categories, as the groupware shows them
 * @param mail            for imported mails: the message's header data
 * @param privateActivity private: only its owner may see its details; the groupware gets it as private (an
 *                        additive field, false in activities made with the constructor without it)
 * @param calendarUid     for an appointment the activity sync brought from a groupware calendar: the iCalendar UID of
 *                        its event (RFC 5545 3.8.4.7), by which an imported invitation mail finds it
 *                        ({@code ActivityStore.findAppointment}); empty otherwise and in a CRM that does not keep it.
 *                        Since 1.4
 */
public record ActivityData(
        ActivityType type,
        StatusKey status,
        String subject,
        String text,
        String html,
        Optional<Instant> start,
        Optional<Instant> end,
        Optional<Instant> due,
        boolean allDay,
        Optional<String> timeZone,
        String location,
        EmployeeId owner,
        Optional<BusinessPartnerId> businessPartner,
        Optional<ContactPersonId> contactPerson,
        List<Participant> participants,
        Optional<Duration> reminder,
        Importance importance,
        Optional<Instant> completedAt,
        List<String> categories,
        Optional<MailDetails> mail,
        boolean privateActivity,
        Optional<String> calendarUid) {

    public ActivityData {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        subject = subject == null ? "" : subject;
        text = text == null ? "" : text;
        html = html == null ? "" : html;
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(timeZone, "timeZone");
        location = location == null ? "" : location;
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(businessPartner, "businessPartner");
        Objects.requireNonNull(contactPerson, "contactPerson");
        participants = List.copyOf(participants);
        Objects.requireNonNull(reminder, "reminder");
        importance = importance == null ? Importance.NORMAL : importance;
        Objects.requireNonNull(completedAt, "completedAt");
        categories = List.copyOf(categories);
        Objects.requireNonNull(mail, "mail");
        calendarUid = Objects.requireNonNull(calendarUid, "calendarUid").filter(uid -> !uid.isBlank());
    }

    /** An activity without a calendar UID: the canonical constructor as it was before {@code calendarUid}. */
    public ActivityData(ActivityType type, StatusKey status, String subject, String text, String html,
                        Optional<Instant> start, Optional<Instant> end, Optional<Instant> due, boolean allDay,
                        Optional<String> timeZone, String location, EmployeeId owner,
                        Optional<BusinessPartnerId> businessPartner, Optional<ContactPersonId> contactPerson,
                        List<Participant> participants, Optional<Duration> reminder, Importance importance,
                        Optional<Instant> completedAt, List<String> categories, Optional<MailDetails> mail,
                        boolean privateActivity) {
        this(type, status, subject, text, html, start, end, due, allDay, timeZone, location, owner, businessPartner,
                contactPerson, participants, reminder, importance, completedAt, categories, mail, privateActivity,
                Optional.empty());
    }

    /** An activity that is not private: the canonical constructor as it was before {@code privateActivity}. */
    public ActivityData(ActivityType type, StatusKey status, String subject, String text, String html,
                        Optional<Instant> start, Optional<Instant> end, Optional<Instant> due, boolean allDay,
                        Optional<String> timeZone, String location, EmployeeId owner,
                        Optional<BusinessPartnerId> businessPartner, Optional<ContactPersonId> contactPerson,
                        List<Participant> participants, Optional<Duration> reminder, Importance importance,
                        Optional<Instant> completedAt, List<String> categories, Optional<MailDetails> mail) {
        this(type, status, subject, text, html, start, end, due, allDay, timeZone, location, owner, businessPartner,
                contactPerson, participants, reminder, importance, completedAt, categories, mail, false);
    }

    /** Whether the activity is assigned to neither a business partner nor a contact person. */
    public boolean isUnassigned() {
        return businessPartner.isEmpty() && contactPerson.isEmpty();
    }

    /** A builder for an activity of this type and owner, with status {@code I} and every other field empty. */
    public static Builder builder(ActivityType type, EmployeeId owner) {
        return new Builder(type, owner);
    }

    /** A builder that starts from this content. */
    public Builder toBuilder() {
        Builder b = new Builder(type, owner);
        b.status = status;
        b.subject = subject;
        b.text = text;
        b.html = html;
        b.start = start;
        b.end = end;
        b.due = due;
        b.allDay = allDay;
        b.timeZone = timeZone;
        b.location = location;
        b.businessPartner = businessPartner;
        b.contactPerson = contactPerson;
        b.participants = new ArrayList<>(participants);
        b.reminder = reminder;
        b.importance = importance;
        b.completedAt = completedAt;
        b.categories = new ArrayList<>(categories);
        b.mail = mail;
        b.privateActivity = privateActivity;
        b.calendarUid = calendarUid;
        return b;
    }

    /** Builds {@link ActivityData} field by field; every setter returns the builder. */
    public static final class Builder {
        private ActivityType type;
        private EmployeeId owner;
        private StatusKey status = StatusKey.IMPORTED;
        private String subject = "";
        private String text = "";
        private String html = "";
        private Optional<Instant> start = Optional.empty();
        private Optional<Instant> end = Optional.empty();
        private Optional<Instant> due = Optional.empty();
        private boolean allDay;
        private Optional<String> timeZone = Optional.empty();
        private String location = "";
        private Optional<BusinessPartnerId> businessPartner = Optional.empty();
        private Optional<ContactPersonId> contactPerson = Optional.empty();
        private List<Participant> participants = new ArrayList<>();
        private Optional<Duration> reminder = Optional.empty();
        private Importance importance = Importance.NORMAL;
        private Optional<Instant> completedAt = Optional.empty();
        private List<String> categories = new ArrayList<>();
        private Optional<MailDetails> mail = Optional.empty();
        private boolean privateActivity;
        private Optional<String> calendarUid = Optional.empty();

        private Builder(ActivityType type, EmployeeId owner) {
            this.type = Objects.requireNonNull(type, "type");
            this.owner = Objects.requireNonNull(owner, "owner");
        }

        public Builder type(ActivityType value) { this.type = Objects.requireNonNull(value); return this; }
        public Builder owner(EmployeeId value) { this.owner = Objects.requireNonNull(value); return this; }
        public Builder status(StatusKey value) { this.status = Objects.requireNonNull(value); return this; }
        public Builder subject(String value) { this.subject = value; return this; }
        public Builder text(String value) { this.text = value; return this; }
        public Builder html(String value) { this.html = value; return this; }
        public Builder start(Instant value) { this.start = Optional.ofNullable(value); return this; }
        public Builder end(Instant value) { this.end = Optional.ofNullable(value); return this; }
        public Builder due(Instant value) { this.due = Optional.ofNullable(value); return this; }
        public Builder allDay(boolean value) { this.allDay = value; return this; }
        public Builder timeZone(String value) { this.timeZone = Optional.ofNullable(value); return this; }
        public Builder location(String value) { this.location = value; return this; }
        public Builder businessPartner(BusinessPartnerId value) { this.businessPartner = Optional.ofNullable(value); return this; }
        public Builder contactPerson(ContactPersonId value) { this.contactPerson = Optional.ofNullable(value); return this; }
        public Builder participants(List<Participant> value) { this.participants = new ArrayList<>(value); return this; }
        public Builder reminder(Duration value) { this.reminder = Optional.ofNullable(value); return this; }
        public Builder importance(Importance value) { this.importance = value; return this; }
        public Builder completedAt(Instant value) { this.completedAt = Optional.ofNullable(value); return this; }
        public Builder categories(List<String> value) { this.categories = new ArrayList<>(value); return this; }
        public Builder mail(MailDetails value) { this.mail = Optional.ofNullable(value); return this; }
        public Builder privateActivity(boolean value) { this.privateActivity = value; return this; }
        public Builder calendarUid(String value) { this.calendarUid = Optional.ofNullable(value); return this; }

        public ActivityData build() {
            return new ActivityData(type, status, subject, text, html, start, end, due, allDay, timeZone, location,
                    owner, businessPartner, contactPerson, participants, reminder, importance, completedAt,
                    categories, mail, privateActivity, calendarUid);
        }
    }
}
