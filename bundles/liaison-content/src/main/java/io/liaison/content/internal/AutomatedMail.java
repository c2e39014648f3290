package io.liaison.content.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * Signs that a program, not a person, sent a message: delivery status reports (bounces) and read receipts
 * ({@code multipart/report}, RFC 6522, with report-type delivery-status, RFC 3464, or disposition-notification,
 * RFC 8098), automatic replies ({@code Auto-Submitted} other than "no", RFC 3834 section 5; the older
 * {@code X-Autoreply}/{@code X-Autorespond} of many responders; {@code Precedence: auto_reply} or {@code junk}), and
 * the mail system's own senders (MAILER-DAEMON, postmaster: RFC 5321 section 4.5.1 reserves postmaster). Such mail
 * must not be assigned to a business partner through its sender's domain (a bounce from a customer's mail server
 * is not the customer writing), and the import marks it.
 */
final class AutomatedMail {

    private AutomatedMail() {
    }

    /** What a header field says, if it says a program sent the message. */
    static Optional<String> fromHeader(String name, String body) {
        String value = body == null ? "" : body.strip().toLowerCase(Locale.ROOT);
        switch (name) {
            case "auto-submitted" -> {
                String keyword = value.split("[;\\s]", 2)[0];
                return keyword.isEmpty() || keyword.equals("no") ? Optional.empty()
                        : Optional.of("automatic mail (Auto-Submitted: " + keyword + ")");
            }
            case "x-autoreply", "x-autorespond" -> {
                return value.equals("no") || value.equals("false") ? Optional.empty()
                        : Optional.of("automatic reply (" + (name.equals("x-autoreply") ? "X-Autoreply" : "X-Autorespond")
                        + ")");
            }
            case "precedence" -> {
                return value.equals("auto_reply") || value.equals("junk")
                        ? Optional.of("automatic mail (Precedence: " + value + ")") : Optional.empty();
            }
            case "content-type" -> {
                if (!value.startsWith("multipart/report")) {
                    return Optional.empty();
                }
                if (value.contains("disposition-notification")) {
                    return Optional.of("read receipt (multipart/report)");
                }
                return Optional.of("delivery status report (multipart/report)");
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** Whether the sender is the mail system itself. */
    static Optional<String> fromSender(String address) {
        int at = address == null ? -1 : address.indexOf('@');
        if (at <= 0) {
            return Optional.empty();
        }
        String local = address.substring(0, at).toLowerCase(Locale.ROOT);
        return local.equals("mailer-daemon") || local.equals("postmaster")
                ? Optional.of("mail system message (" + address.substring(0, at) + ")") : Optional.empty();
    }
}
