package io.liaison.duplicates.internal;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The keys under which a contact is filed in the match-key index, and the keys a check looks up. A duplicate by
 * the rules shares at least one key with the contact checked: {@code email:} and {@code phone:} for the certain
 * rules, and for similar names the Kölner Phonetik codes of both names ({@code name:}), the family name's code
 * with the given name's initial ({@code nameinit:}, which survives a typo in the given name after its first letter
 * and finds "A. Müller") and the given name's code with the family name's initial ({@code firstinit:}, for a typo
 * in the family name), each also for every part of a double family name. Two-letter prefixes instead of initials would make the blocks about five times smaller but
 * lose the typos in the second letter: the quality test's NONE precision fell from 0.966 to 0.92-0.94.
 */
public final class MatchKeys {
    /** Keys longer than this are not filed (no real address or name is that long). */
    public static final int MAX_KEY_LENGTH = 300;

    private MatchKeys() {
    }

    /** The keys a CRM contact is filed under. */
    public static Set<String> indexKeys(NormalizedContact contact) {
        Set<String> keys = identityKeys(contact);
        keys.addAll(nameKeys(contact));
        return keys;
    }

    /** The e-mail and phone keys, which find the certain duplicates. */
    public static Set<String> identityKeys(NormalizedContact contact) {
        Set<String> keys = new LinkedHashSet<>();
        contact.emails().forEach(e -> add(keys, "email:" + e));
        contact.allNumbers().forEach(n -> add(keys, "phone:" + n));
        return keys;
    }

    /** The name keys a contact is filed under, which find the possible duplicates. */
    public static Set<String> nameKeys(NormalizedContact contact) {
        Set<String> keys = new LinkedHashSet<>();
        String first = contact.firstName();
        String last = contact.lastName();
        if (first.isEmpty() || last.isEmpty()) {
            return keys;
        }
        add(keys, "nameinit:" + contact.lastCode() + "|" + first.charAt(0));
        if (first.length() > 1) {
            add(keys, "name:" + contact.lastCode() + "|" + contact.firstCode());
            add(keys, "firstinit:" + contact.firstCode() + "|" + last.charAt(0));
        }
        if (last.indexOf('-') >= 0 || last.indexOf(' ') >= 0) {
            // a double family name is also filed (and looked up) under each part, so that Müller-Lüdenscheidt and
            // Müller find each other
            for (String part : last.split("[ -]")) {
                if (part.length() >= 3) {
                    String code = NameComparer.phonetic(part);
                    add(keys, "nameinit:" + code + "|" + first.charAt(0));
                    if (first.length() > 1) {
                        add(keys, "name:" + code + "|" + contact.firstCode());
                    }
                }
            }
        }
        return keys;
    }

    /** Whether a key is one of the name keys (as opposed to an e-mail or phone key). */
    public static boolean isNameKey(String key) {
        return key.startsWith("name") || key.startsWith("firstinit:");
    }

    /**
     * The name keys a check looks up: the same as it would be filed under, and those of the other forms of its given
     * name by the published list (Johannes for Hans, William for Bill): they begin with another letter and sound
     * otherwise, so no key of the name itself finds them. The index files each contact under its own names only.
     */
    public static Set<String> lookupNameKeys(NormalizedContact contact) {
        Set<String> keys = nameKeys(contact);
        String last = contact.lastName();
        if (contact.firstName().length() < 2 || last.isEmpty()) {
            return keys;
        }
        GivenNameLists lists = GivenNameLists.get();
        for (String variant : lists.variantsOf(contact.firstName())) {
            String code = lists.code(variant);
            add(keys, "nameinit:" + contact.lastCode() + "|" + variant.charAt(0));
            add(keys, "name:" + contact.lastCode() + "|" + code);
            add(keys, "firstinit:" + code + "|" + last.charAt(0));
        }
        return keys;
    }

    private static void add(Set<String> keys, String key) {
        if (key.length() <= MAX_KEY_LENGTH) {
            keys.add(key);
        }
    }
}
