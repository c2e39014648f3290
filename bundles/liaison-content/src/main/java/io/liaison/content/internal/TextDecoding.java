package io.liaison.content.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;

/**
 * Reads a bounded text part in its declared charset. A charset Java does not know, or text that is not
 * valid in it, is read as UTF-8 when it is valid UTF-8 and as windows-1252 otherwise, and a problem is noted.
 * The labels of ISO-8859-1 are read as windows-1252, as the WHATWG Encoding Standard and every mail client do
 * (senders label Windows-1252 text so; read as ISO-8859-1, € „ “ – would become invisible control characters),
 * and text so labelled that is valid UTF-8 with non-ASCII characters is UTF-8 mislabelled (Latin-1 text is almost
 * never valid UTF-8), read as UTF-8 with a note.
 */
final class TextDecoding {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextDecoding() {
    }

    /**
     * Reads at most {@code maxChars * 4} bytes of {@code in} (the rest is read and dropped) and decodes them.
     *
     * @param declared the charset the part declares, may be null or empty
     * @param problems where to note a fallback
     */
    static String read(InputStream in, String declared, int maxChars, List<String> problems) throws IOException {
        long maxBytes = (long) maxChars * 4;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        int n;
        boolean cut = false;
        while ((n = in.read(buffer)) > 0) {
            int keep = (int) Math.max(0, Math.min(n, maxBytes - bytes.size()));
            bytes.write(buffer, 0, keep);
            cut |= keep < n;
        }
        if (cut) {
            // the cut may split a character: decode leniently, the builder notes the cut
            Charset charset = charset(declared == null ? "" : declared.strip());
            return new String(bytes.toByteArray(), charset == null ? StandardCharsets.UTF_8 : charset);
        }
        return decode(bytes.toByteArray(), declared, problems);
    }

    static String decode(byte[] bytes, String declared, List<String> problems) {
        String name = declared == null ? "" : declared.strip().toLowerCase(Locale.ROOT);
        if (name.isEmpty() || name.equals("us-ascii") || name.equals("ascii")) {
            // undeclared or ASCII: 8-bit bytes are usually UTF-8 or windows-1252 in practice
            return strict(bytes, StandardCharsets.UTF_8) != null ? strict(bytes, StandardCharsets.UTF_8)
                    : new String(bytes, WINDOWS_1252);
        }
        if (LATIN_1_LABELS.contains(name)) {
            return latin1(bytes, declared, problems);
        }
        Charset charset = charset(name);
        if (charset == null) {
            problems.add("unknown charset '" + shorten(declared) + "'; text read as " + fallbackName(bytes));
            return fallback(bytes);
        }
        String strict = strict(bytes, charset);
        if (strict != null) {
            return strict;
        }
        problems.add("text not valid in its charset '" + shorten(declared) + "'; read as " + fallbackName(bytes));
        return fallback(bytes);
    }

    /** The labels the WHATWG Encoding Standard gives windows-1252 that name ISO-8859-1. */
    private static final java.util.Set<String> LATIN_1_LABELS = java.util.Set.of("iso-8859-1", "iso8859-1",
            "iso_8859-1", "iso88591", "iso_8859-1:1987", "latin1", "l1", "cp819", "ibm819", "csisolatin1",
            "iso-ir-100");

    private static String latin1(byte[] bytes, String declared, List<String> problems) {
        if (hasNonAscii(bytes)) {
            String utf8 = strict(bytes, StandardCharsets.UTF_8);
            if (utf8 != null) {
                problems.add("text labelled '" + shorten(declared) + "' is UTF-8; read as UTF-8");
                return utf8;
            }
        }
        String windows1252 = strict(bytes, WINDOWS_1252);
        // the five bytes windows-1252 leaves undefined: read as ISO-8859-1 (control characters, dropped later)
        return windows1252 != null ? windows1252 : new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static boolean hasNonAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    static void drain(InputStream in) throws IOException {
        in.transferTo(OutputStream.nullOutputStream());
    }

    private static Charset charset(String name) {
        if (name.isEmpty()) {
            return null;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    private static String strict(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String fallback(byte[] bytes) {
        String utf8 = strict(bytes, StandardCharsets.UTF_8);
        return utf8 != null ? utf8 : new String(bytes, WINDOWS_1252);
    }

    private static String fallbackName(byte[] bytes) {
        return strict(bytes, StandardCharsets.UTF_8) != null ? "UTF-8" : "windows-1252";
    }

    static String shorten(String value) {
        String v = value.replaceAll("\\p{Cntrl}", "?");
        return v.length() > 60 ? v.substring(0, 60) + "…" : v;
    }
}
