package io.liaison.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.liaison.api.connector.Credentials;
import io.liaison.api.connector.Secret;
import io.liaison.api.domain.AccountId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialVaultTest {
    private static final String PASSWORD = "s3cr3t-Pa55word!";
    private static final String REFRESH = "0.AAAA-refresh-token-value";
    private static final AccountId ACCOUNT = AccountId.of("acc-1");

    @TempDir
    Path directory;

    private static Credentials credentials() {
        return new Credentials("anna@example.com", Secret.of(PASSWORD),
                Map.of("refreshToken", Secret.of(REFRESH), "clientSecret", Secret.of("cs-ünïcode")));
    }

    @Test
    void sealedCredentialsOpenToTheSame() {
        CredentialVault vault = new CredentialVault(directory.resolve("vault.key"));

        SealedCredentials sealed = vault.seal(ACCOUNT, 1, credentials());
        Credentials opened = vault.open(ACCOUNT, sealed);

        assertThat(opened).isEqualTo(credentials());
        assertThat(opened.named("refreshToken").orElseThrow().reveal()).isEqualTo(REFRESH);
        assertThat(vault.open(ACCOUNT, vault.seal(ACCOUNT, 1, Credentials.NONE))).isEqualTo(Credentials.NONE);
    }

    @Test
    void ciphertextHoldsNoSecretAndDiffersEachTime() {
        CredentialVault vault = new CredentialVault(directory.resolve("vault.key"));

        SealedCredentials first = vault.seal(ACCOUNT, 1, credentials());
        SealedCredentials second = vault.seal(ACCOUNT, 1, credentials());

        assertThat(first.sealed()).isNotEqualTo(second.sealed());
        byte[] firstBytes = Base64.getDecoder().decode(first.sealed());
        byte[] secondBytes = Base64.getDecoder().decode(second.sealed());
        assertThat(java.util.Arrays.copyOf(firstBytes, CredentialVault.IV_BYTES))
                .isNotEqualTo(java.util.Arrays.copyOf(secondBytes, CredentialVault.IV_BYTES));
        assertThat(new String(firstBytes, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(PASSWORD).doesNotContain("anna@example.com");
        assertThat(first.toString()).doesNotContain(first.sealed());
    }

    @Test
    void tamperedCiphertextIsRejected() {
        CredentialVault vault = new CredentialVault(directory.resolve("vault.key"));
        SealedCredentials sealed = vault.seal(ACCOUNT, 1, credentials());
        byte[] bytes = Base64.getDecoder().decode(sealed.sealed());
        bytes[bytes.length - 20] ^= 0x01;
        SealedCredentials tampered = new SealedCredentials(sealed.keyFingerprint(),
                Base64.getEncoder().encodeToString(bytes), 1);

        assertThatThrownBy(() -> vault.open(ACCOUNT, tampered))
                .isInstanceOf(VaultException.class)
                .hasMessageContaining("acc-1").hasMessageContaining("altered")
                .message().doesNotContain(PASSWORD).doesNotContain(REFRESH);
    }

    @Test
    void ciphertextIsBoundToItsAccount() {
        CredentialVault vault = new CredentialVault(directory.resolve("vault.key"));
        SealedCredentials sealed = vault.seal(ACCOUNT, 1, credentials());

        assertThatThrownBy(() -> vault.open(AccountId.of("acc-2"), sealed))
                .isInstanceOf(VaultException.class).hasMessageContaining("acc-2")
                .hasMessageContaining("another account");
    }

    @Test
    void ciphertextIsBoundToItsVersion() {
        CredentialVault vault = new CredentialVault(directory.resolve("vault.key"));
        SealedCredentials first = vault.seal(ACCOUNT, 1, credentials());

        SealedCredentials asSecond = new SealedCredentials(first.keyFingerprint(), first.sealed(), 2);
        SealedCredentials asUnversioned = new SealedCredentials(first.keyFingerprint(), first.sealed(),
                SealedCredentials.UNVERSIONED);

        assertThat(first.version()).isEqualTo(1);
        assertThat(vault.open(ACCOUNT, first)).isEqualTo(credentials());
        assertThatThrownBy(() -> vault.open(ACCOUNT, asSecond)).isInstanceOf(VaultException.class)
                .hasMessageContaining("acc-1").hasMessageContaining("older copy");
        assertThatThrownBy(() -> vault.open(ACCOUNT, asUnversioned)).isInstanceOf(VaultException.class);
        assertThatThrownBy(() -> vault.seal(ACCOUNT, SealedCredentials.UNVERSIONED, credentials()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ciphertextSealedWithoutAVersionOpensOnlyAsSuch() throws Exception {
        Path keyFile = directory.resolve("vault.key");
        CredentialVault vault = new CredentialVault(keyFile);
        String legacy = LegacySealing.seal(keyFile, ACCOUNT, "anna@example.com", PASSWORD);

        Credentials opened = vault.open(ACCOUNT, new SealedCredentials(vault.keyFingerprint(), legacy,
                SealedCredentials.UNVERSIONED));

        assertThat(opened.username()).isEqualTo("anna@example.com");
        assertThat(opened.secret().reveal()).isEqualTo(PASSWORD);
        assertThatThrownBy(() -> vault.open(ACCOUNT, new SealedCredentials(vault.keyFingerprint(), legacy, 1)))
                .isInstanceOf(VaultException.class);
    }

    @Test
    void keyFileIsCreatedOnceWithOwnerOnlyPermissions() throws Exception {
        Path keyFile = directory.resolve("data/liaison/vault.key");
        CredentialVault first = new CredentialVault(keyFile);
        byte[] key = Files.readAllBytes(keyFile);
        SealedCredentials sealed = first.seal(ACCOUNT, 1, credentials());

        CredentialVault second = new CredentialVault(keyFile);

        assertThat(key).hasSize(32);
        assertThat(Files.readAllBytes(keyFile)).isEqualTo(key);
        assertThat(second.keyFingerprint()).isEqualTo(first.keyFingerprint());
        assertThat(second.open(ACCOUNT, sealed)).isEqualTo(credentials());
        try (var files = Files.list(keyFile.getParent())) {
            assertThat(files).containsExactly(keyFile);
        }
        assumeTrue(Files.getFileStore(keyFile).supportsFileAttributeView("posix"));
        assertThat(Files.getPosixFilePermissions(keyFile))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(keyFile.getParent())).containsExactlyInAnyOrder(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
    }

    @Test
    void twoVaultsHaveDifferentKeys() {
        CredentialVault one = new CredentialVault(directory.resolve("one.key"));
        CredentialVault other = new CredentialVault(directory.resolve("other.key"));

        assertThat(one.keyFingerprint()).isNotEqualTo(other.keyFingerprint());
    }

    @Test
    void wrongKeyIsReportedAsSuch() {
        SealedCredentials sealed = new CredentialVault(directory.resolve("original.key")).seal(ACCOUNT, 1, credentials());
        CredentialVault otherKey = new CredentialVault(directory.resolve("replacement.key"));

        assertThatThrownBy(() -> otherKey.open(ACCOUNT, sealed))
                .isInstanceOf(VaultException.class)
                .hasMessageContaining("acc-1").hasMessageContaining("replacement.key")
                .hasMessageContaining("restore the original key file");
    }

    @Test
    void missingKeyIsNotRecreatedWhenThatIsForbidden() {
        Path keyFile = directory.resolve("vault.key");

        assertThatThrownBy(() -> new CredentialVault(keyFile, false))
                .isInstanceOf(VaultException.class).hasMessageContaining(keyFile.toString())
                .hasMessageContaining("missing");
        assertThat(keyFile).doesNotExist();
    }

    @Test
    void keyFileOfTheWrongSizeIsRefused() throws Exception {
        Path keyFile = directory.resolve("short.key");
        Files.write(keyFile, new byte[16]);

        assertThatThrownBy(() -> new CredentialVault(keyFile))
                .isInstanceOf(VaultException.class).hasMessageContaining("16 bytes").hasMessageContaining("short.key");
    }

    @Test
    void nothingPrintsASecret() {
        CredentialVault vault = new CredentialVault(directory.resolve("vault.key"));
        SealedCredentials sealed = vault.seal(ACCOUNT, 1, credentials());

        assertThat(credentials().toString()).doesNotContain(PASSWORD).doesNotContain(REFRESH);
        assertThat(vault.toString()).doesNotContain(PASSWORD);
        assertThat(sealed.toString()).doesNotContain(PASSWORD);
        assertThatThrownBy(() -> vault.open(AccountId.of("x"), sealed)).message()
                .doesNotContain(PASSWORD).doesNotContain(REFRESH).doesNotContain("anna@example.com");
    }

    @Test
    void corruptStoredTextIsReportedWithTheAccount() {
        CredentialVault vault = new CredentialVault(directory.resolve("vault.key"));

        assertThatThrownBy(() -> vault.open(ACCOUNT, new SealedCredentials(vault.keyFingerprint(), "!!not base64", 1)))
                .isInstanceOf(VaultException.class).hasMessageContaining("acc-1").hasMessageContaining("corrupt");
        assertThatThrownBy(() -> vault.open(ACCOUNT, new SealedCredentials(vault.keyFingerprint(), "AAAA", 1)))
                .isInstanceOf(VaultException.class).hasMessageContaining("too short");
    }

    @Test
    void permissionsOfAnExistingDirectoryAreLeftAlone() throws Exception {
        assumeTrue(Files.getFileStore(directory).supportsFileAttributeView("posix"));
        Set<PosixFilePermission> before = Files.getPosixFilePermissions(directory);

        new CredentialVault(directory.resolve("vault.key"));

        assertThat(Files.getPosixFilePermissions(directory)).isEqualTo(before);
    }
}
