package io.liaison.benchmarks.duplicates;

import io.liaison.api.domain.Communication;
import io.liaison.api.domain.CommunicationType;
import io.liaison.api.domain.ContactPersonData;
import io.liaison.api.duplicates.ContactCandidate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * Generates a large, German-looking contact base with a fixed seed: 15 % of the family names drawn Zipf-like
 * (exponent 0.7) from 100 common German surnames, 85 % from a long tail of 7,200 composed ones; given names
 * Zipf-like (0.7) from 120 common ones. Both are more concentrated than real names (Müller comes out at about
 * 1.6 %, five times its real share), which makes the name blocks larger than real ones: a pessimistic load.
 * Further: unique e-mail addresses, 70 % with a mobile and 50 % with a landline number. And incoming contacts
 * derived from it: the same e-mail address, the same mobile number, a misspelt name, or somebody new.
 */
final class GeneratedContacts {
    private static final String[] COMMON_LAST = {"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner",
            "Becker", "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann",
            "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Schmitz",
            "Krause", "Meier", "Lehmann", "Schmid", "Schulze", "Maier", "Köhler", "Herrmann", "König", "Walter", "Mayer",
            "Huber", "Kaiser", "Fuchs", "Peters", "Lang", "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Schubert", "Vogel",
            "Friedrich", "Keller", "Günther", "Frank", "Berger", "Winkler", "Roth", "Beck", "Lorenz", "Baumann", "Franke",
            "Albrecht", "Schuster", "Simon", "Ludwig", "Böhm", "Winter", "Kraus", "Martin", "Schumacher", "Krämer", "Vogt",
            "Stein", "Jäger", "Otto", "Sommer", "Groß", "Seidel", "Heinrich", "Brandt", "Haas", "Schreiber", "Graf",
            "Schulte", "Dietrich", "Ziegler", "Kuhn", "Kühn", "Pohl", "Engel", "Horn", "Busch", "Bergmann", "Thomas",
            "Voigt", "Sauer", "Arnold", "Wolff", "Pfeiffer"};
    private static final String[] TAIL_START = {"Acker", "Bach", "Berg", "Birk", "Blum", "Brück", "Dorn", "Eber", "Eich",
            "Feld", "Fichten", "Franken", "Gold", "Grün", "Hage", "Hain", "Heller", "Hirsch", "Holz", "Kessel", "Kirch",
            "Lind", "Loh", "Mühl", "Neu", "Ober", "Pfaff", "Rein", "Rosen", "Sand", "Schön", "Sieg", "Sonnen", "Stahl",
            "Stern", "Tann", "Unter", "Wald", "Wasser", "Weiden", "Wies", "Winter", "Zell", "Brenn", "Dreh", "Falken",
            "Gänse", "Hasel", "Kalten", "Lauten", "Mittel", "Nuss", "Rabe", "Rotten", "Schwarzen", "Stein", "Thal", "Vogel",
            "Wein", "Zimmer"};
    private static final String[] TAIL_END = {"bach", "berger", "brink", "bruch", "dorf", "eder", "feld", "hagen",
            "hauser", "hofer", "holz", "huber", "kamp", "kötter", "lechner", "mann", "maier", "meister", "moser", "müller",
            "reiter", "ried", "schmidt", "stätter", "stein", "thaler", "wald", "weger", "wieser", "winkel"};
    private static final String[] FIRST = {"Michael", "Thomas", "Andreas", "Stefan", "Christian", "Peter", "Frank",
            "Markus", "Klaus", "Wolfgang", "Jürgen", "Martin", "Uwe", "Matthias", "Sabine", "Ursula", "Petra", "Monika",
            "Claudia", "Susanne", "Andrea", "Birgit", "Karin", "Heike", "Gabriele", "Nicole", "Stefanie", "Julia", "Anna",
            "Katharina", "Laura", "Lena", "Sophie", "Marie", "Lukas", "Leon", "Finn", "Jonas", "Paul", "Felix", "Maximilian",
            "Tobias", "Sebastian", "Florian", "Daniel", "Alexander", "Jan", "Tim", "Niklas", "Philipp", "Dieter", "Günter",
            "Horst", "Helmut", "Manfred", "Gerhard", "Bernd", "Rainer", "Holger", "Dirk", "Jörg", "Björn", "Sören", "Kai",
            "Sven", "Lars", "Jens", "Torsten", "Ralf", "Gisela", "Renate", "Ingrid", "Erika", "Brigitte", "Helga", "Elke",
            "Silke", "Anja", "Tanja", "Katrin", "Melanie", "Sandra", "Simone", "Kerstin", "Manuela", "Martina", "Doris",
            "Bärbel", "Dörte", "Käthe", "Götz", "René", "Zoë", "Hannelore", "Waltraud", "Friederike", "Emma", "Mia", "Hanna",
            "Lea", "Clara", "Ida", "Greta", "Ömer", "Ayşe", "Mehmet", "Fatma", "Ali", "Elif", "José", "Maria", "Giuseppe",
            "Małgorzata", "Piotr", "Anastasia", "Dmitri", "Nguyen", "Yusuf", "Zeynep"};
    private static final String[] MOBILE = {"151", "152", "157", "160", "162", "170", "171", "172", "173", "174", "175", "176", "177", "178", "179"};
    private static final String[] AREA = {"30", "40", "89", "221", "69", "711", "211", "351", "511", "911", "421", "341", "231", "201", "621"};

