package io.liaison.runtime.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the vault key lives: the configured file (system properties expanded), or for the default
 * ({@code keys/} beside Karaf's {@code data/}, not in it) the file an environment variable names; a key that an
 * earlier release kept in {@code data/} is moved out.
 */
final class VaultKeyFile {
    private static final Logger LOG = LoggerFactory.getLogger(VaultKeyFile.class);
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    private VaultKeyFile() {
    }

    /**
     * The vault key file: the configured one, or for the default the file the environment variable
     * {@value RuntimeConfig#KEY_FILE_ENVIRONMENT} names when it is set.
     */
    static Path resolve(String configured, Map<String, String> environment) {
        String fromEnvironment = environment.get(RuntimeConfig.KEY_FILE_ENVIRONMENT);
        if (configured.equals(RuntimeConfig.DEFAULT_KEY_FILE) && fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Path.of(fromEnvironment.strip());
        }
        return expand(configured);
    }

    /**
     * A key that an earlier release created in {@code data/} is moved to the default location when that is where
     * the key is now looked for and nothing is there yet; the stored credentials stay readable.
     */
    static void moveLegacyKey(Path keyFile) {
        Path legacy;
        Path standard;
        try {
            legacy = expand(RuntimeConfig.LEGACY_KEY_FILE).toAbsolutePath();
            standard = expand(RuntimeConfig.DEFAULT_KEY_FILE).toAbsolutePath();
        } catch (VaultException e) {
            return; // not in Karaf: no legacy location
        }
        if (!keyFile.toAbsolutePath().equals(standard) || Files.exists(standard) || !Files.isRegularFile(legacy)) {
            return;
        }
        try {
            Files.createDirectories(standard.getParent(),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            try {
                Files.createDirectories(standard.getParent());
            } catch (IOException io) {
                throw new VaultException("cannot create " + standard.getParent() + " for the vault key: "
                        + io.getMessage(), io);
            }
        } catch (IOException e) {
            throw new VaultException("cannot create " + standard.getParent() + " for the vault key: "
                    + e.getMessage(), e);
        }
        try {
            Files.copy(legacy, standard, StandardCopyOption.COPY_ATTRIBUTES);
            Files.delete(legacy);
            LOG.info("Moved the vault key from {} to {}, out of the data directory", legacy, standard);
        } catch (IOException e) {
            throw new VaultException("cannot move the vault key from " + legacy + " to " + standard + ": "
                    + e.getMessage(), e);
        }
    }

    /** Expands {@code ${property}} from the system properties (Karaf sets {@code karaf.data}). */
    static Path expand(String configured) {
        Matcher matcher = PROPERTY.matcher(configured);
        StringBuilder expanded = new StringBuilder();
        while (matcher.find()) {
            String value = System.getProperty(matcher.group(1));
            if (value == null) {
                throw new VaultException("vault.keyFile '" + configured + "' names the system property "
                        + matcher.group(1) + ", which is not set: configure vault.keyFile in " + RuntimeConfig.PID);
            }
            matcher.appendReplacement(expanded, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(expanded);
        return Path.of(expanded.toString());
    }
}
