package io.liaison.content.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;

/**
 * Takes the HTML back out of an RTF body that encapsulates it ({@code \fromhtml1}), as Outlook stores most HTML
 * mails in a {@code .msg} file: there is no HTML property, only compressed RTF whose {@code \htmltag} groups hold
 * the original markup and whose {@code \htmlrtf} regions hold RTF-only formatting to be dropped. The algorithm is
 * the de-encapsulation of [MS-OXRTFEX] 2.1.3.1: text outside suppressed regions and the content of
 * {@code \htmltag} destinations are the HTML; other destinations are skipped. Output is bounded; the caller
 * sanitises the HTML as any other.
 */
final class RtfHtmlDecapsulator {

    /** Destinations whose content is never HTML (font and colour tables, pictures, metadata …). */
    private static final Set<String> SKIPPED_DESTINATIONS = Set.of("fonttbl", "colortbl", "stylesheet", "info",
            "pict", "object", "header", "footer", "listtable", "listoverridetable", "rsidtbl", "generator",
            "xmlnstbl", "themedata", "datastore", "latentstyles", "mhtmltag", "pgdsctbl", "filetbl", "revtbl");

    private final String rtf;
    private final int maxChars;
    private final StringBuilder html = new StringBuilder();
    private final ByteArrayOutputStream pendingBytes = new ByteArrayOutputStream();
    private Charset codepage = Charset.forName("windows-1252");
    private int pos;

    /** The state of one RTF group; a nested group starts with its parent's. */
    private static final class Group {
        boolean suppressed;
        boolean skipped;
        boolean htmlTag;
        int unicodeSkip = 1;
        boolean destinationPending;

        Group copy() {
            Group g = new Group();
            g.suppressed = suppressed;
            g.skipped = skipped;
            g.htmlTag = htmlTag;
            g.unicodeSkip = unicodeSkip;
            return g;
        }
    }

    private RtfHtmlDecapsulator(String rtf, int maxChars) {
        this.rtf = rtf;
        this.maxChars = maxChars;
    }

    /**
     * The encapsulated HTML, or empty when the RTF does not encapsulate HTML.
     *
     * @param rtf      the decompressed RTF
     * @param maxChars the most characters of HTML to return; the rest is cut off
     */
    static Optional<String> decapsulate(String rtf, int maxChars) {
        if (rtf == null || !rtf.startsWith("{\\rtf") || !rtf.substring(0, Math.min(rtf.length(), 1024)).contains("\\fromhtml")) {
            return Optional.empty();
        }
        RtfHtmlDecapsulator d = new RtfHtmlDecapsulator(rtf, maxChars);
        d.run();
        String result = d.html.toString();
        return result.isBlank() ? Optional.empty() : Optional.of(result);
    }

    private void run() {
        Deque<Group> groups = new ArrayDeque<>();
        Group current = new Group();
        while (pos < rtf.length() && html.length() < maxChars) {
            char c = rtf.charAt(pos);
            if (c == '{') {
                flushBytes();
                groups.push(current);
                current = current.copy();
                current.destinationPending = true;
                pos++;
            } else if (c == '}') {
                flushBytes();
                current = groups.isEmpty() ? new Group() : groups.pop();
                pos++;
            } else if (c == '\\') {
                current = controlWord(current);
            } else if (c == '\r' || c == '\n') {
                pos++; // line breaks in RTF source are not text
            } else {
                current.destinationPending = false;
                if (emits(current)) {
                    flushBytes();
                    html.append(c);
                }
                pos++;
            }
        }
        flushBytes();
    }

    private static boolean emits(Group g) {
        return !g.skipped && (g.htmlTag || !g.suppressed);
    }

