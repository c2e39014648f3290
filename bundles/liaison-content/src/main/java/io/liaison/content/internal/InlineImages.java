package io.liaison.content.internal;

import io.liaison.api.content.ParsedAttachment;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Images an HTML body shows in its place ({@code <img src="cid:...">}, RFC 2392): resolved into the body as
 * {@code data:} URIs, so that the body displays as the sender wrote it and a signature's logos do not become a dozen
 * "Image" documents. Only raster images the body references are taken, each while the body's allowance lasts (the
 * text limit, in characters of the encoded images); any other attachment, an image the body does not reference
 * included, stays a document.
 */
final class InlineImages {
    /** Raster types a browser shows from a data: URI; SVG is left out (it can carry script). */
    private static final Set<String> TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp",
            "image/bmp");
    private static final Pattern CID = Pattern.compile("(?i)cid:([^\"'\\s>)]+)");

    private InlineImages() {
    }

    /**
     * The HTML with the images it references replaced by data: URIs; the images taken are removed from
     * {@code attachments} and released.
     *
     * @param maxChars the most characters of encoded images the body may take
     */
    static String resolve(String html, List<ParsedAttachment> attachments, long maxChars, MessageBuilder message) {
        Set<String> referenced = new HashSet<>();
        Matcher m = CID.matcher(html);
        while (m.find()) {
            referenced.add(decode(m.group(1)));
        }
        if (referenced.isEmpty()) {
            return html;
        }
        String resolved = html;
        long left = maxChars;
        for (Iterator<ParsedAttachment> it = attachments.iterator(); it.hasNext(); ) {
            if (!(it.next() instanceof SpooledAttachment image) || image.contentId().isEmpty()
                    || !referenced.contains(image.contentId().get()) || !TYPES.contains(image.mediaType())) {
                continue;
            }
            long encoded = (image.size() + 2) / 3 * 4;
            if (encoded > left) {
                message.problem("inline image '" + image.fileName() + "' is kept as a document: the images of the "
                        + "body would exceed the limit of " + maxChars + " characters");
                continue;
            }
            String uri;
            try (InputStream in = image.open()) {
                uri = "data:" + image.mediaType() + ";base64," + Base64.getEncoder().encodeToString(in.readAllBytes());
            } catch (IOException e) {
                continue; // stays a document
            }
            left -= encoded;
            resolved = replaceReferences(resolved, image.contentId().get(), uri);
            it.remove();
            image.close();
        }
        return resolved;
    }

    /** A cid: URL's Content-ID: %-escapes decoded, a '+' kept (it is no space in a URL's path). */
    private static String decode(String url) {
        try {
            return URLDecoder.decode(url.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    private static String replaceReferences(String html, String contentId, String uri) {
        Matcher m = CID.matcher(html);
        StringBuilder out = new StringBuilder(html.length() + uri.length());
        while (m.find()) {
            boolean same = decode(m.group(1)).equals(contentId);
            m.appendReplacement(out, Matcher.quoteReplacement(same ? uri : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
