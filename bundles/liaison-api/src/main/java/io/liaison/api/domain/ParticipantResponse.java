package io.liaison.api.domain;

/** A participant's answer to a meeting invitation. */
public enum ParticipantResponse {
    NONE, ACCEPTED, TENTATIVE, DECLINED
}
