package io.liaison.mailimport.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * File names for the documents of one mail: the original message first, then the attachments, each unique
 * within the mail ("scan.pdf", "scan (2).pdf") and always the same for the same message, so that a repeated
 * import can tell which documents are stored already.
 */
final class DocumentNames {
    private static final int MAX_LENGTH = 200;

    private DocumentNames() {
    }

    /** The name of the stored original: the file's own name, or the subject with the type's extension. */
    static String original(String messageName, String subject, boolean outlook) {
        String extension = outlook ? ".msg" : ".eml";
        String lower = messageName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".eml") || lower.endsWith(".msg")) {
            return clean(messageName);
        }
        String base = subject.isBlank() ? "message" : subject;
        return clean(base) + extension;
    }

    /** Unique, cleaned names for the given names, in the same order; {@code taken} are already used. */
    static List<String> unique(List<String> names, Set<String> taken) {
        Set<String> used = new HashSet<>();
        taken.forEach(t -> used.add(t.toLowerCase(Locale.ROOT)));
        List<String> result = new ArrayList<>(names.size());
        for (String raw : names) {
            String name = clean(raw);
            String candidate = name;
            for (int n = 2; used.contains(candidate.toLowerCase(Locale.ROOT)); n++) {
                candidate = numbered(name, n);
            }
            used.add(candidate.toLowerCase(Locale.ROOT));
            result.add(candidate);
        }
        return result;
    }

    /**
     * The explicit directional formatting characters of Unicode's bidirectional algorithm (UAX #9, 2.1-2.7): ALM,
     * LRM, RLM, LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI.
     */
    static boolean isBidiControl(int c) {
        return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069);
    }

    private static String numbered(String name, int n) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) + " (" + n + ")" + name.substring(dot) : name + " (" + n + ")";
    }

    /**
     * No path separators or control characters, no bidirectional formatting characters (a right-to-left override
     * makes "invoice\u202Efdp.exe" show as "invoiceexe.pdf"), bounded length, never empty.
     */
    static String clean(String name) {
        StringBuilder sb = new StringBuilder(Math.min(name.length(), MAX_LENGTH));
        name.strip().codePoints()
                .filter(c -> !isBidiControl(c))
                .map(c -> c == '/' || c == '\\' || c == ':' || Character.isISOControl(c) ? '_' : c)
                .forEach(sb::appendCodePoint);
        String cleaned = sb.toString();
        if (cleaned.isBlank() || cleaned.equals(".") || cleaned.equals("..")) {
            return "attachment";
        }
        if (cleaned.length() > MAX_LENGTH) {
            int dot = cleaned.lastIndexOf('.');
            String ext = dot > 0 && cleaned.length() - dot <= 10 ? cleaned.substring(dot) : "";
            cleaned = cleaned.substring(0, MAX_LENGTH - ext.length()) + ext;
        }
        return cleaned;
    }
}
