package io.liaison.api.domain;

import java.util.Objects;

/**
 * An employee of the host CRM: a user whose groupware Liaison synchronises and in whose name it acts.
 *
 * @param id          the CRM's id
 * @param login       the CRM login name
 * @param displayName the name shown to people
 * @param email       the employee's own mail address, or empty
 */
public record Employee(EmployeeId id, String login, String displayName, String email) {
    public Employee {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(login, "login");
        displayName = displayName == null ? "" : displayName;
        email = email == null ? "" : email;
    }
}
