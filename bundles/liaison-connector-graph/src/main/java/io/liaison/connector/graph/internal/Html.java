package io.liaison.connector.graph.internal;

/**
 * Plain text from the HTML body Graph sends when a client ignored our text preference: tags dropped, line breaks
 * kept, the common entities decoded. Good enough for a description; never used to render anything.
 */
final class Html {

    private Html() {
    }

    static String toText(String html) {
        String s = html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", "")
                .replaceAll("(?i)<br\\s*/?>", "\n").replaceAll("(?i)</p>", "\n").replaceAll("<[^>]*>", "");
        s = s.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        return s.strip();
    }
}
