package io.liaison.connector.graph.internal;

import java.util.Locale;

/**
 * Plain text from the HTML body Graph sends when a client ignored our text preference: tags dropped, line breaks
 * kept, the common entities decoded. Good enough for a description; never used to render anything. One pass over
 * the input: regular expressions with backtracking took quadratic time on bodies full of unclosed tags.
 */
final class Html {

    private Html() {
    }

    static String toText(String html) {
        String lower = html.toLowerCase(Locale.ROOT);
        if (lower.length() != html.length()) {
            lower = asciiLower(html); // a few characters change length in lower case: keep the indexes aligned
        }
        StringBuilder text = new StringBuilder(html.length());
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c != '<') {
                text.append(c);
                i++;
                continue;
            }
            int end = html.indexOf('>', i + 1);
            if (end < 0) {
                text.append(html, i, html.length()); // a '<' that opens no tag ("a < b") is text
                break;
            }
            String tag = tagName(lower, i + 1, end);
            if (tag.equals("script") || tag.equals("style")) {
                int close = lower.indexOf("</" + tag, end + 1);
                int closeEnd = close < 0 ? -1 : html.indexOf('>', close);
                i = closeEnd < 0 ? html.length() : closeEnd + 1; // an unclosed script: the rest is script
                continue;
            }
            if (tag.equals("br") || tag.equals("/p")) {
                text.append('\n');
            }
            i = end + 1;
        }
        String s = text.toString();
        s = s.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        return s.strip();
    }

    /** The tag's name as written between {@code <} and the first blank, {@code /} after the name, or {@code >}. */
    private static String tagName(String lower, int from, int end) {
        int i = from;
        if (i < end && lower.charAt(i) == '/') {
            i++;
        }
        int nameEnd = i;
        while (nameEnd < end && Character.isLetterOrDigit(lower.charAt(nameEnd))) {
            nameEnd++;
        }
        return lower.substring(from, nameEnd);
    }

    private static String asciiLower(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] = (char) (chars[i] + 32);
            }
        }
        return new String(chars);
    }
}
