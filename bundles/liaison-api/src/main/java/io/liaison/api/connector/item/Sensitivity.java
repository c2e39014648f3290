package io.liaison.api.connector.item;

/**
 * How private a groupware item is, as its owner marked it: Graph's {@code sensitivity}, iCalendar's {@code CLASS}
 * (RFC 5545 3.8.1.3, which knows PUBLIC, PRIVATE and CONFIDENTIAL; PUBLIC is {@link #NORMAL}). A connector whose
 * groupware has no such mark for an item reports {@link #NORMAL}.
 */
public enum Sensitivity {
    NORMAL,
    PERSONAL,
    PRIVATE,
    CONFIDENTIAL;

    /** Whether colleagues must not read the item's details: private or confidential. */
    public boolean isPrivate() {
        return this == PRIVATE || this == CONFIDENTIAL;
    }
}
