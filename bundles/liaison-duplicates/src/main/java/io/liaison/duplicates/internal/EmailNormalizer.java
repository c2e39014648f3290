package io.liaison.duplicates.internal;

import com.ibm.icu.text.IDNA;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Brings an e-mail address into the one form the duplicate check compares: trimmed, without a display name
 * ({@code Anna Meier <anna@firma.de>}), a remark in brackets, {@code mailto:} or angle brackets, the local part in
 * Unicode NFC, lower-cased, the domain in its ASCII form by UTS #46 (IDNA2008, nontransitional), {@code +tags} dropped on every domain, and Gmail's
 * aliases (dots, googlemail.com) folded, since Gmail delivers them all to one mailbox.
 */
public final class EmailNormalizer {
    /** RFC 5321's longest usable address. */
    public static final int MAX_LENGTH = 254;
    /**
     * UTS #46 (IDNA2008 with its compatibility mapping), nontransitional: straße.de stays straße.de
     * (xn--strae-oqa.de), another domain than strasse.de, where Java's IDN (IDNA2003) maps ß to ss. Thread-safe.
     */
    private static final IDNA UTS46 = IDNA.getUTS46Instance(IDNA.NONTRANSITIONAL_TO_ASCII
            | IDNA.NONTRANSITIONAL_TO_UNICODE | IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ);
    /** A remark in brackets after the address: "anna@firma.de (privat)". */
    private static final Pattern REMARK = Pattern.compile("\\s*\\([^)]*\\)\\s*$");
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+");

    /** The normalised address, or empty when the text is not an e-mail address. */
    public Optional<String> normalize(String raw) {
        return Optional.ofNullable(normalizeOrReason(raw).address());
    }

    /**
     * The normalised address, or why the text is not one.
     *
     * @param address the normalised address, or null
     * @param problem why not, or null
     */
    public record Outcome(String address, String problem) {
    }

    /** Normalises, telling why a text is no e-mail address. */
    public Outcome normalizeOrReason(String raw) {
        if (raw == null || raw.isBlank()) {
            return new Outcome(null, "is empty");
        }
        if (raw.length() > 4 * MAX_LENGTH) {
            return new Outcome(null, "is " + raw.length() + " characters long, at most " + MAX_LENGTH + " allowed");
        }
        String text = raw.strip();
        // the display-name form an address is often pasted in: "Anna Meier <anna@firma.de>", and a remark after it
        int open = text.lastIndexOf('<');
        if (open > 0 && text.endsWith(">")) {
            text = text.substring(open).strip();
        }
        text = REMARK.matcher(text).replaceAll("").strip();
        for (int i = 0; i < 2; i++) {
            if (text.startsWith("<") && text.endsWith(">")) {
                text = text.substring(1, text.length() - 1).strip();
            }
            if (text.regionMatches(true, 0, "mailto:", 0, 7)) {
                text = text.substring(7).strip();
            }
        }
        int at = text.lastIndexOf('@');
        if (at < 0) {
            return new Outcome(null, "has no @");
        }
        String local = Normalizer.normalize(text.substring(0, at), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        String domain = text.substring(at + 1).toLowerCase(Locale.ROOT);
        if (local.isEmpty() || domain.isEmpty()) {
            return new Outcome(null, "has nothing " + (local.isEmpty() ? "before" : "after") + " the @");
        }
        if (local.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c) || c == '@')) {
            return new Outcome(null, "has a space, a control character or a second @ before the domain");
        }
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        StringBuilder converted = new StringBuilder(domain.length() + 8);
        IDNA.Info info = new IDNA.Info();
        UTS46.nameToASCII(domain, converted, info);
        if (info.hasErrors()) {
            return new Outcome(null, "has an invalid domain");
        }
        String ascii = converted.toString().toLowerCase(Locale.ROOT);
        if (!DOMAIN.matcher(ascii).matches()) {
            return new Outcome(null, "has an invalid domain");
        }
        // a +tag reaches the same mailbox on every provider that knows sub-addressing (RFC 5233), and no one's
        // mailbox differs from another's by a tag alone
        int plus = local.indexOf('+');
        if (plus > 0) {
            local = local.substring(0, plus);
        }
        if (ascii.equals("googlemail.com") || ascii.equals("gmail.com")) {
            ascii = "gmail.com";
            local = local.replace(".", "");
            if (local.isEmpty()) {
                return new Outcome(null, "has nothing before the @");
            }
        }
        String address = local + "@" + ascii;
        if (address.length() > MAX_LENGTH) {
            return new Outcome(null, "is " + address.length() + " characters long, at most " + MAX_LENGTH + " allowed");
        }
        return new Outcome(address, null);
    }
}
