package io.liaison.activitysync.internal;

/**
 * Plain texts as the two sides hold them: the CRM keeps what was typed (often CRLF), iCalendar and vCard
 * readers hand back LF (RFC 5545 3.3.11), Graph what it was given. Compared and hashed with line breaks as LF
 * and without trailing white space, so that the same text is not taken for an edit.
 */
final class Texts {

    private Texts() {
    }

    /** The text with CRLF and lone CR as LF, without trailing white space. */
    static String normalised(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').stripTrailing();
    }

    static boolean same(String a, String b) {
        return normalised(a).equals(normalised(b));
    }
}
