package io.liaison.duplicates.internal;

import io.liaison.api.duplicates.ContactCandidate;
import io.liaison.api.duplicates.DuplicateStatus;
import java.net.IDN;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * A labelled synthetic data set for the duplicate check, made from a fixed seed: CRM contacts and incoming
 * contacts, each generated from a latent person (name groups, canonical e-mail addresses, E.164 numbers) and
 * rendered with the noise real data has (umlauts written out or dropped, typos, titles, particles, upper case,
 * mixed phone formats, IDN domains). The expected status of an incoming contact comes from the latent values
 * alone (an oracle that never sees the rendered text), by the rules the duplicate check documents.
 */
final class SyntheticContacts {

    /** Spellings of one family name; the first is the canonical one. Distinct groups are clearly different names. */
    static final String[][] LAST_NAMES = {
            {"Müller"}, {"Schmidt", "Schmitt"}, {"Schneider"}, {"Fischer"}, {"Weber"}, {"Meyer", "Meier", "Maier", "Mayer"},
            {"Wagner"}, {"Becker"}, {"Schulz"}, {"Hoffmann", "Hofmann"}, {"Schäfer"}, {"Koch"}, {"Bauer"}, {"Richter"},
            {"Klein"}, {"Wolf", "Wolff"}, {"Neumann"}, {"Schwarz"}, {"Zimmermann"}, {"Braun"}, {"Krüger"},
            {"Hartmann"}, {"Lange", "Lang"}, {"Werner"}, {"Krause", "Kraus"}, {"Lehmann"}, {"Köhler"}, {"Walter"},
            {"Kaiser"}, {"Fuchs"}, {"Peters"}, {"Jung"}, {"Hahn"}, {"Vogel"}, {"Friedrich"}, {"Günther"},
            {"Frank", "Franke"}, {"Berger"}, {"Winkler"}, {"Roth"}, {"Lorenz"}, {"Baumann"}, {"Albrecht"},
            {"Simon"}, {"Ludwig"}, {"Böhm"}, {"Martin"}, {"Schumacher"}, {"Krämer"}, {"Vogt", "Voigt"}, {"Stein"},
            {"Jäger"}, {"Otto"}, {"Sommer"}, {"Groß"}, {"Seidel"}, {"Heinrich"}, {"Haas"}, {"Graf"}, {"Dietrich"},
            {"Ziegler"}, {"Kuhn", "Kühn"}, {"Pohl"}, {"Engel"}, {"Horn"}, {"Busch"}, {"Bergmann"}, {"Arnold"},
            {"Pfeiffer"}, {"Dürr"}, {"Öztürk"}, {"Çelik"}, {"Nguyen"}, {"Kowalski"}, {"Nowak"}, {"Łukasiewicz"},
            {"Gonçalves"}, {"Müller-Lüdenscheidt"}, {"Straßburger"}, {"Grünewald"}, {"Tödter"}, {"Blümel"},
            {"Özdemir"}, {"Ehrhardt"}, {"Lindqvist"}, {"von der Heide"}, {"van Dyk"}, {"zu Eltz"}, {"Weiß", "Weiss"}};

