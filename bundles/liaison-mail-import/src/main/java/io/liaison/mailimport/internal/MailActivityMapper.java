package io.liaison.mailimport.internal;

import io.liaison.api.content.ParsedMessage;
import io.liaison.api.domain.ActivityData;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.MailDetails;
import io.liaison.api.domain.StatusKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Makes the MAILIN activity of a parsed message: one message, one activity. */
final class MailActivityMapper {
    static final String NO_SUBJECT = "(no subject)";
    /** The category of a mail a program sent (a bounce, an automatic reply), so that lists can leave it out. */
    static final String AUTOMATIC_MAIL = "Automatic mail";
    /** How far a Date header may lie after the receipt before it counts as wrong (clock skew, time zones). */
    static final Duration PLAUSIBLE_AHEAD = Duration.ofDays(1);

    private final Clock clock;
    private final java.util.OptionalInt maxSubject;

    MailActivityMapper(Clock clock) {
        this(clock, java.util.OptionalInt.empty());
    }

    /** @param maxSubject the longest subject the host CRM takes, if it limits it */
    MailActivityMapper(Clock clock, java.util.OptionalInt maxSubject) {
        this.clock = clock;
        this.maxSubject = maxSubject;
    }

    ActivityData toActivity(ParsedMessage message, String sourceKey, StatusKey status, EmployeeId owner,
                            Assignment assignment, Optional<Instant> receivedAt) {
        return toActivity(message, sourceKey, status, owner, assignment, receivedAt, ActivityType.MAIL_IN);
    }

    /** @param type MAILIN, or the outgoing type for a mail the employee sent */
    ActivityData toActivity(ParsedMessage message, String sourceKey, StatusKey status, EmployeeId owner,
                            Assignment assignment, Optional<Instant> receivedAt, ActivityType type) {
        Instant when = when(message.sentAt(), receivedAt);
        // the IDs the CRM looks mails up by, in the form the keys have (domain in lower case)
        MailDetails details = new MailDetails(sourceKey, message.inReplyTo().map(MessageIds::normalised),
                message.references(), message.from(), message.fromName(), message.to(), message.cc(), message.sentAt(),
                receivedAt, message.returnedMessageId().map(MessageIds::normalised).filter(id -> !id.isEmpty()));
        List<String> notes = ParserNotes.of(message);
        return ActivityData.builder(type, owner)
                .status(status)
                .subject(fit(message.subject().isBlank() ? NO_SUBJECT : message.subject(), maxSubject))
                // what the parser noted (an encrypted body, a part left out) is shown where the user reads the mail
                .text(ParserNotes.appendToText(message.text(), notes))
                .html(ParserNotes.appendToHtml(message.html(), notes))
                .start(when)
                .businessPartner(assignment.businessPartner().orElse(null))
                .contactPerson(assignment.contactPerson().orElse(null))
                .categories(message.automated().map(a -> List.of(AUTOMATIC_MAIL)).orElse(List.of()))
                .mail(details)
                .build();
    }

    /**
     * When the mail happened for the CRM: its Date header, unless that lies more than a day after the mail was
     * received (a sender's clock years ahead, a spam trick to stay on top of the inbox), or after now when the receipt
     * is not known; then the receipt (or now). Without a Date header, the receipt, else now.
     */
    Instant when(Optional<Instant> sentAt, Optional<Instant> receivedAt) {
        Instant received = receivedAt.orElseGet(clock::instant);
        if (sentAt.isPresent() && !sentAt.get().isAfter(received.plus(PLAUSIBLE_AHEAD))) {
            return sentAt.get();
        }
        return received;
    }

    /**
     * A subject that fits the CRM: cut at the last word boundary that leaves room for "…" (within the last third of
     * the room; else in the word), so that a long mail subject never makes the create fail.
     */
    static String fit(String subject, java.util.OptionalInt max) {
        if (max.isEmpty() || subject.length() <= max.getAsInt()) {
            return subject;
        }
        int room = Math.max(1, max.getAsInt() - 1);
        int cut = room;
        int space = subject.lastIndexOf(' ', room);
        if (space >= room * 2 / 3) {
            cut = space;
        }
        if (cut > 0 && Character.isHighSurrogate(subject.charAt(cut - 1))) {
            cut--; // never half a character
        }
        return subject.substring(0, cut).stripTrailing() + "…";
    }
}
