package io.liaison.connector.local.internal;

import io.liaison.api.connector.SyncToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listings behind sync tokens. A token names a snapshot file under {@code .liaison/snapshots/<scope>/}
 * that holds, for each item of a folder or store, its version and file name; the next listing is compared
 * with it. Tokens stay small (a number and a UUID); the newest {@link #KEEP} snapshots of a scope are kept, an older
 * or unknown token means a complete re-read, as an expired delta token does on Graph. The number counts the tokens a
 * scope has given out (kept in its {@value #ISSUED} file): a token numbered past that count was given out by a newer
 * state than the one on disk, which was restored from a backup ({@link #ahead}).
 */
final class Snapshots {

    /** How many snapshots per scope are kept. */
    static final int KEEP = 20;

    private static final Logger LOG = LoggerFactory.getLogger(Snapshots.class);
    /** Tokens before the count: a UUID alone. Still read; never ahead, since nothing tells. */
    private static final String PREFIX = "local1:";
    /** Tokens with the count: {@code local2:<number>:<UUID>}. */
    private static final String COUNTED = "local2:";
    /** The file in a scope directory that holds how many tokens the scope has given out. */
    private static final String ISSUED = "issued";
    /** The file in a scope directory that names the snapshot saved last. */
    private static final String LATEST = "latest";
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Path directory;
    private final AtomicFiles files;

    Snapshots(Path stateDirectory, AtomicFiles files) {
        this.directory = stateDirectory.resolve("snapshots");
        this.files = files;
    }

    /** What a snapshot records per item. */
    record Entry(String version, String fileName) {
    }

    /** The snapshot a token names in a scope, if it is still there. */
    Optional<Map<String, Entry>> load(String scope, Optional<SyncToken> token) throws IOException {
        if (token.isEmpty()) {
            return Optional.empty();
        }
        String value = token.get().value();
        Optional<String> id = snapshotId(value);
        if (id.isEmpty()) {
            LOG.info("Sync token '{}' was not issued by the local connector; reading {} completely", value, scope);
            return Optional.empty();
        }
        Optional<Map<String, Entry>> entries = read(scopeDirectory(scope).resolve(id.get()));
        if (entries.isEmpty()) {
            LOG.info("Sync token {} of {} is no longer known; reading it completely", value, scope);
        }
        return entries;
    }

    /**
     * Whether a token was given out after every token this scope's state has given out: the state on disk (the
     * {@code .liaison} directory) is older than the token, put back from a backup. A token without a number, or one
     * not of this connector, cannot tell and is not ahead. A scope with no state at all has given out nothing, so
     * any counted token is ahead of it.
     */
    boolean ahead(String scope, SyncToken token) throws IOException {
        String value = token.value();
        if (!value.startsWith(COUNTED) || snapshotId(value).isEmpty()) {
            return false;
        }
        return number(value) > issued(scopeDirectory(scope));
    }

    /** The snapshot file a token names, if it is one of this connector's tokens. */
    private static Optional<String> snapshotId(String value) {
        String id;
        if (value.startsWith(PREFIX)) {
            id = value.substring(PREFIX.length());
        } else if (value.startsWith(COUNTED) && value.indexOf(':', COUNTED.length()) > 0) {
            String number = value.substring(COUNTED.length(), value.indexOf(':', COUNTED.length()));
            if (!number.matches("[0-9]{1,18}")) {
                return Optional.empty();
            }
            id = value.substring(value.indexOf(':', COUNTED.length()) + 1);
        } else {
            return Optional.empty();
        }
        return ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }

    private static long number(String counted) {
        return Long.parseLong(counted.substring(COUNTED.length(), counted.indexOf(':', COUNTED.length())));
    }

    /** How many tokens a scope directory has given out; 0 before the count was kept (or with no state). */
    private static long issued(Path dir) throws IOException {
        try {
            String count = Files.readString(dir.resolve(ISSUED), StandardCharsets.UTF_8).strip();
            return count.matches("[0-9]{1,18}") ? Long.parseLong(count) : 0;
        } catch (NoSuchFileException e) {
            return 0;
        }
    }

    private static Optional<Map<String, Entry>> read(Path file) throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] parts = line.split("\t", -1);
                if (parts.length == 3) {
                    entries.put(decode(parts[0]), new Entry(decode(parts[1]), decode(parts[2])));
                }
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return Optional.of(entries);
    }

    /**
     * The newest snapshot of a scope, whatever token named it: where Liaison last saw each item, which a new
     * session needs to tell which file is an item whose file cannot be read now, or which of two copies is
     * the item. Pruning always keeps it.
     */
    Optional<Map<String, Entry>> newest(String scope) throws IOException {
        Path dir = scopeDirectory(scope);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try {
            String latest = Files.readString(dir.resolve(LATEST), StandardCharsets.UTF_8).strip();
            if (ID.matcher(latest).matches()) {
                Optional<Map<String, Entry>> entries = read(dir.resolve(latest));
                if (entries.isPresent()) {
                    return entries;
                }
            }
        } catch (NoSuchFileException e) {
            // written before the pointer existed: the newest by time
        }
        for (Path newest : byAge(dir)) {
            Optional<Map<String, Entry>> entries = read(newest);
            if (entries.isPresent()) {
                return entries;
            }
        }
        return Optional.empty();
    }

    /** Stores a listing and returns the token that names it. */
    SyncToken save(String scope, Map<String, Entry> entries) throws IOException {
        Path dir = scopeDirectory(scope);
        Files.createDirectories(dir);
        StringWriter out = new StringWriter();
        entries.forEach((key, entry) -> out.append(encode(key)).append('\t').append(encode(entry.version()))
                .append('\t').append(encode(entry.fileName())).append('\n'));
        String id = UUID.randomUUID().toString();
        long number = issued(dir) + 1;
        files.write(dir.resolve(id), out.toString().getBytes(StandardCharsets.UTF_8));
        // counted before the token is handed out: a token is never numbered past the count on disk
        files.write(dir.resolve(ISSUED), Long.toString(number).getBytes(StandardCharsets.UTF_8));
        files.write(dir.resolve(LATEST), id.getBytes(StandardCharsets.UTF_8));
        prune(dir, id);
        return new SyncToken(COUNTED + number + ":" + id);
    }

    /** Removes all but the newest {@link #KEEP} snapshots, never the one just saved (a clock stepped back). */
    private void prune(Path dir, String saved) throws IOException {
        List<Path> snapshots = byAge(dir).stream().filter(p -> !p.getFileName().toString().equals(saved)).toList();
        for (Path old : snapshots.subList(Math.min(KEEP - 1, snapshots.size()), snapshots.size())) {
            Files.deleteIfExists(old);
        }
    }

    /** The snapshots of a scope directory, newest first. */
    private static List<Path> byAge(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> ID.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparing(Snapshots::modified).reversed()).toList();
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private Path scopeDirectory(String scope) {
        // scopes are fixed names or folder ids; the hash keeps any folder name out of the path
        return directory.resolve(scope.matches("[a-z]+") ? scope : "f-" + ContentHash.of(scope).substring(0, 24));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