    /** Spellings of one given name; the first is the canonical one. */
    static final String[][] FIRST_NAMES = {
            {"Jürgen"}, {"Jörg"}, {"Björn"}, {"Sören"}, {"Günter", "Günther"}, {"Hans-Peter", "Hans Peter"}, {"Uwe"},
            {"Anna"}, {"Katharina", "Katarina"}, {"Stefanie", "Stephanie"}, {"Christoph"}, {"Michael"}, {"Andreas"},
            {"Thomas"}, {"Sabine"}, {"Ute"}, {"Birgit"}, {"Dieter"}, {"Klaus", "Claus"}, {"Karl", "Carl"},
            {"Matthias", "Mathias"}, {"Jens"}, {"Petra"}, {"Monika", "Monica"}, {"René"}, {"Wolfgang"},
            {"Helmut", "Helmuth"}, {"Gerhard"}, {"Frank"}, {"Holger"}, {"Lars"}, {"Tobias"}, {"Dominik", "Dominic"},
            {"Sebastian"}, {"Florian"}, {"Maximilian"}, {"Lukas", "Lucas"}, {"Sophie", "Sofie"}, {"Marie"},
            {"Lena"}, {"Heike"}, {"Silke"}, {"Ingrid"}, {"Ursula"}, {"Gisela"}, {"Zoë"}, {"Dörte"}, {"Käthe"},
            {"Ömer"}, {"Ayşe"}, {"François"}, {"José"}, {"Małgorzata"}, {"Bärbel"}, {"Götz"}, {"Friederike"},
            {"Hannelore"}, {"Waltraud"}, {"Elke"}, {"Bernd"}, {"Rüdiger"}, {"Horst"}, {"Manfred"}, {"Werner"},
            {"Erika"}, {"Gudrun"}, {"Hildegard"}, {"Jutta"}, {"Kerstin"}, {"Nicole"}, {"Claudia"}, {"Susanne"},
            {"Martina"}, {"Markus", "Marcus"}, {"Oliver"}, {"Alexander"}, {"Daniel"}, {"Patrick"}, {"Timo"},
            {"Kai", "Kay"}, {"Niklas", "Nicklas"}, {"Felix"}, {"Paul"}, {"Emma"}, {"Mia"}, {"Ida"}};

    private static final String[] TITLES = {"Dr.", "Prof. Dr.", "Dipl.-Ing.", "Dr.-Ing."};
    private static final String[] COMPANY_WORDS = {"Bäckerei", "Müller", "Technik", "Bau", "Logistik", "Software",
            "Grün", "Straßen", "Öko", "Haus", "Metall", "Medien", "Werkzeug", "Reisen", "Küchen", "Elektro"};
    private static final String[] MOBILE_PREFIXES = {"170", "171", "172", "173", "174", "175", "176", "177", "178", "179"};
    private static final String[] AREA_CODES = {"30", "40", "89", "221", "69", "711", "211", "351", "511", "911"};

    /** A latent person. {@code mobile} and {@code landline} are E.164 or null; {@code email} normalised or null. */
    record Person(int first, int last, String email, String mobile, String landline, int company) {
    }

    /** An incoming contact with its expected status and how it was made. */
    record Labelled(ContactCandidate candidate, Person latent, DuplicateStatus expected, String kind) {
    }

    /**
     * Whether the last {@link #render} wrote the family and the given name so that they are equal to the canonical
     * spelling after normalisation (case, umlauts written out, accents dropped where no umlaut is lost, titles and
     * particles): the number rules are certain only then. Another spelling of the group (Meyer / Meier) or a typo is
     * "similar", not "same".
     */
    private boolean lastExact;
    private boolean firstExact;

    private final Random random;
    private final List<String> companyDomains = new ArrayList<>();
    private final Set<String> usedEmails = new HashSet<>();
    private final Set<String> usedNumbers = new HashSet<>();
    final List<Person> crm = new ArrayList<>();
    final List<ContactCandidate> crmRendered = new ArrayList<>();
    final List<Labelled> incoming = new ArrayList<>();

    SyntheticContacts(long seed, int crmSize, int incomingSize) {
        random = new Random(seed);
        for (int i = 0; i < Math.max(20, crmSize / 15); i++) {
            String word = COMPANY_WORDS[random.nextInt(COMPANY_WORDS.length)].toLowerCase(Locale.ROOT);
            companyDomains.add(word + "-" + i + (random.nextInt(4) == 0 ? ".at" : ".de"));
        }
        for (int i = 0; i < crmSize; i++) {
            Person p = newPerson(random.nextInt(FIRST_NAMES.length), random.nextInt(LAST_NAMES.length));
            // a household of two: the same landline for a family member, both in the CRM
            crm.add(p);
            crmRendered.add(render(p, false));
        }
        for (int i = 0; i < incomingSize; i++) {
            incoming.add(makeIncoming());
        }
    }

    private Person newPerson(int first, int last) {
        int company = random.nextInt(companyDomains.size());
        String email;
        if (random.nextInt(12) == 0) {
            email = "info@" + companyDomains.get(company);
        } else {
            email = uniqueEmail(first, last, company);
        }
        String mobile = random.nextInt(10) < 7 ? uniqueNumber(true) : null;
        String landline = random.nextInt(10) < 5 ? uniqueNumber(false) : null;
        return new Person(first, last, email, mobile, landline, company);
    }

