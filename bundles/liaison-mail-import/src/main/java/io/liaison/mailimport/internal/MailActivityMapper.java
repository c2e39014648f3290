package io.liaison.mailimport.internal;

import io.liaison.api.content.ParsedMessage;
import io.liaison.api.domain.ActivityData;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.MailDetails;
import io.liaison.api.domain.StatusKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Makes the MAILIN activity of a parsed message: one message, one activity. */
final class MailActivityMapper {
    static final String NO_SUBJECT = "(no subject)";

    private final Clock clock;

    MailActivityMapper(Clock clock) {
        this.clock = clock;
    }

    ActivityData toActivity(ParsedMessage message, String sourceKey, StatusKey status, EmployeeId owner,
                            Assignment assignment, Optional<Instant> receivedAt) {
        Instant when = message.sentAt().or(() -> receivedAt).orElseGet(clock::instant);
        MailDetails details = new MailDetails(sourceKey, message.inReplyTo(), message.references(), message.from(),
                message.fromName(), message.to(), message.cc(), message.sentAt(), receivedAt);
        return ActivityData.builder(ActivityType.MAIL_IN, owner)
                .status(status)
                .subject(message.subject().isBlank() ? NO_SUBJECT : message.subject())
                .text(message.text())
                .html(message.html())
                .start(when)
                .businessPartner(assignment.businessPartner().orElse(null))
                .contactPerson(assignment.contactPerson().orElse(null))
                .mail(details)
                .build();
    }
}
