package io.liaison.content.internal;

/**
 * What a mail may not smuggle into the values Liaison writes elsewhere, and what a mislabelled charset must not hide.
 * A C1 control character (U+0080 to U+009F) in mail text is a Windows-1252 byte read as ISO-8859-1: senders label
 * Windows-1252 text "iso-8859-1", and every mail client and browser reads the label as Windows-1252 (the WHATWG
 * Encoding Standard maps "iso-8859-1", "latin1" and "us-ascii" to windows-1252). So such a character becomes its
 * Windows-1252 character (€ „ “ ” – — …) instead of vanishing; the five bytes Windows-1252 leaves undefined go.
 * Beyond that: A MIME encoded-word can decode to any
 * character, so a subject {@code =?UTF-8?Q?Angebot=0DURL:https://evil.example/login?=} becomes text with a bare CR,
 * which a line-based format (iCalendar, vCard) could take for the start of a property of its own. Header values are
 * made one line; bodies get LF line ends; other control characters (TAB aside) are dropped.
 */
final class ControlCharacters {

    private ControlCharacters() {
    }

    /** A header value (subject, display name) as one line: line breaks become spaces, other controls go. */
    static String oneLine(String value) {
        if (value == null || value.isEmpty() || clean(value, false)) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                    i++;
                }
                out.append(' ');
            } else if (c == '\t' || !isControl(c)) {
                out.append(c);
            } else if (isC1(c)) {
                appendWindows1252(out, c);
            }
        }
        return out.toString();
    }

    /** A body: CRLF and a lone CR become LF, other controls but TAB go. */
    static String lines(String value) {
        if (value == null || value.isEmpty() || clean(value, true)) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r') {
                if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                    i++;
                }
                out.append('\n');
            } else if (c == '\n' || c == '\t' || !isControl(c)) {
                out.append(c);
            } else if (isC1(c)) {
                appendWindows1252(out, c);
            }
        }
        return out.toString();
    }

    private static final java.nio.charset.Charset WINDOWS_1252 = java.nio.charset.Charset.forName("windows-1252");

    private static boolean isC1(char c) {
        return c >= 0x80 && c <= 0x9F;
    }

    /** The Windows-1252 character of the byte a C1 control stands for, if that byte is defined there. */
    private static void appendWindows1252(StringBuilder out, char c) {
        char mapped = new String(new byte[] {(byte) c}, WINDOWS_1252).charAt(0);
        if (mapped != '\uFFFD') {
            out.append(mapped);
        }
    }

    private static boolean clean(String value, boolean newlinesAllowed) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || (c == '\n' && !newlinesAllowed) || (c != '\n' && c != '\t' && isControl(c))) {
                return false;
            }
        }
        return true;
    }

    /** C0 controls, DEL and the C1 controls (U+0080 to U+009F). */
    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }
}
