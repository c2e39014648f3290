package io.liaison.api.domain;

/** How important an activity or groupware item is; the three levels Outlook, iCalendar and CRMs share. */
public enum Importance {
    LOW, NORMAL, HIGH
}
