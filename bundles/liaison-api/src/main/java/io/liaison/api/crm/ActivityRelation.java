package io.liaison.api.crm;

import io.liaison.api.domain.ActivityId;
import java.util.Objects;

/**
 * That one activity relates to another: an imported mail that answers a mail imported earlier ({@link Kind#REPLY_TO}),
 * a bounce and the mail it returns ({@link Kind#RETURNS}), an invitation mail and the appointment it is about
 * ({@link Kind#INVITATION}).
 *
 * @param from the activity that relates (the reply)
 * @param to   the activity it relates to (the mail it answers)
 * @param kind how
 * @since 1.3
 */
public record ActivityRelation(ActivityId from, ActivityId to, Kind kind) {
    public ActivityRelation {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(kind, "kind");
        if (from.equals(to)) {
            throw new IllegalArgumentException("an activity does not relate to itself: " + from.value());
        }
    }

    /** How one activity relates to another. */
    public enum Kind {
        /** A mail that answers another ({@code In-Reply-To}, RFC 5322 3.6.4). */
        REPLY_TO,
        /**
         * A delivery status report (a bounce, RFC 3464) and the mail it returns, named by the Message-ID in its
         * returned-mail part.
         *
         * @since 1.3
         */
        RETURNS,
        /**
         * A mail that carries a calendar invitation, its cancellation or an answer to it (iMIP, RFC 6047) and the
         * appointment the activity sync keeps of that meeting, named by the UID of its event (RFC 5545 3.8.4.7).
         *
         * @since 1.5
         */
        INVITATION
    }
}
