package io.liaison.mailimport.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes small but complete MIME messages for the flow tests. */
final class Mails {
    private final Map<String, byte[]> attachments = new LinkedHashMap<>();
    private String messageId = "";
    private String inReplyTo = "";
    private String from = "Anna Berger <anna.berger@kunde.de>";
    private String subject = "Angebot";
    private String body = "Sehr geehrte Damen und Herren,\nanbei unser Angebot.";
    private String date = "Tue, 24 Nov 2026 09:15:00 +0100";

    static Mails mail() {
        return new Mails();
    }

    Mails id(String value) { this.messageId = value; return this; }
    Mails inReplyTo(String value) { this.inReplyTo = value; return this; }
    Mails from(String value) { this.from = value; return this; }
    Mails subject(String value) { this.subject = value; return this; }
    Mails body(String value) { this.body = value; return this; }
    Mails noDate() { this.date = ""; return this; }
    Mails date(String value) { this.date = value; return this; }
    Mails attach(String name, String content) { attachments.put(name, content.getBytes(StandardCharsets.UTF_8)); return this; }
    Mails attach(String name, byte[] content) { attachments.put(name, content); return this; }

    String text() {
        StringBuilder sb = new StringBuilder();
        if (!messageId.isEmpty()) {
            sb.append("Message-ID: <").append(messageId).append(">\r\n");
        }
        if (!inReplyTo.isEmpty()) {
            sb.append("In-Reply-To: <").append(inReplyTo).append(">\r\n");
        }
        if (!date.isEmpty()) {
            sb.append("Date: ").append(date).append("\r\n");
        }
        sb.append("From: ").append(from).append("\r\n");
        sb.append("To: Demo User <demo@liaison.example>\r\n");
        sb.append("Subject: ").append(subject).append("\r\n");
        sb.append("MIME-Version: 1.0\r\n");
        if (attachments.isEmpty()) {
            sb.append("Content-Type: text/plain; charset=UTF-8\r\n\r\n").append(body).append("\r\n");
            return sb.toString();
        }
        String boundary = "b-" + Integer.toHexString(subject.hashCode());
        sb.append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\r\n\r\n");
        sb.append("--").append(boundary).append("\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n")
                .append(body).append("\r\n");
        attachments.forEach((name, content) -> sb.append("--").append(boundary).append("\r\n")
                .append("Content-Type: application/octet-stream; name=\"").append(name).append("\"\r\n")
                .append("Content-Disposition: attachment; filename=\"").append(name).append("\"\r\n")
                .append("Content-Transfer-Encoding: base64\r\n\r\n")
                .append(Base64.getMimeEncoder().encodeToString(content)).append("\r\n"));
        sb.append("--").append(boundary).append("--\r\n");
        return sb.toString();
    }

    Path writeTo(Path folder, String fileName) {
        try {
            Files.createDirectories(folder);
            return Files.writeString(folder.resolve(fileName), text(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
