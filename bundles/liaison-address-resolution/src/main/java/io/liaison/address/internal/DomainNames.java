package io.liaison.address.internal;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Domain names between their Unicode and ASCII forms by UTS #46 nontransitional processing (IDNA2008), as the
 * duplicate check's ICU4J does: {@code straße.de} stays {@code xn--strae-oqa.de}, another domain than
 * {@code strasse.de}, where Java's {@link java.net.IDN} (IDNA2003) maps ß to ss, ς to σ and drops ZWJ/ZWNJ.
 * <p>
 * A small mapping rather than ICU4J: the duplicate check embeds ICU4J (14.6 MB) privately so that no other bundle's
 * optional import of it resolves (the hot-deploy rule), and a second copy here would double that. The mapping is
 * UTS #46's for what mail domains hold: compatibility forms folded (NFKC: full-width letters, ligatures, the
 * ideographic full stop), lower case, the deviation characters (ß, ς, ZWJ, ZWNJ) kept, NFC; a label of letters,
 * digits, marks and symbols; Punycode. ZWJ and ZWNJ, valid only after a virama (CONTEXTJ), are refused, as is a
 * label that begins with a mark or a hyphen. A test compares it with ICU4J's UTS #46 over a list of real domains.
 */
final class DomainNames {
    private static final String ACE = "xn--";

    private DomainNames() {
    }

    /**
     * The ASCII form, lower-case, without a trailing dot.
     *
     * @throws IllegalArgumentException when it is no valid domain name
     */
    static String toAscii(String domain) {
        String mapped = Normalizer.normalize(domain, Normalizer.Form.NFKC).replace('\u3002', '.').replace('\uFF0E', '.')
                .replace('\uFF61', '.');
        mapped = Normalizer.normalize(mapped.toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
        if (mapped.endsWith(".")) {
            mapped = mapped.substring(0, mapped.length() - 1);
        }
        StringBuilder ascii = new StringBuilder(mapped.length() + 8);
        for (String label : mapped.split("\\.", -1)) {
            if (label.isEmpty()) {
                throw new IllegalArgumentException("an empty label in " + domain);
            }
            if (ascii.length() > 0) {
                ascii.append('.');
            }
            ascii.append(label.chars().allMatch(c -> c < 0x80) ? asciiLabel(label, domain) : ACE + Punycode.encode(checked(label, domain)));
        }
        return ascii.toString();
    }

    /** The Unicode form of an ASCII domain: each {@code xn--} label decoded. */
    static String toUnicode(String asciiDomain) {
        StringBuilder unicode = new StringBuilder(asciiDomain.length());
        for (String label : asciiDomain.split("\\.", -1)) {
            if (unicode.length() > 0) {
                unicode.append('.');
            }
            if (label.regionMatches(true, 0, ACE, 0, ACE.length())) {
                try {
                    unicode.append(Punycode.decode(label.substring(ACE.length())));
                    continue;
                } catch (IllegalArgumentException | ArithmeticException e) {
                    // not a valid encoding: shown as it is
                }
            }
            unicode.append(label);
        }
        return unicode.toString();
    }

    /** An ASCII label; one in {@code xn--} form must decode to a valid Unicode label. */
    private static String asciiLabel(String label, String domain) {
        if (label.startsWith(ACE)) {
            String decoded;
            try {
                decoded = Punycode.decode(label.substring(ACE.length()));
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new IllegalArgumentException("an invalid Punycode label " + label + " in " + domain);
            }
            if (decoded.chars().allMatch(c -> c < 0x80) || !toAscii(decoded).equals(label)) {
                throw new IllegalArgumentException("an invalid Punycode label " + label + " in " + domain);
            }
        }
        return label;
    }

    /** A Unicode label as IDNA2008 allows it. */
    private static String checked(String mapped, String domain) {
        String label = Normalizer.normalize(mapped, Normalizer.Form.NFC);
        int first = label.codePointAt(0);
        if (isMark(first) || label.startsWith("-") || label.endsWith("-")
                || (label.length() >= 4 && label.charAt(2) == '-' && label.charAt(3) == '-')) {
            throw new IllegalArgumentException("label " + label + " of " + domain + " begins with a mark or has a hyphen"
                    + " where none may be");
        }
        label.codePoints().forEach(c -> {
            if (!(c == '-' || Character.isLetterOrDigit(c) || isMark(c) || Character.getType(c) == Character.OTHER_SYMBOL)
                    || (c >= 'A' && c <= 'Z') || Character.isUpperCase(c) || c == 0x200C || c == 0x200D) {
                throw new IllegalArgumentException("label " + label + " of " + domain + " holds U+"
                        + Integer.toHexString(c).toUpperCase(Locale.ROOT) + ", which no domain name may hold");
            }
        });
        return label;
    }

    private static boolean isMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }
}
