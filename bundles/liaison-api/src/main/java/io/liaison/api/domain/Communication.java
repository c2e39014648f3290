package io.liaison.api.domain;

import java.util.Objects;

/**
 * One communication dataset of a contact person: an e-mail address or a phone number, as entered.
 *
 * @param type    e-mail, phone, mobile, fax or web
 * @param value   the address or number as the user typed it (normalisation is the reader's job)
 * @param primary whether it is the standard one of its type
 */
public record Communication(CommunicationType type, String value, boolean primary) {
    public Communication {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("communication value must not be blank");
        }
    }

    /** An e-mail communication. */
    public static Communication email(String address, boolean primary) {
        return new Communication(CommunicationType.EMAIL, address, primary);
    }
}
