package io.liaison.duplicates.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The published given-name lists the duplicate check compares first names by, normalised as names are
 * ({@link NameNormalizer#fold}):
 * <ul>
 * <li>forms of one name: the English nicknames of Carlton Northern's hand-curated list ({@code
 * given-name-nicknames.csv}, Apache License 2.0) and German short forms in the same format ({@code
 * given-name-variants-de.csv}), Hans / Johannes, Fritz / Friedrich, which the English list lacks;</li>
 * <li>given names with their gender: the German and English lists of the npm package gender-detection-from-name
 * 1.11.5 ({@code given-name-genders.txt}, MIT licence), about 33,500 names.</li>
 * </ul>
 * Loaded once, on first use (about 10 ms), and read only afterwards.
 */
final class GivenNameLists {
    /** A name's gender by the list. */
    enum Gender { MALE, FEMALE, EITHER, UNKNOWN }

    private static final class Holder {
        static final GivenNameLists LISTS = load();
    }

    private final Map<String, Set<String>> variants;
    /** The Kölner Phonetik code of each name of {@link #variants}, made once: a check looks up its variants' keys. */
    private final Map<String, String> codes;
    private final Map<String, Gender> genders;

    private GivenNameLists(Map<String, Set<String>> variants, Map<String, Gender> genders) {
        this.variants = variants;
        this.genders = genders;
        Map<String, String> c = new HashMap<>();
        variants.keySet().forEach(name -> c.put(name, NameComparer.phonetic(name)));
        this.codes = Map.copyOf(c);
    }

    static GivenNameLists get() {
        return Holder.LISTS;
    }

    /** Whether the lists relate two different normalised names as forms of one name (either way). */
    boolean variants(String a, String b) {
        return variantsOf(a).contains(b);
    }

    /** The names the lists give as forms of a normalised name (nicknames, or the names it is a nickname of). */
    Set<String> variantsOf(String name) {
        return variants.getOrDefault(name, Set.of());
    }

    /** The Kölner Phonetik code of a name of {@link #variantsOf}. */
    String code(String variant) {
        String code = codes.get(variant);
        return code != null ? code : NameComparer.phonetic(variant);
    }

    /** A normalised name's gender by the list. */
    Gender gender(String name) {
        return genders.getOrDefault(name, Gender.UNKNOWN);
    }

    /** Whether a normalised name is a given name of the lists (and not, say, a typo of one). */
    boolean known(String name) {
        return genders.containsKey(name) || variants.containsKey(name);
    }

    private static GivenNameLists load() {
        Map<String, Set<String>> variants = new HashMap<>();
        for (String file : new String[] {"given-name-nicknames.csv", "given-name-variants-de.csv"}) {
            read(file, line -> {
                String[] fields = line.split(",");
                if (fields.length == 3 && fields[1].equals("has_nickname")) {
                    String name = NameNormalizer.fold(fields[0].strip());
                    String nickname = NameNormalizer.fold(fields[2].strip());
                    if (!name.isEmpty() && !nickname.isEmpty() && !name.equals(nickname)) {
                        variants.computeIfAbsent(name, k -> new HashSet<>()).add(nickname);
                        variants.computeIfAbsent(nickname, k -> new HashSet<>()).add(name);
                    }
                }
            });
        }
        Map<String, Gender> genders = new HashMap<>();
        read("given-name-genders.txt", line -> {
            int comma = line.lastIndexOf(',');
            if (comma > 0) {
                Gender gender = switch (line.substring(comma + 1).strip()) {
                    case "m" -> Gender.MALE;
                    case "f" -> Gender.FEMALE;
                    default -> Gender.EITHER;
                };
                // two spellings that fold into one name ("andré", "andre") of different genders: either
                genders.merge(NameNormalizer.fold(line.substring(0, comma)), gender,
                        (x, y) -> x == y ? x : Gender.EITHER);
            }
        });
        Map<String, Set<String>> frozen = new HashMap<>();
        variants.forEach((k, v) -> frozen.put(k, Set.copyOf(v)));
        return new GivenNameLists(Map.copyOf(frozen), Map.copyOf(genders));
    }

    private static void read(String file, java.util.function.Consumer<String> line) {
        try (InputStream in = GivenNameLists.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("given-name list " + file + " missing from the bundle");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String l = reader.readLine(); l != null; l = reader.readLine()) {
                if (!l.isBlank() && !l.startsWith("#") && !l.startsWith("name1,")) {
                    line.accept(l.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
