package io.liaison.api.connector.item;

/** The state of a groupware task (the values Microsoft To Do and iCalendar VTODO share). */
public enum TaskStatus {
    NOT_STARTED, IN_PROGRESS, COMPLETED, WAITING, DEFERRED
}
