package io.liaison.api.connector.item;

/**
 * How an event shows in its owner's free/busy time: Graph's {@code showAs} ({@code freeBusyStatus}), iCalendar's
 * {@code TRANSP} (RFC 5545 3.8.2.7: TRANSPARENT is {@link #FREE}, OPAQUE or absent is {@link #BUSY}). Graph's
 * {@code unknown} reads as {@link #BUSY}, the safe side for a filter that leaves out free time.
 */
public enum FreeBusy {
    FREE,
    TENTATIVE,
    BUSY,
    OUT_OF_OFFICE,
    WORKING_ELSEWHERE;

    /** Whether the time stays free: the event does not block the owner's calendar. */
    public boolean isFree() {
        return this == FREE;
    }
}
