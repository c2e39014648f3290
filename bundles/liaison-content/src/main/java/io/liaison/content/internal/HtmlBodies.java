package io.liaison.content.internal;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeVisitor;

/**
 * Sanitises HTML mail bodies with jsoup's allow-list cleaner and turns HTML into plain text.
 *
 * <p>Allowed: jsoup's "relaxed" formatting and table elements. Not allowed: scripts, styles, forms, frames,
 * event handlers, {@code javascript:} links, and images from the web (tracking pixels); inline images
 * referenced by {@code cid:} stay, and so do images in {@code data:} URIs (the inline images resolved into the body,
 * see {@link InlineImages}; an image element runs no script, whatever its data). Links get {@code rel="nofollow noopener noreferrer"}.
 */
final class HtmlBodies {

    private static final Safelist SAFELIST = Safelist.relaxed()
            .removeProtocols("img", "src", "http", "https")
            .addProtocols("img", "src", "cid", "data")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer");

    private HtmlBodies() {
    }

    /** The body of {@code html}, with only allowed elements and attributes left. */
    static String sanitize(String html) {
        if (html.isBlank()) {
            return "";
        }
        Document dirty = Jsoup.parse(html);
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }

    /** The text a reader sees in {@code html}, with line breaks for blocks and {@code <br>}. */
    static String toText(String html) {
        if (html.isBlank()) {
            return "";
        }
        Document document = Jsoup.parse(html);
        document.select("script, style, head, title").remove();
        StringBuilder text = new StringBuilder();
        document.body().traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    text.append(textNode.text());
                } else if (node instanceof Element element && (element.nameIs("br") || element.isBlock())) {
                    newline(text);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && element.isBlock()) {
                    newline(text);
                }
            }
        });
        return text.toString().replaceAll("[ \\t\\x0B\\f\\u00A0]+", " ").replaceAll(" ?\\n ?", "\n")
                .replaceAll("\\n{3,}", "\n\n").strip();
    }

    private static void newline(StringBuilder text) {
        if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
    }
}
