package io.liaison.connector.local.internal;

import io.liaison.api.connector.AccountContext;
import io.liaison.api.connector.ConnectorSession;
import io.liaison.api.connector.Credentials;
import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.EmployeeId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;

/** Opens local sessions on test folder trees, and edits those trees the way a person would. */
final class LocalAccounts {

    static final String ZONE = "Europe/Berlin";

    private LocalAccounts() {
    }

    static AccountContext account(Path root) {
        return new AccountContext(AccountId.of("acc-1"), EmployeeId.of("emp-1"),
                Map.of(LocalConnectorFactory.ROOT, root.toString(), LocalConnectorFactory.TIME_ZONE, ZONE),
                Credentials.NONE, renewed -> { });
    }

    /** A session whose account has these settings besides the root and the zone. */
    static ConnectorSession open(Path root, Map<String, String> settings) {
        Map<String, String> all = new java.util.HashMap<>(account(root).settings());
        all.putAll(settings);
        return new LocalConnectorFactory().open(new AccountContext(AccountId.of("acc-1"), EmployeeId.of("emp-1"), all,
                Credentials.NONE, renewed -> { }));
    }

    static ConnectorSession open(Path root) {
        return new LocalConnectorFactory().open(account(root));
    }

    static ConnectorSession open(Path root, ListingObserver observer) {
        return new LocalConnectorFactory().open(account(root), observer);
    }

    static ConnectorSession open(Path root, Clock clock) {
        return new LocalConnectorFactory(clock).open(account(root));
    }

    /** The item file in a directory that holds this UID. */
    static Path fileWithUid(Path dir, String uid) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(f -> read(f).lines().anyMatch(l -> l.equals("UID:" + uid)))
                    .findFirst().orElseThrow(() -> new AssertionError("no file in " + dir + " has UID " + uid));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the first line starting with {@code prefix}, in place, as a text editor saves. */
    static void replaceLine(Path file, String prefix, String newLine) {
        String text = read(file);
        String edited = text.lines().map(l -> l.startsWith(prefix) ? newLine : l)
                .reduce((a, b) -> a + "\r\n" + b).orElse("") + "\r\n";
        if (edited.equals(text)) {
            throw new AssertionError("no line starts with " + prefix + " in " + file);
        }
        try {
            Files.writeString(file, edited, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