    private String uniqueEmail(int first, int last, int company) {
        String local = ascii(FIRST_NAMES[first][0]) + "." + ascii(LAST_NAMES[last][0]).replace(" ", "");
        String email = local + "@" + companyDomains.get(company);
        for (int n = 2; !usedEmails.add(email); n++) {
            email = local + n + "@" + companyDomains.get(company);
        }
        return idnCanonical(email);
    }

    private static String idnCanonical(String email) {
        int at = email.indexOf('@');
        return email.substring(0, at) + "@" + IDN.toASCII(email.substring(at + 1)).toLowerCase(Locale.ROOT);
    }

    private String uniqueNumber(boolean mobile) {
        while (true) {
            String number = mobile
                    ? "+49" + MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)] + digits(7)
                    : "+49" + AREA_CODES[random.nextInt(AREA_CODES.length)] + (1 + random.nextInt(9)) + digits(6);
            if (usedNumbers.add(number)) {
                return number;
            }
        }
    }

    private String digits(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(random.nextInt(10));
        }
        return sb.toString();
    }

    private Labelled makeIncoming() {
        int roll = random.nextInt(100);
        Person base = crm.get(random.nextInt(crm.size()));
        Person latent;
        String kind;
        if (roll < 15) {
            kind = "same e-mail";
            latent = new Person(base.first(), base.last(), base.email(), null, null, base.company());
        } else if (roll < 27) {
            kind = "same mobile";
            base = pick(p -> p.mobile() != null);
            latent = new Person(base.first(), base.last(), null, base.mobile(), null, base.company());
        } else if (roll < 35) {
            kind = "same landline";
            base = pick(p -> p.landline() != null);
            latent = new Person(base.first(), base.last(), uniqueEmail(base.first(), base.last(), random.nextInt(companyDomains.size())),
                    null, base.landline(), base.company());
        } else if (roll < 55) {
            kind = "same person, other data";
            latent = new Person(base.first(), base.last(), random.nextBoolean() ? null
                    : uniqueEmail(base.first(), base.last(), random.nextInt(companyDomains.size())),
                    random.nextBoolean() ? uniqueNumber(true) : null, null, base.company());
        } else if (roll < 63) {
            kind = "family member";
            base = pick(p -> p.landline() != null);
            int first = otherThan(base.first(), FIRST_NAMES.length);
            latent = new Person(first, base.last(), uniqueEmail(first, base.last(), random.nextInt(companyDomains.size())),
                    random.nextBoolean() ? uniqueNumber(true) : null, base.landline(), base.company());
        } else if (roll < 70) {
            kind = "colleague on a shared mailbox";
            base = pick(p -> p.email() != null && p.email().startsWith("info@"));
            latent = new Person(otherThan(base.first(), FIRST_NAMES.length), otherThan(base.last(), LAST_NAMES.length),
                    base.email(), random.nextBoolean() ? uniqueNumber(true) : null, null, base.company());
        } else if (roll < 75) {
            kind = "namesake";
            latent = newPerson(base.first(), base.last());
        } else {
            kind = "new person";
            latent = newPerson(random.nextInt(FIRST_NAMES.length), random.nextInt(LAST_NAMES.length));
        }
        ContactCandidate rendered = render(latent, true);
        boolean sameLast = lastExact;
        boolean sameFirst = firstExact;
        if (random.nextInt(40) == 0 && (latent.email() != null || latent.mobile() != null)) {
            rendered = new ContactCandidate("", "", rendered.lastName(), rendered.emails(), rendered.phones(),
                    rendered.mobiles(), rendered.company());
            latent = new Person(-1, latent.last(), latent.email(), latent.mobile(), latent.landline(), latent.company());
            kind += ", no first name";
        }
        return new Labelled(rendered, latent, expected(latent, sameLast, sameFirst), kind);
    }

    private Person pick(java.util.function.Predicate<Person> wanted) {
        while (true) {
            Person p = crm.get(random.nextInt(crm.size()));
            if (wanted.test(p)) {
                return p;
            }
        }
    }

    private int otherThan(int value, int bound) {
        int other;
        do {
            other = random.nextInt(bound);
        } while (other == value);
        return other;
    }

    /**
     * The oracle: the strongest status over every CRM person, from latent values and whether the names were
     * written as their canonical spelling (not from the rendered text).
     */
    DuplicateStatus expected(Person in, boolean lastExact, boolean firstExact) {
        DuplicateStatus best = DuplicateStatus.NONE;
        for (Person c : crm) {
            DuplicateStatus s = expected(in, c, lastExact, firstExact);
            if (s.compareTo(best) < 0) {
                best = s;
            }
        }
        return best;
    }

    /**
     * The rules for one pair: the same address is certain, a shared role address only with the same names; the
     * same number with the same last name is certain (a landline only with the same first name too, since a
     * household or an office shares it); with a similar spelling of the names it is only possible; the same names
     * alone are possible. A blank first name is no evidence.
     */
    static DuplicateStatus expected(Person in, Person c, boolean lastExact, boolean firstExact) {
        boolean firstKnown = in.first() >= 0 && c.first() >= 0;
        boolean sameLast = in.last() == c.last();
        boolean sameFirst = firstKnown && in.first() == c.first();
        boolean identicalLast = sameLast && lastExact;
        boolean identicalNames = identicalLast && sameFirst && firstExact;
        DuplicateStatus best = DuplicateStatus.NONE;
        if (in.email() != null && in.email().equals(c.email())) {
            best = in.email().startsWith("info@") && !identicalNames ? DuplicateStatus.POSSIBLE : DuplicateStatus.CERTAIN;
        }
        if (sameLast) {
            if (in.mobile() != null && in.mobile().equals(c.mobile())) {
                best = min(best, identicalLast ? DuplicateStatus.CERTAIN : DuplicateStatus.POSSIBLE);
            }
            if (in.landline() != null && in.landline().equals(c.landline())) {
                best = min(best, identicalNames ? DuplicateStatus.CERTAIN : DuplicateStatus.POSSIBLE);
            }
            if (sameFirst) {
                best = min(best, DuplicateStatus.POSSIBLE);
            }
        }
        return best;
    }

    private static DuplicateStatus min(DuplicateStatus a, DuplicateStatus b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** The person as a user or a groupware would have typed it; {@code noisy} adds the typical noise. */
    ContactCandidate render(Person p, boolean noisy) {
        String first = p.first() < 0 ? "" : spelling(FIRST_NAMES[p.first()], noisy);
        String last = spelling(LAST_NAMES[p.last()], noisy);
        String title = "";
        firstExact = true;
        if (noisy) {
            first = noise(first);
            last = noise(last);
            // before a title is put in front of the given name
            firstExact = p.first() < 0 || spellingKey(first).equals(spellingKey(FIRST_NAMES[p.first()][0]));
            if (random.nextInt(10) == 0) {
                String t = TITLES[random.nextInt(TITLES.length)];
                if (random.nextBoolean()) {
                    title = t;
                } else {
                    first = t + " " + first;
                }
            }
            if (last.contains(" ") && random.nextInt(3) == 0) {
                last = last.substring(last.lastIndexOf(' ') + 1);
            }
        }
        lastExact = spellingKey(withoutParticles(last)).equals(spellingKey(withoutParticles(LAST_NAMES[p.last()][0])));
        List<String> emails = p.email() == null ? List.of() : List.of(noisy ? renderEmail(p.email()) : p.email());
        List<String> mobiles = p.mobile() == null ? List.of() : List.of(renderNumber(p.mobile(), noisy));
        List<String> phones = p.landline() == null ? List.of() : List.of(renderNumber(p.landline(), noisy));
        if (noisy && !mobiles.isEmpty() && random.nextInt(5) == 0) {
            // a mobile number typed into the phone field
            phones = new ArrayList<>(phones);
            phones.addAll(mobiles);
            mobiles = List.of();
        }
        return new ContactCandidate(title, first, last, emails, phones, mobiles, companyDomains.get(p.company()));
    }

    private String spelling(String[] group, boolean noisy) {
        return noisy ? group[random.nextInt(group.length)] : group[0];
    }

    private String noise(String name) {
        if (name.isEmpty()) {
            return name;
        }
        int roll = random.nextInt(100);
        if (roll < 20) {
            return writeOut(name);
        }
        if (roll < 30) {
            return dropAccents(name);
        }
        if (roll < 38) {
            return name.toUpperCase(Locale.GERMAN);
        }
        if (roll < 45) {
            return name.toLowerCase(Locale.GERMAN);
        }
        if (roll < 70 && name.length() >= 5) {
            return typo(name);
        }
        return name;
    }

    /**
     * A spelling as German readers compare it: umlauts and ß written out, other accents dropped, case ignored. Equal
     * for "Müller", "MUELLER" and "Gonçalves" / "Goncalves"; not for "Muller" (another spelling of Müller),
     * "Meier" / "Meyer" or a typo.
     */
    static String spellingKey(String s) {
        return dropAccents(writeOut(s)).toLowerCase(Locale.ROOT);
    }

    /** The family name without the particles the data set uses ("von der Heide" → "Heide"). */
    private static String withoutParticles(String last) {
        return last.replaceFirst("^(?i)((von|van|zu|der) )+", "");
    }

    static String writeOut(String s) {
        return s.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
                .replace("Ä", "Ae").replace("Ö", "Oe").replace("Ü", "Ue");
    }

    static String dropAccents(String s) {
        return java.text.Normalizer.normalize(s.replace("ß", "ss"), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
    }

    /** One typing error after the first letter, among letters: swapped, dropped, doubled or a wrong neighbour. */
    private String typo(String s) {
        char[] c = s.toCharArray();
        int i = 1 + random.nextInt(s.length() - 2);
        for (int tries = 0; tries < 10 && !(Character.isLetter(c[i]) && Character.isLetter(c[i + 1])); tries++) {
            i = 1 + random.nextInt(s.length() - 2);
        }
        if (!(Character.isLetter(c[i]) && Character.isLetter(c[i + 1]))) {
            return s;
        }
        return switch (random.nextInt(4)) {
            case 0 -> {
                char t = c[i];
                c[i] = c[i + 1];
                c[i + 1] = t;
                yield new String(c);
            }
            case 1 -> s.substring(0, i) + s.substring(i + 1);
            case 2 -> s.substring(0, i) + c[i] + s.substring(i);
            default -> s.substring(0, i) + neighbour(c[i]) + s.substring(i + 1);
        };
    }

    private char neighbour(char c) {
        String rows = "qwertzuiopü asdfghjklöä yxcvbnm";
        int at = rows.indexOf(Character.toLowerCase(c));
        if (at < 0) {
            return c;
        }
        int next = at + (random.nextBoolean() ? 1 : -1);
        return next < 0 || next >= rows.length() || rows.charAt(next) == ' ' ? c : rows.charAt(next);
    }

    private String renderEmail(String email) {
        int at = email.indexOf('@');
        String domain = email.substring(at + 1);
        if (domain.startsWith("xn--") && random.nextBoolean()) {
            domain = IDN.toUnicode(domain);
        }
        String text = email.substring(0, at) + "@" + domain;
        return switch (random.nextInt(5)) {
            case 0 -> text.toUpperCase(Locale.ROOT);
            case 1 -> "  " + text + " ";
            case 2 -> "<" + text + ">";
            case 3 -> Character.toUpperCase(text.charAt(0)) + text.substring(1);
            default -> text;
        };
    }

    private String renderNumber(String e164, boolean noisy) {
        String national = e164.substring(3);
        int split = national.startsWith("1") ? 3 : national.length() - 7;
        String area = national.substring(0, split);
        String rest = national.substring(split);
        int style = noisy ? random.nextInt(6) : 0;
        return switch (style) {
            case 0 -> "0" + area + " " + rest;
            case 1 -> "+49 (0)" + area + " " + rest;
            case 2 -> "0049-" + area + "-" + rest;
            case 3 -> "+49 " + area + " " + rest;
            case 4 -> "0" + area + "/" + rest;
            default -> e164;
        };
    }

    private static String ascii(String name) {
        return dropAccents(writeOut(name)).toLowerCase(Locale.ROOT).replace("ł", "l");
    }
}