    private static final String[] TAIL_MIDDLE = {"", "en", "er", "s"};

    private final Random random;
    private final double[] lastWeights = cumulative(COMMON_LAST.length, 0.7);
    private final double[] firstWeights = cumulative(FIRST.length, 0.7);

    /** The CRM's contacts. */
    final List<ContactPersonData> crm;
    /** Incoming contacts. */
    final List<ContactCandidate> incoming = new ArrayList<>();

    GeneratedContacts(long seed, int crmSize) {
        random = new Random(seed);
        crm = new ArrayList<>(crmSize);
        for (int i = 0; i < crmSize; i++) {
            crm.add(person(i));
        }
    }

    private ContactPersonData person(int n) {
        String first = FIRST[zipf(firstWeights)];
        String last = random.nextInt(100) < 15 ? COMMON_LAST[zipf(lastWeights)]
                : TAIL_START[random.nextInt(TAIL_START.length)] + TAIL_MIDDLE[random.nextInt(TAIL_MIDDLE.length)]
                + TAIL_END[random.nextInt(TAIL_END.length)];
        List<Communication> comms = new ArrayList<>();
        comms.add(Communication.email(ascii(first) + "." + ascii(last) + "." + n + "@firma-" + (n % 50_000) + ".de", true));
        if (random.nextInt(10) < 7) {
            comms.add(new Communication(CommunicationType.MOBILE, "0" + MOBILE[random.nextInt(MOBILE.length)] + " "
                    + digits(8), true));
        }
        if (random.nextInt(10) < 5) {
            comms.add(new Communication(CommunicationType.PHONE, "0" + AREA[random.nextInt(AREA.length)] + " "
                    + (1 + random.nextInt(9)) + digits(6), true));
        }
        return new ContactPersonData(Optional.empty(), "", "", first, last, "", "", comms);
    }

    /** 1,000 (or {@code count}) incoming contacts derived from the first {@code base} CRM contacts, or new. */
    void makeIncoming(int count, int base) {
        for (int i = 0; i < count; i++) {
            ContactPersonData p = crm.get(random.nextInt(base));
            int roll = random.nextInt(10);
            List<String> emails = List.of();
            List<String> phones = List.of();
            List<String> mobiles = List.of();
            String first = p.firstName();
            String last = p.lastName();
            if (roll < 3) {
                emails = List.of(p.valuesOf(CommunicationType.EMAIL).get(0).toUpperCase(Locale.ROOT));
            } else if (roll < 5 && !p.valuesOf(CommunicationType.MOBILE).isEmpty()) {
                mobiles = List.of("+49 (0)" + p.valuesOf(CommunicationType.MOBILE).get(0).substring(1));
                first = "";
            } else if (roll < 8) {
                last = typo(last);
                emails = List.of("privat." + i + "@example.org");
            } else {
                ContactPersonData stranger = person(10_000_000 + i);
                first = stranger.firstName();
                last = stranger.lastName();
                emails = List.of("new." + i + "@example.org");
            }
            incoming.add(new ContactCandidate("", first, last, emails, phones, mobiles, ""));
        }
    }

    private String typo(String s) {
        if (s.length() < 4) {
            return s;
        }
        int i = 1 + random.nextInt(s.length() - 2);
        return s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2);
    }

    /** Cumulative weights falling like 1/(rank+1)^exponent. */
    private static double[] cumulative(int n, double exponent) {
        double[] c = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1 / Math.pow(i + 1, exponent);
            c[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            c[i] /= sum;
        }
        return c;
    }

    private int zipf(double[] cumulative) {
        int at = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
        return Math.min(cumulative.length - 1, at >= 0 ? at : -at - 1);
    }

    private String digits(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(random.nextInt(10));
        }
        return sb.toString().substring(0, n - (random.nextBoolean() ? 1 : 0));
    }

    private static String ascii(String s) {
        return java.text.Normalizer.normalize(s.toLowerCase(Locale.ROOT).replace("ß", "ss").replace("ä", "ae")
                .replace("ö", "oe").replace("ü", "ue").replace("ł", "l"), java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
