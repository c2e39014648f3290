package io.liaison.address.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An e-mail address as the resolver works with it: the text as given (trimmed, without angle brackets or
 * {@code mailto:}), its local part, and its domain in ASCII (UTS #46, IDNA2008: {@link DomainNames}) and Unicode
 * form, lower-cased.
 *
 * @param address      the address as given, with the domain lower-cased
 * @param localPart    the part before the last {@code @}
 * @param asciiDomain  the domain in ASCII form, e.g. {@code xn--bckerei-mller-bfb28a.de}
 * @param unicodeDomain the domain in Unicode form, e.g. {@code bäckerei-müller.de}
 */
public record EmailAddress(String address, String localPart, String asciiDomain, String unicodeDomain) {
    /** RFC 5321's longest usable address. */
    public static final int MAX_LENGTH = 254;
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+");

    /**
     * Parses an address.
     *
     * @throws IllegalArgumentException naming the text and why it is no e-mail address
     */
    public static EmailAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("no e-mail address given");
        }
        String shown = text.length() > 80 ? text.substring(0, 77) + "..." : text;
        if (text.length() > 4 * MAX_LENGTH) {
            throw invalid(shown, "it is " + text.length() + " characters long");
        }
        String t = text.strip();
        for (int i = 0; i < 2; i++) {
            if (t.startsWith("<") && t.endsWith(">")) {
                t = t.substring(1, t.length() - 1).strip();
            }
            if (t.regionMatches(true, 0, "mailto:", 0, 7)) {
                t = t.substring(7).strip();
            }
        }
        int at = t.lastIndexOf('@');
        if (at < 0) {
            throw invalid(shown, "it has no @");
        }
        String local = t.substring(0, at);
        String domain = t.substring(at + 1).toLowerCase(Locale.ROOT);
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        if (local.isEmpty() || domain.isEmpty()) {
            throw invalid(shown, "it has nothing " + (local.isEmpty() ? "before" : "after") + " the @");
        }
        if (local.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c) || c == '@' || c == '<' || c == '>')) {
            throw invalid(shown, "its local part holds a space, a control character, a bracket or a second @");
        }
        String ascii;
        try {
            ascii = DomainNames.toAscii(domain);
        } catch (IllegalArgumentException e) {
            throw invalid(shown, "its domain is not a valid domain name");
        }
        if (!DOMAIN.matcher(ascii).matches()) {
            throw invalid(shown, "its domain is not a valid domain name");
        }
        String address = local + "@" + domain;
        if (address.length() > MAX_LENGTH) {
            throw invalid(shown, "it is " + address.length() + " characters long, at most " + MAX_LENGTH + " allowed");
        }
        return new EmailAddress(address, local, ascii, DomainNames.toUnicode(ascii));
    }

    /**
     * The other spellings of this address that reach the same mailbox, as the duplicate check folds them: without a
     * {@code +tag} (sub-addressing, RFC 5233), and at Gmail without the dots of the local part and at either of its
     * domains (gmail.com, googlemail.com). Lower-cased; the address itself is not among them.
     */
    public java.util.Set<String> sameMailbox() {
        java.util.Set<String> forms = new java.util.LinkedHashSet<>();
        String local = localPart.toLowerCase(Locale.ROOT);
        int plus = local.indexOf('+');
        if (plus > 0) {
            local = local.substring(0, plus);
        }
        forms.add(local + "@" + asciiDomain);
        if (asciiDomain.equals("gmail.com") || asciiDomain.equals("googlemail.com")) {
            String dotless = local.replace(".", "");
            if (!dotless.isEmpty()) {
                forms.add(dotless + "@gmail.com");
                forms.add(dotless + "@googlemail.com");
            }
        }
        forms.remove(address.toLowerCase(Locale.ROOT));
        return forms;
    }

    private static IllegalArgumentException invalid(String text, String why) {
        return new IllegalArgumentException("'" + text.replaceAll("\\p{Cntrl}", " ") + "' is not an e-mail address: " + why);
    }
}
