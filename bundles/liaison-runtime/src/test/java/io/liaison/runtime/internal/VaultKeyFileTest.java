package io.liaison.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/** The vault key lives apart from data/ by default, wherever an administrator names it, and an old key moves out. */
@ResourceLock("karaf system properties")
class VaultKeyFileTest {
    @TempDir
    Path home;
    private String oldHome;
    private String oldData;

    @BeforeEach
    void karaf() {
        oldHome = System.setProperty("karaf.home", home.toString());
        oldData = System.setProperty("karaf.data", home.resolve("data").toString());
    }

    @AfterEach
    void restore() {
        restore("karaf.home", oldHome);
        restore("karaf.data", oldData);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @Test
    void theDefaultKeyIsNotInTheDataDirectory() {
        Path key = VaultKeyFile.resolve(RuntimeConfig.DEFAULT_KEY_FILE, Map.of());

        assertThat(key).isEqualTo(home.resolve("keys").resolve("liaison-vault.key"));
        assertThat(key.startsWith(home.resolve("data"))).isFalse();
    }

    @Test
    void anEnvironmentVariableNamesTheKeyUnlessTheConfigurationDoes() {
        Map<String, String> env = Map.of(RuntimeConfig.KEY_FILE_ENVIRONMENT, "/run/secrets/liaison.key");

        assertThat(VaultKeyFile.resolve(RuntimeConfig.DEFAULT_KEY_FILE, env)).isEqualTo(Path.of("/run/secrets/liaison.key"));
        assertThat(VaultKeyFile.resolve("${karaf.home}/other.key", env)).isEqualTo(home.resolve("other.key"));
    }

    @Test
    void aKeyInTheDataDirectoryIsMovedOutAndStillOpensWhatItSealed() throws Exception {
        Path legacy = home.resolve("data").resolve("liaison").resolve("vault.key");
        CredentialVault before = new CredentialVault(legacy);
        SealedCredentials sealed = before.seal(io.liaison.api.domain.AccountId.of("a1"), 1,
                new io.liaison.api.connector.Credentials("user", io.liaison.api.connector.Secret.of("s3cret"), Map.of()));
        Path key = VaultKeyFile.resolve(RuntimeConfig.DEFAULT_KEY_FILE, Map.of());

        VaultKeyFile.moveLegacyKey(key);

        assertThat(legacy).doesNotExist();
        assertThat(key).exists();
        assertThat(Files.getPosixFilePermissions(key.getParent())).containsExactlyInAnyOrder(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
        assertThat(new CredentialVault(key, false).open(io.liaison.api.domain.AccountId.of("a1"), sealed).secret().reveal())
                .isEqualTo("s3cret");
    }
}
