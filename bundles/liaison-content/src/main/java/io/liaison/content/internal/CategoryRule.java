package io.liaison.content.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One categorisation rule: when a document matches every criterion the rule sets (media type, file name,
 * words in its text), it gets the rule's category and keywords.
 *
 * @param name            the rule's name, for logs and tie-breaking
 * @param mediaTypes      media type patterns, any of which must match ({@code image/*}, {@code text/calendar})
 * @param fileNamePattern a glob ({@code *.ics}), or a regular expression after {@code regex:}; case-insensitive
 * @param words           words or phrases, any of which must occur in the text as a whole word, case-insensitive
 * @param category        the category given
 * @param keywords        keywords given, followed by the words found
 * @param priority        higher runs first
 */
public record CategoryRule(String name, List<String> mediaTypes, String fileNamePattern, List<String> words,
                           String category, List<String> keywords, int priority) {

    /** Compiled patterns, shared by all rules (records hold no extra state): rules are few, words fewer. */
    private static final int MAX_CACHED = 10_000;
    private static final Map<String, Pattern> WORD_PATTERNS = new BoundedCache<>(MAX_CACHED);
    private static final Map<String, String> FIRST_PARTS = new BoundedCache<>(MAX_CACHED);
    private static final Map<String, FileNamePattern> FILE_NAME_PATTERNS = new BoundedCache<>(MAX_CACHED);
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CategoryRule.class);

    public CategoryRule {
        name = name == null ? "" : name.strip();
        mediaTypes = mediaTypes.stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).toList();
        fileNamePattern = fileNamePattern == null ? "" : fileNamePattern.strip();
        words = words.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        category = category == null ? "" : category.strip();
        keywords = keywords.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (category.isEmpty()) {
            throw new IllegalArgumentException("rule '" + name + "' has no category");
        }
        if (mediaTypes.isEmpty() && fileNamePattern.isEmpty() && words.isEmpty()) {
            throw new IllegalArgumentException("rule '" + name + "' has no criterion (media types, file name pattern or words)");
        }
        compileFileName(name, fileNamePattern);
    }

    /** Whether the rule needs the document's text. */
    public boolean needsText() {
        return !words.isEmpty();
    }

    /**
     * Matches a document.
     *
     * @return the words found (empty when the rule has none) when every criterion matches
     */
    public Optional<List<String>> match(String fileName, String mediaType, String text) {
        return match(fileName, mediaType, () -> DocumentText.of(text == null ? "" : text));
    }

    /**
     * Matches a document whose text is read only when this rule looks at words, after its media type and file
     * name matched.
     *
     * @return the words found (empty when the rule has none) when every criterion matches
     */
    Optional<List<String>> match(String fileName, String mediaType, Supplier<DocumentText> text) {
        if (!mediaTypes.isEmpty() && mediaTypes.stream().noneMatch(p -> mediaTypeMatches(p, mediaType))) {
            return Optional.empty();
        }
        if (!fileNamePattern.isEmpty() && !fileNameMatches(fileName)) {
            return Optional.empty();
        }
        if (words.isEmpty()) {
            return Optional.of(List.of());
        }
        DocumentText document = text.get();
        List<String> found = new ArrayList<>();
        for (String word : words) {
            // the regular expression runs only on text that holds the word's first part in some case
            if (document.folded().contains(firstPartFolded(word)) && wordPattern(word).matcher(document.text()).find()) {
                found.add(word);
            }
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(found);
    }

    /**
     * A document's text, and the same text case-folded as the rules' case-insensitive patterns compare it
     * (each code point as {@code toLowerCase(toUpperCase(c))}), for a quick test before a pattern runs.
     */
    record DocumentText(String text, String folded) {
        static DocumentText of(String text) {
            return new DocumentText(text, fold(text));
        }
    }

    /** Case-folds like {@link Pattern#CASE_INSENSITIVE} with {@link Pattern#UNICODE_CASE} compares characters. */
    static String fold(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> out.appendCodePoint(Character.toLowerCase(Character.toUpperCase(c))));
        return out.toString();
    }

    private static String firstPartFolded(String word) {
        return FIRST_PARTS.computeIfAbsent(word, w -> fold(w.split("\\s+")[0]));
    }

    private static boolean mediaTypeMatches(String pattern, String mediaType) {
        String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
        int semicolon = type.indexOf(';');
        if (semicolon >= 0) {
            type = type.substring(0, semicolon).strip();
        }
        if (pattern.equals("*") || pattern.equals("*/*")) {
            return true;
        }
        if (pattern.endsWith("/*")) {
            return type.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return type.equals(pattern);
    }

    private static Pattern wordPattern(String word) {
        return WORD_PATTERNS.computeIfAbsent(word, CategoryRule::compileWord);
    }

    private static Pattern compileWord(String word) {
        String[] parts = word.split("\\s+");
        StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}])");
        for (int i = 0; i < parts.length; i++) {
            regex.append(i == 0 ? "" : "\\s+").append(Pattern.quote(parts[i]));
        }
        regex.append("(?![\\p{L}\\p{N}])");
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** A pattern that reads too much of a name (crafted to make it backtrack) does not match; the run goes on. */
    private boolean fileNameMatches(String fileName) {
        try {
            return compileFileName(name, fileNamePattern).matches(fileName);
        } catch (FileNamePattern.TooManyStepsException e) {
            LOG.warn("Categorisation: {}", e.getMessage());
            return false;
        }
    }

    private static FileNamePattern compileFileName(String name, String pattern) {
        if (pattern.isEmpty()) {
            return null;
        }
        // keyed by rule and pattern: the rule's name is in the messages of the pattern
        return FILE_NAME_PATTERNS.computeIfAbsent(name + "\n" + pattern, p -> FileNamePattern.compile(name, pattern));
    }

    /** A concurrent map that stops caching (computes without keeping) once it holds {@code max} entries. */
    private static final class BoundedCache<K, V> extends ConcurrentHashMap<K, V> {
        private static final long serialVersionUID = 1L;
        private final int max;

        BoundedCache(int max) {
            this.max = max;
        }

        @Override
        public V computeIfAbsent(K key, java.util.function.Function<? super K, ? extends V> compute) {
            V known = get(key);
            if (known != null) {
                return known;
            }
            return size() < max ? super.computeIfAbsent(key, compute) : compute.apply(key);
        }
    }
}
