package io.liaison.duplicates.internal;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tunable part of the duplicate rules.
 *
 * @param nameSimilarity        the Jaro-Winkler similarity from which two first or two last names count as similar
 * @param phoneticSimilarity    the lower Jaro-Winkler similarity that suffices when both names also share their
 *                              Kölner Phonetik code (Meier / Mayer)
 * @param sharedMailboxNames    local parts of role addresses (info@, office@, …) that several people share
 * @param maxCandidates         the most candidates one check scores per kind of key
 */
public record MatchSettings(double nameSimilarity, double phoneticSimilarity,
                            Set<String> sharedMailboxNames,
                            int maxCandidates) {
    /** The role addresses known without configuration. */
    public static final Set<String> DEFAULT_SHARED_MAILBOXES = Set.of("info", "office", "kontakt", "contact", "mail",
            "post", "service", "support", "sales", "vertrieb", "zentrale", "empfang", "buero", "team", "hello",
            "hallo", "admin", "einkauf", "buchhaltung", "verwaltung", "marketing", "presse", "press", "jobs",
            "bewerbung", "karriere", "personal", "hr", "noreply", "no-reply", "anfrage", "auftrag", "bestellung",
            "rechnung", "invoice", "praxis", "kanzlei", "sekretariat", "webmaster", "kundenservice", "kundendienst",
            "customerservice", "rezeption", "reception");
    /** Local parts that name a household rather than a person: familie.becker@, family-smith@. */
    private static final java.util.regex.Pattern HOUSEHOLD = java.util.regex.Pattern.compile("^(familie|family|fam)[._-]?.*");

    public MatchSettings {
        for (double similarity : new double[] {nameSimilarity, phoneticSimilarity}) {
            if (!(similarity > 0 && similarity <= 1)) {
                throw new IllegalArgumentException("name similarities must lie in (0, 1], got " + similarity);
            }
        }
        if (maxCandidates < 1) {
            throw new IllegalArgumentException("maxCandidates must be positive, got " + maxCandidates);
        }
        sharedMailboxNames = sharedMailboxNames.stream().map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** The defaults: 0.90, 0.75, the known role addresses, 2,000 candidates. */
    public static MatchSettings defaults() {
        return new MatchSettings(0.90, 0.75, DEFAULT_SHARED_MAILBOXES, 2000);
    }

    /**
     * Whether a normalised address is a role address that several people may share: a known role local part, alone
     * or followed by a country, region or team ({@code info-de@}), or a household's ({@code familie.becker@}).
     */
    public boolean isSharedMailbox(String address) {
        int at = address.indexOf('@');
        if (at <= 0) {
            return false;
        }
        String local = address.substring(0, at);
        if (sharedMailboxNames.contains(local) || HOUSEHOLD.matcher(local).matches()) {
            return true;
        }
        // a role with a country, a region or a team: info-de@, vertrieb.nord@, service_at@
        int end = 0;
        while (end < local.length() && local.charAt(end) != '-' && local.charAt(end) != '.' && local.charAt(end) != '_') {
            end++;
        }
        return end < local.length() && sharedMailboxNames.contains(local.substring(0, end));
    }
}
