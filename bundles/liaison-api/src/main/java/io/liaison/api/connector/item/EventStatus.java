package io.liaison.api.connector.item;

/**
 * Whether an event takes place: iCalendar's {@code STATUS} of a VEVENT (RFC 5545 3.8.1.11: TENTATIVE, CONFIRMED,
 * CANCELLED), Graph's {@code isCancelled}. An event without a status is {@link #CONFIRMED}; Graph knows no tentative
 * event (its "tentative" is a free/busy state, {@link FreeBusy#TENTATIVE}).
 */
public enum EventStatus {
    CONFIRMED,
    TENTATIVE,
    CANCELLED
}
