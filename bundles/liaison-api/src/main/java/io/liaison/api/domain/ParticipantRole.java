package io.liaison.api.domain;

/** The part a participant plays in a meeting. */
public enum ParticipantRole {
    ORGANIZER, REQUIRED, OPTIONAL, RESOURCE
}
