package io.liaison.mailimport.internal;

import io.liaison.api.content.ParsedMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * What the parser noted on a mail (an unknown charset, a missing date, a password-protected attachment, an
 * encrypted body, a limit hit), bounded, for the mail's journal entry and for its activity: before, only the manual
 * import's preview showed them, and a user looking at the activity never learnt that something was left out.
 */
final class ParserNotes {
    /** At most this many notes are shown; the rest are counted. */
    static final int MAX_NOTES = 10;
    static final String HEADING = "Notes from the mail import:";

    private ParserNotes() {
    }

    /** The parser's notes on a message, then what its calendar parts ask ({@link Invitations}). */
    static List<String> of(ParsedMessage message) {
        List<String> notes = new ArrayList<>(message.problems());
        notes.addAll(Invitations.notes(message));
        return notes;
    }

    /** The notes to show: the first {@link #MAX_NOTES}, then how many more there are. */
    static List<String> shown(List<String> notes) {
        List<String> shown = new ArrayList<>(notes.subList(0, Math.min(MAX_NOTES, notes.size())));
        if (notes.size() > MAX_NOTES) {
            shown.add("and " + (notes.size() - MAX_NOTES) + " more");
        }
        return shown;
    }

    /** The mail's text with its notes after it (the text as it is when there are none). */
    static String appendToText(String text, List<String> notes) {
        if (notes.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text);
        if (!text.isEmpty()) {
            out.append("\n\n---\n");
        }
        out.append(HEADING);
        shown(notes).forEach(n -> out.append("\n- ").append(n));
        return out.toString();
    }

    /** The mail's HTML body with its notes after it; no HTML stays no HTML (the text shows them then). */
    static String appendToHtml(String html, List<String> notes) {
        if (notes.isEmpty() || html.isEmpty()) {
            return html;
        }
        StringBuilder out = new StringBuilder(html).append("<hr><p><b>").append(HEADING).append("</b></p><ul>");
        shown(notes).forEach(n -> out.append("<li>").append(escape(n)).append("</li>"));
        return out.append("</ul>").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
