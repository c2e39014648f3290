package io.liaison.address.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Guesses a new contact person's names from the sender's display name ("Anna Müller", "Müller, Anna",
 * "Dr. Anna von der Heide") or, without one, from the address's local part ({@code anna.mueller@},
 * {@code hans-peter_schmidt@}); a single word becomes the last name. A remark in brackets is dropped ("Anna
 * Müller (Firma GmbH)"), a family name in capitals before the given name is read as such ("MÜLLER Anna"), and a
 * role address ({@code info@}, {@code vertrieb-nord@}) gives no name at all.
 *
 * @param title the title split off ("Dr.")
 * @param first the first name
 * @param last  the last name
 */
public record NameGuess(String title, String first, String last) {
    private static final Pattern TITLE = Pattern.compile("(?i)(dr|prof|dipl|mag|ing)\\.?(-?[a-z]+\\.?)?");
    private static final Set<String> PARTICLES = Set.of("von", "van", "zu", "zum", "zur", "vom", "de", "der", "den", "di", "da", "del", "du", "la", "le", "ter", "ten");
    private static final int MAX_LENGTH = 100;
    /**
     * Local parts of role and team addresses, which name no person (info@ gives no last name "Info"); the duplicate
     * check treats the same ones (and these followed by -de, .nord, …) as shared mailboxes.
     */
    private static final Set<String> ROLES = Set.of("info", "office", "kontakt", "contact", "mail", "post", "service",
            "support", "sales", "vertrieb", "zentrale", "empfang", "buero", "team", "hello", "hallo", "admin", "einkauf",
            "buchhaltung", "verwaltung", "marketing", "presse", "press", "jobs", "bewerbung", "karriere", "personal", "hr",
            "noreply", "no-reply", "anfrage", "auftrag", "bestellung", "rechnung", "invoice", "praxis", "kanzlei",
            "sekretariat", "webmaster", "kundenservice", "kundendienst", "customerservice", "rezeption", "reception",
            "newsletter", "news", "billing", "accounting", "postmaster", "mailer-daemon");
    /** A remark in brackets after a display name: "Anna Müller (Firma GmbH)". */
    private static final Pattern REMARK = Pattern.compile("\\s*[(\\[][^)\\]]*[)\\]]\\s*");

    /** The names from the display name if it holds any, else from the local part. */
    public static NameGuess from(String displayName, String localPart) {
        String display = displayName == null ? "" : displayName.replaceAll("[\"'\\p{Cntrl}]", " ").strip();
        display = REMARK.matcher(display).replaceAll(" ").strip();
        if (!display.isEmpty() && !display.contains("@")) {
            return fromDisplayName(display);
        }
        return fromLocalPart(localPart);
    }

    private static NameGuess fromDisplayName(String display) {
        int comma = display.indexOf(',');
        if (comma > 0) {
            NameGuess rest = fromDisplayName(display.substring(comma + 1).strip() + " x");
            return new NameGuess(rest.title(), rest.first(), cut(display.substring(0, comma).strip()));
        }
        List<String> tokens = new ArrayList<>(Arrays.asList(display.split("\\s+")));
        List<String> titles = new ArrayList<>();
        while (tokens.size() > 1 && TITLE.matcher(tokens.get(0)).matches() && tokens.get(0).endsWith(".")) {
            titles.add(tokens.remove(0));
        }
        if (tokens.size() == 1) {
            return new NameGuess(String.join(" ", titles), "", cut(tokens.get(0)));
        }
        if (tokens.size() == 2 && shouted(tokens.get(0)) && !shouted(tokens.get(1))) {
            // "MÜLLER Anna": the family name first, in capitals, as many address books and exports write it
            return new NameGuess(String.join(" ", titles), cut(tokens.get(1)), cut(capitalise(tokens.get(0))));
        }
        int lastStart = tokens.size() - 1;
        for (int i = 1; i < tokens.size() - 1; i++) {
            if (PARTICLES.contains(tokens.get(i).toLowerCase(Locale.ROOT))) {
                lastStart = i;
                break;
            }
        }
        return new NameGuess(String.join(" ", titles), cut(String.join(" ", tokens.subList(0, lastStart))),
                cut(String.join(" ", tokens.subList(lastStart, tokens.size()))));
    }

    /** A word written in capitals only (two letters at least). */
    private static boolean shouted(String word) {
        int letters = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            letters += Character.isLetter(c) ? 1 : 0;
        }
        return letters >= 2;
    }

    private static NameGuess fromLocalPart(String localPart) {
        String local = localPart.replaceAll("\\+.*$", "").replaceAll("\\d+$", "");
        String lower = local.toLowerCase(Locale.ROOT);
        String[] role = lower.split("[-._]", 2);
        if (ROLES.contains(lower) || (role.length == 2 && ROLES.contains(role[0]) && role[1].length() <= 4)) {
            // info@, info-de@, vertrieb.nord@: a role, no person
            return new NameGuess("", "", "");
        }
        List<String> parts = Arrays.stream(local.split("[._]+")).filter(p -> !p.isBlank()).map(NameGuess::capitalise).toList();
        if (parts.isEmpty()) {
            return new NameGuess("", "", cut(localPart));
        }
        if (parts.size() == 1) {
            return new NameGuess("", "", cut(parts.get(0)));
        }
        List<String> firsts = parts.subList(0, parts.size() - 1).stream().map(p -> p.length() == 1 ? p + "." : p).toList();
        return new NameGuess("", cut(String.join(" ", firsts)), cut(parts.get(parts.size() - 1)));
    }

    private static String capitalise(String word) {
        StringBuilder sb = new StringBuilder(word.length());
        boolean start = true;
        for (char c : word.toCharArray()) {
            sb.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
            start = c == '-';
        }
        return sb.toString();
    }

    private static String cut(String s) {
        return s.length() > MAX_LENGTH ? s.substring(0, MAX_LENGTH) : s;
    }
}
