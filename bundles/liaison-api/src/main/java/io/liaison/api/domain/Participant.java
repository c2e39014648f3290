package io.liaison.api.domain;

import java.util.Objects;

/**
 * A person taking part in a meeting, named by e-mail address.
 *
 * @param email    the address; the key that matches a participant across systems
 * @param name     the display name, or empty
 * @param role     organizer, required, optional or resource
 * @param response the answer to the invitation
 */
public record Participant(String email, String name, ParticipantRole role, ParticipantResponse response) {
    public Participant {
        Objects.requireNonNull(email, "email");
        name = name == null ? "" : name;
        role = role == null ? ParticipantRole.REQUIRED : role;
        response = response == null ? ParticipantResponse.NONE : response;
    }
}
