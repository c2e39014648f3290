package io.liaison.connector.graph.internal;

import java.util.Optional;

/**
 * What links an Outlook event to the CRM, in the one extended property an event read expands: the CRM link and the
 * CRM id, written {@code <link> id} (RFC 3986 appendix C's angle brackets around the URI, which can hold neither
 * {@code >} nor a space; the id follows as it is, whatever it holds). {@code <>} is an unlinked item.
 *
 * <p>Items written before held the bare link (or nothing, as empty text) in this property and the id only in its own
 * property: such a value never starts with {@code <}, so it is read as {@linkplain #legacyLink a legacy link}, and the
 * id is then read from the CRM-id property in a second request.
 */
record CrmReference(Optional<String> crmId, Optional<String> link) {

    String encoded() {
        return "<" + link.orElse("") + ">" + crmId.filter(id -> !id.isEmpty()).map(id -> " " + id).orElse("");
    }

    /** The reference this value holds, or empty when it is a legacy value (a bare link, or empty text). */
    static Optional<CrmReference> decode(String value) {
        int close = value.indexOf('>');
        if (!value.startsWith("<") || close < 0) {
            return Optional.empty();
        }
        String link = value.substring(1, close);
        String rest = value.substring(close + 1);
        String id = rest.startsWith(" ") ? rest.substring(1) : rest;
        return Optional.of(new CrmReference(Optional.of(id).filter(s -> !s.isEmpty()), Optional.of(link).filter(s -> !s.isEmpty())));
    }

    /** A legacy value's link: the bare link, none for empty text. */
    static Optional<String> legacyLink(String value) {
        return Optional.of(value).filter(s -> !s.isEmpty());
    }
}
