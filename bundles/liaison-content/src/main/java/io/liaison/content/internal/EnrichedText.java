package io.liaison.content.internal;

import java.util.Locale;

/**
 * The text of a text/enriched body (RFC 1896), as a reader sees it: formatting commands ({@code <bold>},
 * {@code </bold>}, ...) are dropped with what a {@code <param>} carries, {@code <<} is a "<", and line breaks follow
 * the RFC's fill rule: a single line break is a space, a run of n line breaks is n-1 of them; inside {@code <nofill>}
 * line breaks stay as written. Some mailers (older Apple Mail, Eudora) send bodies only in this form.
 */
final class EnrichedText {

    private EnrichedText() {
    }

    static String toText(String enriched) {
        StringBuilder out = new StringBuilder(enriched.length());
        int nofill = 0;
        int i = 0;
        int n = enriched.length();
        while (i < n) {
            char c = enriched.charAt(i);
            if (c == '<') {
                if (i + 1 < n && enriched.charAt(i + 1) == '<') {
                    out.append('<');
                    i += 2;
                    continue;
                }
                int end = enriched.indexOf('>', i);
                if (end < 0) {
                    out.append(enriched, i, n); // not a command: an unbalanced "<" is text
                    break;
                }
                String command = enriched.substring(i + 1, end).strip().toLowerCase(Locale.ROOT);
                i = end + 1;
                if (command.equals("param")) {
                    int close = enriched.toLowerCase(Locale.ROOT).indexOf("</param>", i);
                    i = close < 0 ? n : close + "</param>".length();
                } else if (command.equals("nofill")) {
                    nofill++;
                } else if (command.equals("/nofill")) {
                    nofill = Math.max(0, nofill - 1);
                }
                continue;
            }
            if (c == '\r' || c == '\n') {
                int breaks = 0;
                while (i < n && (enriched.charAt(i) == '\r' || enriched.charAt(i) == '\n')) {
                    if (enriched.charAt(i) == '\r' && i + 1 < n && enriched.charAt(i + 1) == '\n') {
                        i++;
                    }
                    breaks++;
                    i++;
                }
                if (nofill > 0) {
                    out.append("\n".repeat(breaks));
                } else {
                    out.append(breaks == 1 ? " " : "\n".repeat(breaks - 1));
                }
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }
}
