package io.liaison.duplicates.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Brings person names into the form the duplicate check compares: salutations (Herr, Frau), titles (Dr., Prof.,
 * Dipl.-Ing., …) and name particles (von, van, zu, de, …) split off, German letters transliterated (ä → ae, ö → oe, ü → ue,
 * ß → ss), other accents removed, case folded, punctuation dropped and spaces collapsed.
 */
public final class NameNormalizer {
    /** Longer names are refused: no person has one, and comparing them would cost time for nothing. */
    public static final int MAX_LENGTH = 200;

    private static final Pattern TITLE = Pattern.compile(
            "(?i)(dr|prof|dipl|ing|mag|med|jur|rer|nat|phil|pol|oec|dent|vet|habil|h\\.?c|mba|msc|bsc|phd|llm"
                    + "|dipl\\.?-?[a-z]+|dr\\.?-?[a-z]+)\\.?(-?[a-z]+\\.?)?");
    private static final Set<String> PARTICLES = Set.of("von", "van", "zu", "zum", "zur", "vom", "de", "der", "den",
            "di", "da", "del", "della", "du", "des", "la", "le", "ter", "ten", "und", "y");
    /** Salutations typed into a name field ("Herr Thomas"), split off like titles. */
    private static final Set<String> SALUTATIONS = Set.of("herr", "frau", "hr.", "fr.", "hrn.", "herrn");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_NAME = Pattern.compile("[^\\p{L}\\p{N} -]+");
    private static final Pattern SPACES = Pattern.compile("[\\s_]+");

    /**
     * A normalised name.
     *
     * @param first     the given names, normalised, e.g. {@code hans-juergen}
     * @param last      the family name without particles, e.g. {@code mueller}
     * @param titles    the titles split off, as written
     * @param particles the particles split off, normalised
     */
    public record NormalizedName(String first, String last, List<String> titles, List<String> particles) {
        public NormalizedName {
            titles = List.copyOf(titles);
            particles = List.copyOf(particles);
        }
    }

    /** Normalises first and last name (and a separate title field, which only adds to the titles). */
    public NormalizedName normalize(String title, String firstName, String lastName) {
        List<String> titles = new ArrayList<>();
        if (title != null && !title.isBlank()) {
            titles.add(title.strip());
        }
        List<String> particles = new ArrayList<>();
        List<String> first = splitTitles(tokens(firstName), titles);
        List<String> last = splitTitles(tokens(lastName), titles);
        // particles lead the family name ("von der Heide") or trail the given names ("Ursula von der" + "Leyen")
        while (last.size() > 1 && PARTICLES.contains(fold(last.get(0)))) {
            particles.add(fold(last.remove(0)));
        }
        while (first.size() > 1 && PARTICLES.contains(fold(first.get(first.size() - 1)))) {
            particles.add(0, fold(first.remove(first.size() - 1)));
        }
        return new NormalizedName(fold(String.join(" ", first)), fold(String.join(" ", last)), titles, particles);
    }

    /** Transliterates, strips accents and punctuation, folds case. */
    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        if (isPlainAsciiName(text)) {
            return text.toLowerCase(Locale.ROOT);
        }
        if (isPlainGermanName(text)) {
            return transliterateGerman(text);
        }
        // NFC first: a decomposed "u" + combining diaeresis is the "ü" that is written out as "ue", not a "u" with
        // an accent to drop; the Turkish dotless ı is an i (İ becomes i with a dot that the marks pass drops)
        String lower = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
                .replace('ı', 'i')
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
                .replace("æ", "ae").replace("œ", "oe").replace("ø", "oe").replace("å", "aa")
                .replace("ł", "l").replace("đ", "d").replace("ð", "d").replace("þ", "th")
                .replace('’', '\'');
        String plain = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        plain = plain.replace("'", "");
        return SPACES.matcher(NOT_NAME.matcher(plain).replaceAll(" ")).replaceAll(" ").strip();
    }

    /** Letters and single inner spaces or hyphens only: nothing to transliterate, strip or collapse. */
    private static boolean isPlainAsciiName(String text) {
        char previous = ' ';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!letter && (c != ' ' && c != '-' || previous == ' ' || previous == '-')) {
                return false;
            }
            previous = c;
        }
        return previous != ' ' && previous != '-';
    }

    /**
     * Like {@link #isPlainAsciiName} but also with ä, ö, ü, ß (either case): the common German name, whose folding is
     * then the transliteration alone (no accents to strip, no punctuation, no spaces to collapse).
     */
    private static boolean isPlainGermanName(String text) {
        char previous = ' ';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == 'ä' || c == 'ö' || c == 'ü' || c == 'Ä' || c == 'Ö' || c == 'Ü' || c == 'ß';
            if (!letter && (c != ' ' && c != '-' || previous == ' ' || previous == '-')) {
                return false;
            }
            previous = c;
        }
        return previous != ' ' && previous != '-';
    }

    /** Lower case with ä → ae, ö → oe, ü → ue, ß → ss, for a text {@link #isPlainGermanName} accepted. */
    private static String transliterateGerman(String text) {
        StringBuilder folded = new StringBuilder(text.length() + 4);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case 'ä', 'Ä' -> folded.append("ae");
                case 'ö', 'Ö' -> folded.append("oe");
                case 'ü', 'Ü' -> folded.append("ue");
                case 'ß' -> folded.append("ss");
                default -> folded.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
            }
        }
        return folded.toString();
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text != null) {
            for (String token : SPACES.split(text.strip())) {
                if (!token.isEmpty()) {
                    tokens.add(token);
                }
            }
        }
        return tokens;
    }

    /** Moves titles out of the tokens, leaving at least one token (a person called "Ing" keeps the name). */
    private static List<String> splitTitles(List<String> tokens, List<String> titles) {
        List<String> kept = new ArrayList<>();
        List<String> found = new ArrayList<>();
        for (String token : tokens) {
            if (looksLikeTitle(token)) {
                found.add(token);
            } else {
                kept.add(token);
            }
        }
        if (kept.isEmpty()) {
            return new ArrayList<>(tokens);
        }
        titles.addAll(found);
        return kept;
    }

    private static boolean looksLikeTitle(String token) {
        if (SALUTATIONS.contains(token.toLowerCase(Locale.ROOT))) {
            return true;
        }
        // a title is abbreviated ("Dr.", "Dipl.-Ing.") or one of the few written without a dot ("Dr", "Prof", "MBA")
        return TITLE.matcher(token).matches()
                && (token.endsWith(".") || token.matches("(?i)dr|prof|mba|msc|bsc|phd|llm|dipl-?ing"));
    }
}