    /** Reads one control word or symbol at {@code pos} and applies it; returns the group state to go on with. */
    private Group controlWord(Group g) {
        pos++; // the backslash
        if (pos >= rtf.length()) {
            return g;
        }
        char c = rtf.charAt(pos);
        if (!Character.isLetter(c)) {
            pos++;
            return controlSymbol(g, c);
        }
        int start = pos;
        while (pos < rtf.length() && Character.isLetter(rtf.charAt(pos))) {
            pos++;
        }
        String word = rtf.substring(start, pos);
        Integer parameter = null;
        int numberStart = pos;
        if (pos < rtf.length() && (rtf.charAt(pos) == '-' || Character.isDigit(rtf.charAt(pos)))) {
            pos++;
            while (pos < rtf.length() && Character.isDigit(rtf.charAt(pos))) {
                pos++;
            }
            try {
                parameter = Integer.parseInt(rtf.substring(numberStart, pos));
            } catch (NumberFormatException e) {
                parameter = null;
            }
        }
        if (pos < rtf.length() && rtf.charAt(pos) == ' ') {
            pos++; // the delimiter belongs to the control word
        }
        boolean first = g.destinationPending;
        g.destinationPending = false;
        switch (word) {
            case "htmltag" -> {
                g.htmlTag = true;
                g.skipped = false;
            }
            case "htmlrtf" -> g.suppressed = parameter == null || parameter != 0;
            case "ansicpg" -> codepage = charset(parameter);
            case "uc" -> g.unicodeSkip = parameter == null ? 1 : Math.max(0, parameter);
            case "u" -> {
                if (parameter != null && emits(g)) {
                    flushBytes();
                    html.append((char) (parameter < 0 ? parameter + 65536 : parameter));
                }
                skipFallback(g.unicodeSkip);
            }
            case "par", "line" -> text(g, "\r\n");
            case "tab" -> text(g, "\t");
            case "lquote" -> text(g, "\u2018");
            case "rquote" -> text(g, "\u2019");
            case "ldblquote" -> text(g, "\u201C");
            case "rdblquote" -> text(g, "\u201D");
            case "bullet" -> text(g, "\u2022");
            case "endash" -> text(g, "\u2013");
            case "emdash" -> text(g, "\u2014");
            default -> {
                if (first && SKIPPED_DESTINATIONS.contains(word) && !g.htmlTag) {
                    g.skipped = true;
                }
            }
        }
        return g;
    }

    private Group controlSymbol(Group g, char c) {
        boolean first = g.destinationPending;
        g.destinationPending = false;
        switch (c) {
            case '\'' -> {
                if (pos + 2 <= rtf.length()) {
                    try {
                        int b = Integer.parseInt(rtf.substring(pos, pos + 2), 16);
                        if (emits(g)) {
                            pendingBytes.write(b);
                        }
                    } catch (NumberFormatException e) {
                        // not a hex escape: ignored, as RTF readers do
                    }
                    pos += 2;
                }
            }
            case '*' -> {
                // an ignorable destination: skipped unless it turns out to be \htmltag
                if (first) {
                    int save = pos;
                    while (save < rtf.length() && rtf.charAt(save) == ' ') {
                        save++;
                    }
                    if (!rtf.startsWith("\\htmltag", save)) {
                        g.skipped = true;
                    }
                    g.destinationPending = true;
                }
            }
            case '~' -> text(g, "\u00A0");
            case '_' -> text(g, "-");
            case '-' -> {
                // optional hyphen: nothing
            }
            case '\\', '{', '}' -> text(g, String.valueOf(c));
            case '\r', '\n' -> text(g, "\r\n");
            default -> {
                // other symbols carry no text
            }
        }
        return g;
    }

    private void text(Group g, String s) {
        if (emits(g)) {
            flushBytes();
            html.append(s);
        }
    }

    /** After {@code \\uN}, the fallback characters for readers without Unicode are skipped. */
    private void skipFallback(int count) {
        for (int i = 0; i < count && pos < rtf.length(); i++) {
            char c = rtf.charAt(pos);
            if (c == '\\' && pos + 1 < rtf.length() && rtf.charAt(pos + 1) == '\'') {
                pos += 4;
            } else if (c == '{' || c == '}' || c == '\\') {
                return;
            } else {
                pos++;
            }
        }
    }

    /** Decodes the bytes of consecutive hex escapes together, so that multi-byte code pages come out right. */
    private void flushBytes() {
        if (pendingBytes.size() > 0) {
            html.append(new String(pendingBytes.toByteArray(), codepage));
            pendingBytes.reset();
        }
    }

    private static Charset charset(Integer ansicpg) {
        if (ansicpg == null) {
            return Charset.forName("windows-1252");
        }
        if (ansicpg == 65001) {
            return StandardCharsets.UTF_8;
        }
        for (String name : new String[] {"windows-" + ansicpg, "cp" + ansicpg, "x-windows-" + ansicpg}) {
            try {
                return Charset.forName(name);
            } catch (RuntimeException e) {
                // try the next spelling
            }
        }
        return Charset.forName("windows-1252");
    }
}
