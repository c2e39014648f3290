package io.liaison.api.domain;

/** The kind of a communication dataset of a contact person. */
public enum CommunicationType {
    EMAIL, PHONE, MOBILE, FAX, WEB
}
