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

    MailActivityMapper(Clock clock) {
        this.clock = clock;
    }

    ActivityData toActivity(ParsedMessage message, String sourceKey, StatusKey status, EmployeeId owner,
                            Assignment assignment, Optional<Instant> receivedAt) {
        return toActivity(message, sourceKey, status, owner, assignment, receivedAt, ActivityType.MAIL_IN);
    }

    /** @param type MAILIN, or the outgoing type for a mail the employee sent */
    ActivityData toActivity(ParsedMessage message, String sourceKey, StatusKey status, EmployeeId owner,
                            Assignment assignment, Optional<Instant> receivedAt, ActivityType type) {
        Instant when = when(message.sentAt(), receivedAt);
        MailDetails details = new MailDetails(sourceKey, message.inReplyTo(), message.references(), message.from(),
                message.fromName(), message.to(), message.cc(), message.sentAt(), receivedAt);
        return ActivityData.builder(type, owner)
                .status(status)
                .subject(message.subject().isBlank() ? NO_SUBJECT : message.subject())
                .text(message.text())
                .html(message.html())
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
}
