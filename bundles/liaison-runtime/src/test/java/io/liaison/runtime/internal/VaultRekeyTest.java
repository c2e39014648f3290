package io.liaison.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.connector.Credentials;
import io.liaison.api.connector.Secret;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.runtime.AccountRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A vault key rotation re-seals every credential with a new key in one transaction; the old key opens none. */
class VaultRekeyTest {
    @TempDir
    Path dir;
    private JdbcAccountRepository repository;
    private Path keyFile;

    @BeforeEach
    void database() {
        repository = new JdbcAccountRepository(TestDatabases.h2());
        keyFile = dir.resolve("keys").resolve("liaison-vault.key");
    }

    private DefaultAccountService service() {
        return DefaultAccountService.of(repository, DefaultAccountService.openVault(keyFile, repository));
    }

    private GroupwareAccount account(DefaultAccountService service, String secret) {
        GroupwareAccount a = service.create(new AccountRequest(EmployeeId.of("e1"), "test", Map.of(), true, null,
                null, null));
        service.setCredentials(a.id(), new Credentials("user", Secret.of(secret), Map.of()));
        return a;
    }

    @Test
    void everyCredentialIsReSealedWithTheNewKeyAndTheOldKeyOpensNone() throws Exception {
        DefaultAccountService service = service();
        GroupwareAccount a = account(service, "secret-a");
        GroupwareAccount b = account(service, "secret-b");
        byte[] oldKey = Files.readAllBytes(keyFile);
        CredentialVault oldVault = new CredentialVault(keyFile, false);
        SealedCredentials oldA = repository.credentials(a.id()).orElseThrow();

        String fingerprint = service.rekeyVault();

        assertThat(fingerprint).isNotEqualTo(oldVault.keyFingerprint());
        assertThat(Files.readAllBytes(keyFile)).isNotEqualTo(oldKey);
        assertThat(VaultRekey.pending(keyFile)).doesNotExist();
        assertThat(repository.keyFingerprints()).containsExactly(fingerprint);
        // a restarted runtime opens them with the key file as it is now
        CredentialVault reopened = new CredentialVault(keyFile, false);
        assertThat(reopened.open(a.id(), repository.credentials(a.id()).orElseThrow()).secret().reveal())
                .isEqualTo("secret-a");
        assertThat(reopened.open(b.id(), repository.credentials(b.id()).orElseThrow()).secret().reveal())
                .isEqualTo("secret-b");
        // the old key opens none of the new ciphertexts, and an old ciphertext put back does not open
        assertThatThrownBy(() -> oldVault.open(a.id(), repository.credentials(a.id()).orElseThrow()))
                .isInstanceOf(VaultException.class);
        assertThatThrownBy(() -> reopened.open(a.id(), oldA)).isInstanceOf(VaultException.class);
        // the running service uses the new key at once
        service.setCredentials(a.id(), new Credentials("user", Secret.of("secret-a2"), Map.of()));
        assertThat(repository.keyFingerprints()).containsExactly(fingerprint);
    }

    @Test
    void aCredentialThatDoesNotOpenChangesNothing() throws Exception {
        DefaultAccountService service = service();
        GroupwareAccount a = account(service, "secret-a");
        GroupwareAccount b = account(service, "secret-b");
        // b's ciphertext put under a: it does not open for a
        SealedCredentials ofB = repository.credentials(b.id()).orElseThrow();
        repository.storeCredentials(a.id(), version -> new SealedCredentials(ofB.keyFingerprint(), ofB.sealed(),
                version), java.time.Instant.now());
        byte[] oldKey = Files.readAllBytes(keyFile);
        Set<String> before = repository.keyFingerprints();

        assertThatThrownBy(service::rekeyVault).isInstanceOf(VaultException.class)
                .hasMessageContaining(a.id().value());

        assertThat(Files.readAllBytes(keyFile)).isEqualTo(oldKey);
        assertThat(repository.keyFingerprints()).isEqualTo(before);
        assertThat(VaultRekey.pending(keyFile)).doesNotExist();
    }

    @Test
    void aRotationThatCommittedButDidNotReplaceTheKeyIsFinishedAtTheNextStart() throws Exception {
        DefaultAccountService service = service();
        GroupwareAccount a = account(service, "secret-a");
        // as a crash right after the commit leaves it: ciphertexts of the new key, the new key still beside the old
        CredentialVault old = new CredentialVault(keyFile, false);
        CredentialVault next = new CredentialVault(VaultRekey.pending(keyFile), true);
        repository.resealAll((id, sealed, version) -> next.seal(id, version, old.open(id, sealed)),
                (id, name, sealed) -> next.sealSetting(id, name, old.openSetting(id, name, sealed)),
                java.time.Instant.now());

        DefaultAccountService restarted = service();

        assertThat(VaultRekey.pending(keyFile)).doesNotExist();
        assertThat(new CredentialVault(keyFile, false).keyFingerprint()).isEqualTo(next.keyFingerprint());
        assertThat(new CredentialVault(keyFile, false).open(a.id(), repository.credentials(a.id()).orElseThrow())
                .secret().reveal()).isEqualTo("secret-a");
        assertThat(restarted).isNotNull();
    }

    @Test
    void aRotationThatDidNotCommitIsDroppedAtTheNextStart() throws Exception {
        account(service(), "secret-a");
        byte[] oldKey = Files.readAllBytes(keyFile);
        new CredentialVault(VaultRekey.pending(keyFile), true);

        service();

        assertThat(VaultRekey.pending(keyFile)).doesNotExist();
        assertThat(Files.readAllBytes(keyFile)).isEqualTo(oldKey);
    }
}
