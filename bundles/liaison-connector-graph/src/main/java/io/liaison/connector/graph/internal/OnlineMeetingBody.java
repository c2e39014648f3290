package io.liaison.connector.graph.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The body of an online meeting: the CRM's text, then the meeting block Teams adds (a line of underscores, the join
 * link, another line). "Update event" (https://learn.microsoft.com/en-us/graph/api/event-update, "body property and
 * online meetings") says that a body written without that block disables the meeting, so only the part before the
 * block is ours: it is what the CRM sees, and all a CRM edit replaces.
 *
 * <p>The block starts at the first line of 20 or more underscores (Teams draws its separator that way, in the HTML
 * as in Graph's text conversion); in the HTML, at the element that holds that line.
 */
final class OnlineMeetingBody {

    private static final Pattern SEPARATOR = Pattern.compile("_{20,}");
    private static final Pattern BODY_TAG = Pattern.compile("(?i)<body\\b[^>]*>");

    private OnlineMeetingBody() {
    }

    /** The text before the meeting block (all of it when there is no block). */
    static String crmText(String text) {
        Matcher separator = SEPARATOR.matcher(text);
        return separator.find() ? text.substring(0, separator.start()).strip() : text;
    }

    /**
     * The HTML body with the part before the meeting block replaced by {@code text}; empty when the HTML shows no
     * meeting block, so that nothing is written that could lose the meeting.
     */
    static Optional<String> withCrmText(String html, String text) {
        Matcher separator = SEPARATOR.matcher(html);
        if (!separator.find()) {
            return Optional.empty();
        }
        int block = html.lastIndexOf("<div", separator.start());
        Matcher bodyTag = BODY_TAG.matcher(html);
        int ours = bodyTag.find() && bodyTag.end() <= separator.start() ? bodyTag.end() : 0;
        if (block < ours) {
            block = separator.start();
        }
        return Optional.of(html.substring(0, ours) + toHtml(text) + "<div><br></div>" + html.substring(block));
    }

    private static String toHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("\r\n", "\n").replace("\n", "<br>");
    }
}
