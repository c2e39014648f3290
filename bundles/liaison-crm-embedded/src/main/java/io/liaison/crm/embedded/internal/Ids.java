package io.liaison.crm.embedded.internal;

import java.util.Optional;

/** The embedded CRM's ids are the decimal numbers of its rows; an id of any other form names nothing here. */
final class Ids {
    private Ids() {
    }

    static Optional<Long> parse(String value) {
        if (value.isEmpty() || value.length() > 18) {
            return Optional.empty();
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return Optional.empty();
            }
        }
        return Optional.of(Long.parseLong(value));
    }

    static String format(long id) {
        return Long.toString(id);
    }
}
