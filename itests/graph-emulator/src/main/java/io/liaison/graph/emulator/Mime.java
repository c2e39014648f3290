package io.liaison.graph.emulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small, bounded RFC 5322 / MIME reader: just what the message resource needs. */
final class Mime {

    private static final int MAX_BODY_CHARS = 1_000_000;
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?]+)\\?([bBqQ])\\?([^?]*)\\?=");

    final Map<String, String> headers;
    final String bodyText;
    final String bodyType;
    final boolean hasAttachments;

    private Mime(Map<String, String> headers, String bodyText, String bodyType, boolean hasAttachments) {
        this.headers = headers;
        this.bodyText = bodyText;
        this.bodyType = bodyType;
        this.hasAttachments = hasAttachments;
    }

    /** An address as Graph shows it: {@code {"name","address"}}. */
    record Address(String name, String address) {
    }

    static Mime parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        Part part = Part.of(text);
        StringBuilder body = new StringBuilder();
        String[] type = {"text"};
        boolean[] attachments = {false};
        collect(part, body, type, attachments, 0);
        String b = body.length() > MAX_BODY_CHARS ? body.substring(0, MAX_BODY_CHARS) : body.toString();
        return new Mime(part.headers, b, type[0], attachments[0]);
    }

    String header(String name) {
        String v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null ? null : decodeWords(v.trim());
    }

    Instant date() {
        String d = headers.get("date");
        if (d == null) {
            return null;
        }
        String cleaned = d.replaceAll("\\([^)]*\\)", "").trim().replaceAll("\\s+", " ");
        try {
            return ZonedDateTime.parse(cleaned, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    List<Address> addresses(String headerName) {
        String v = headers.get(headerName.toLowerCase(Locale.ROOT));
        List<Address> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        int angle = 0;
        for (char c : v.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '<') {
                angle++;
            } else if (!quoted && c == '>') {
                angle--;
            }
            if (c == ',' && !quoted && angle == 0) {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString());
        for (String p : parts) {
            String s = p.trim();
            if (s.isEmpty()) {
                continue;
            }
            int lt = s.lastIndexOf('<');
            int gt = s.lastIndexOf('>');
            if (lt >= 0 && gt > lt) {
                String name = s.substring(0, lt).trim();
                if (name.startsWith("\"") && name.endsWith("\"") && name.length() >= 2) {
                    name = name.substring(1, name.length() - 1);
                }
                String addr = s.substring(lt + 1, gt).trim();
                name = decodeWords(name);
                out.add(new Address(name.isEmpty() ? addr : name, addr));
            } else {
                out.add(new Address(s, s));
            }
        }
        return out;
    }

    private static void collect(Part part, StringBuilder body, String[] type, boolean[] attachments, int depth) {
        String ct = part.contentType();
        String disposition = part.headers.getOrDefault("content-disposition", "").toLowerCase(Locale.ROOT);
        if (disposition.startsWith("attachment")) {
            attachments[0] = true;
            return;
        }
        if (ct.startsWith("multipart/") && depth < 10) {
            String boundary = part.param("content-type", "boundary");
            if (boundary == null) {
                return;
            }
            for (Part child : part.children(boundary)) {
                collect(child, body, type, attachments, depth + 1);
            }
            return;
        }
        if (ct.startsWith("text/plain") || ct.startsWith("text/html")) {
            if (body.length() == 0) {
                body.append(part.decodedText());
                type[0] = ct.startsWith("text/html") ? "html" : "text";
            }
        } else if (!ct.startsWith("text/")) {
            attachments[0] = true;
        }
    }

    /** A MIME entity: headers (lower-case names, unfolded) and the undecoded body. */
    private static final class Part {
        final Map<String, String> headers;
        final String body;

        private Part(Map<String, String> headers, String body) {
            this.headers = headers;
            this.body = body;
        }

        static Part of(String text) {
            int split = indexOfBlankLine(text);
            String head = split < 0 ? text : text.substring(0, split);
            String body = split < 0 ? "" : text.substring(split).replaceFirst("^(\r?\n){2}", "");
            Map<String, String> headers = new LinkedHashMap<>();
            String last = null;
            for (String line : head.split("\r?\n")) {
                if ((line.startsWith(" ") || line.startsWith("\t")) && last != null) {
                    headers.put(last, headers.get(last) + " " + line.trim());
                } else {
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        last = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                        headers.putIfAbsent(last, line.substring(colon + 1).trim());
                    }
                }
            }
            return new Part(headers, body);
        }

        private static int indexOfBlankLine(String text) {
            int a = text.indexOf("\r\n\r\n");
            int b = text.indexOf("\n\n");
            if (a < 0) {
                return b;
            }
            if (b < 0) {
                return a;
            }
            return Math.min(a, b);
        }

        String contentType() {
            return headers.getOrDefault("content-type", "text/plain").toLowerCase(Locale.ROOT).trim();
        }

        String param(String header, String name) {
            String v = headers.get(header);
            if (v == null) {
                return null;
            }
            Matcher m = Pattern.compile("(?i);\\s*" + name + "\\s*=\\s*(\"([^\"]*)\"|([^;\\s]+))").matcher(v);
            if (!m.find()) {
                return null;
            }
            return m.group(2) != null ? m.group(2) : m.group(3);
        }

        List<Part> children(String boundary) {
            List<Part> out = new ArrayList<>();
            String delimiter = "--" + boundary;
            String[] chunks = body.split(Pattern.quote(delimiter));
            for (int i = 1; i < chunks.length && out.size() < 100; i++) {
                String chunk = chunks[i];
                if (chunk.startsWith("--")) {
                    break;
                }
                out.add(Part.of(chunk.replaceFirst("^\r?\n", "")));
            }
            return out;
        }

        String decodedText() {
            String cte = headers.getOrDefault("content-transfer-encoding", "7bit").toLowerCase(Locale.ROOT).trim();
            byte[] bytes;
            if (cte.equals("base64")) {
                try {
                    bytes = Base64.getMimeDecoder().decode(body.trim());
                } catch (IllegalArgumentException e) {
                    bytes = body.getBytes(StandardCharsets.ISO_8859_1);
                }
            } else if (cte.equals("quoted-printable")) {
                bytes = quotedPrintable(body, false);
            } else {
                bytes = body.getBytes(StandardCharsets.ISO_8859_1);
            }
            return new String(bytes, charset(param("content-type", "charset")));
        }
    }

    static Charset charset(String name) {
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    static byte[] quotedPrintable(String s, boolean underscoreIsSpace) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '=' && i + 1 < s.length()) {
                if (s.charAt(i + 1) == '\r' || s.charAt(i + 1) == '\n') {
                    i += s.charAt(i + 1) == '\r' && i + 2 < s.length() && s.charAt(i + 2) == '\n' ? 2 : 1;
                    continue;
                }
                if (i + 2 < s.length()) {
                    int v = Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16);
                    if (v >= 0) {
                        out.write(v);
                        i += 2;
                        continue;
                    }
                }
            }
            out.write(underscoreIsSpace && c == '_' ? ' ' : c);
        }
        return out.toByteArray();
    }

    static String decodeWords(String value) {
        String v = value.replaceAll("\\?=\\s+=\\?", "?==?");
        Matcher m = ENCODED_WORD.matcher(v);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            Charset cs = charset(m.group(1).replaceAll("\\*.*$", ""));
            byte[] bytes;
            try {
                bytes = m.group(2).equalsIgnoreCase("B") ? Base64.getDecoder().decode(m.group(3))
                        : quotedPrintable(m.group(3), true);
            } catch (IllegalArgumentException e) {
                bytes = m.group(0).getBytes(StandardCharsets.ISO_8859_1);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(new String(bytes, cs)));
        }
        m.appendTail(sb);
        // header bytes were read as ISO-8859-1; restore raw UTF-8 headers
        String out = sb.toString();
        byte[] latin = out.getBytes(StandardCharsets.ISO_8859_1);
        String utf8 = new String(latin, StandardCharsets.UTF_8);
        return utf8.contains("\uFFFD") || !out.chars().allMatch(ch -> ch < 256) ? out : utf8;
    }
}
