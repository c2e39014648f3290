package io.liaison.runtime.internal;

import io.liaison.api.connector.Credentials;
import io.liaison.api.connector.Secret;
import io.liaison.api.domain.AccountId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts account credentials at rest with AES-256-GCM. The key lives in a file outside the database
 * (created on first use with owner-only permissions); every encryption takes a fresh random 12-byte IV and
 * binds the ciphertext to its account id and the account's credentials version (GCM associated data), so a
 * ciphertext copied to another account, or an older one of the same account put back, does not decrypt.
 * Ciphertexts sealed before versions existed ({@link SealedCredentials#UNVERSIONED}) bound the account id only;
 * they still open, and are re-sealed with a version at the next start. Nothing here logs or puts a secret into a
 * message.
 */
public class CredentialVault {
    static final int KEY_BYTES = 32;
    static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int FORMAT = 1;
    private static final int MAX_FIELD_BYTES = 64 * 1024;
    private static final String UNVERSIONED_AAD_PREFIX = "liaison-credentials-v1:";
    private static final String AAD_PREFIX = "liaison-credentials-v2:";

    private final SecureRandom random = new SecureRandom();
    private final Path keyFile;
    private final SecretKey key;
    private final String fingerprint;

    /** Uses the key in the file, creating the file with a new random key when it does not exist. */
    public CredentialVault(Path keyFile) {
        this(keyFile, true);
    }

    /**
     * Uses the key in the file.
     *
     * @param mayCreate whether a missing file may be created with a new key; false once credentials were
     *                  sealed with a key that must then be restored, not replaced
     * @throws VaultException naming the file when the key is missing (and may not be created) or unreadable
     */
    public CredentialVault(Path keyFile, boolean mayCreate) {
        this.keyFile = keyFile.toAbsolutePath();
        byte[] bytes = loadOrCreate(this.keyFile, mayCreate, random);
        try {
            this.key = new SecretKeySpec(bytes, "AES");
            this.fingerprint = fingerprintOf(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** The key file in use. */
    public Path keyFile() {
        return keyFile;
    }

    /** Identifies the key (a prefix of its SHA-256): stored next to each ciphertext to tell a wrong key from tampering. */
    public String keyFingerprint() {
        return fingerprint;
    }

    /**
     * Serialises and encrypts an account's credentials as the given version of them.
     *
     * @param version the account's credentials version the ciphertext will be stored as, from 1 on
     */
    public SealedCredentials seal(AccountId account, long version, Credentials credentials) {
        if (version <= SealedCredentials.UNVERSIONED) {
            throw new IllegalArgumentException("credentials are sealed with a version from 1 on, not " + version);
        }
        byte[] plain = serialise(credentials);
        try {
            return new SealedCredentials(fingerprint, encrypt(plain, associatedData(account, version)), version);
        } catch (GeneralSecurityException e) {
            throw new VaultException("cannot encrypt the credentials of account " + account + ": " + e.getClass().getSimpleName(), e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * Decrypts an account's credentials.
     *
     * @throws VaultException naming the account when they were sealed with another key, for another account or
     *                        as another version of the account's credentials (an older copy put back), or were
     *                        altered
     */
    public Credentials open(AccountId account, SealedCredentials sealed) {
        if (!sealed.keyFingerprint().equals(fingerprint)) {
            throw new VaultException("the credentials of account " + account + " were encrypted with vault key "
                    + sealed.keyFingerprint() + ", but the key in " + keyFile + " is " + fingerprint
                    + ": restore the original key file, or enter the account's credentials again");
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(sealed.sealed());
        } catch (IllegalArgumentException e) {
            throw new VaultException("the stored credentials of account " + account + " are corrupt (not base64)");
        }
        if (data.length < IV_BYTES + TAG_BITS / 8) {
            throw new VaultException("the stored credentials of account " + account + " are corrupt (too short)");
        }
        byte[] plain = null;
        try {
            plain = decrypt(data, associatedData(account, sealed.version()));
            return deserialise(account, plain);
        } catch (AEADBadTagException e) {
            throw new VaultException("the stored credentials of account " + account + " fail authentication: they"
                    + " were altered, belong to another account, or the credentials were replaced by an older copy;"
                    + " enter them again");
        } catch (GeneralSecurityException e) {
            throw new VaultException("cannot decrypt the credentials of account " + account + ": "
                    + e.getClass().getSimpleName(), e);
        } finally {
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    /**
     * Encrypts the value of a setting the account's connector declares secret, bound to the account and the setting's
     * name.
     */
    public SealedCredentials sealSetting(AccountId account, String name, String value) {
        byte[] plain = value.getBytes(StandardCharsets.UTF_8);
        try {
            return new SealedCredentials(fingerprint, encrypt(plain, settingData(account, name)), 1);
        } catch (GeneralSecurityException e) {
            throw new VaultException("cannot encrypt setting " + name + " of account " + account + ": "
                    + e.getClass().getSimpleName(), e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * Decrypts a secret setting's value.
     *
     * @throws VaultException naming the account and the setting when it was sealed with another key, for another
     *                        account or setting, or was altered
     */
    public String openSetting(AccountId account, String name, SealedCredentials sealed) {
        String what = "secret setting " + name + " of account " + account;
        if (!sealed.keyFingerprint().equals(fingerprint)) {
            throw new VaultException("the " + what + " was encrypted with vault key " + sealed.keyFingerprint()
                    + ", but the key in " + keyFile + " is " + fingerprint
                    + ": restore the original key file, or enter the setting again");
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(sealed.sealed());
        } catch (IllegalArgumentException e) {
            throw new VaultException("the stored " + what + " is corrupt (not base64)");
        }
        if (data.length < IV_BYTES + TAG_BITS / 8) {
            throw new VaultException("the stored " + what + " is corrupt (too short)");
        }
        try {
            byte[] plain = decrypt(data, settingData(account, name));
            try {
                return new String(plain, StandardCharsets.UTF_8);
            } finally {
                Arrays.fill(plain, (byte) 0);
            }
        } catch (AEADBadTagException e) {
            throw new VaultException("the stored " + what + " fails authentication: it was altered or belongs to"
                    + " another account or setting; enter it again");
        } catch (GeneralSecurityException e) {
            throw new VaultException("cannot decrypt the " + what + ": " + e.getClass().getSimpleName(), e);
        }
    }

    /** AES-GCM with a fresh random IV, bound to {@code aad}; the IV, then ciphertext and tag, in base64. */
    private String encrypt(byte[] plain, byte[] aad) throws GeneralSecurityException {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(aad);
        byte[] encrypted = cipher.doFinal(plain);
        byte[] out = new byte[IV_BYTES + encrypted.length];
        System.arraycopy(iv, 0, out, 0, IV_BYTES);
        System.arraycopy(encrypted, 0, out, IV_BYTES, encrypted.length);
        return Base64.getEncoder().encodeToString(out);
    }

    /** The plain bytes of what {@link #encrypt} gave (decoded from base64), checked against {@code aad}. */
    private byte[] decrypt(byte[] data, byte[] aad) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, IV_BYTES));
        cipher.updateAAD(aad);
        return cipher.doFinal(data, IV_BYTES, data.length - IV_BYTES);
    }

    /** Length-prefixed account id, then the setting name: neither can pass for the other. */
    private static byte[] settingData(AccountId account, String name) {
        return ("liaison-setting-v1:" + account.value().length() + ":" + account.value() + ":" + name)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The account id, and the version after the last colon (a version has none, so the pair is unambiguous). */
    private static byte[] associatedData(AccountId account, long version) {
        String data = version == SealedCredentials.UNVERSIONED
                ? UNVERSIONED_AAD_PREFIX + account.value()
                : AAD_PREFIX + account.value() + ":" + version;
        return data.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] serialise(Credentials credentials) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeByte(FORMAT);
            writeField(out, credentials.username());
            writeField(out, credentials.secret().reveal());
            Map<String, Secret> more = new TreeMap<>(credentials.more());
            out.writeInt(more.size());
            for (Map.Entry<String, Secret> named : more.entrySet()) {
                writeField(out, named.getKey());
                writeField(out, named.getValue().reveal());
            }
        } catch (IOException e) {
            throw new VaultException("cannot serialise credentials", e);
        }
        return buffer.toByteArray();
    }

    private static Credentials deserialise(AccountId account, byte[] plain) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
            int format = in.readUnsignedByte();
            if (format != FORMAT) {
                throw new VaultException("the stored credentials of account " + account + " have format " + format
                        + ", this runtime reads format " + FORMAT);
            }
            String username = readField(in);
            Secret secret = Secret.of(readField(in));
            int count = in.readInt();
            if (count < 0 || count > 1000) {
                throw new IOException("bad count of named secrets");
            }
            Map<String, Secret> more = new TreeMap<>();
            for (int i = 0; i < count; i++) {
                more.put(readField(in), Secret.of(readField(in)));
            }
            return new Credentials(username, secret.isEmpty() ? Secret.empty() : secret, more);
        } catch (IOException e) {
            throw new VaultException("the stored credentials of account " + account + " are corrupt");
        }
    }

    private static void writeField(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_FIELD_BYTES) {
            throw new VaultException("a credentials field is longer than " + MAX_FIELD_BYTES + " bytes");
        }
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readField(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_FIELD_BYTES) {
            throw new IOException("bad field length");
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new IOException("truncated field");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] loadOrCreate(Path keyFile, boolean mayCreate, SecureRandom random) {
        if (!Files.exists(keyFile)) {
            if (!mayCreate) {
                throw new VaultException("the vault key file " + keyFile + " is missing, but stored credentials were"
                        + " encrypted with it: restore the file (a new key would make them unreadable)");
            }
            try {
                create(keyFile, random);
            } catch (FileAlreadyExistsException raced) {
                // another instance created it at the same moment: use that one
            } catch (IOException e) {
                throw new VaultException("cannot create the vault key file " + keyFile + ": " + e.getMessage(), e);
            }
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(keyFile);
        } catch (IOException e) {
            throw new VaultException("cannot read the vault key file " + keyFile + ": " + e.getMessage(), e);
        }
        if (bytes.length != KEY_BYTES) {
            int length = bytes.length;
            Arrays.fill(bytes, (byte) 0);
            throw new VaultException("the vault key file " + keyFile + " holds " + length + " bytes, not the "
                    + KEY_BYTES + " of an AES-256 key");
        }
        return bytes;
    }

    private static void create(Path keyFile, SecureRandom random) throws IOException {
        Path directory = keyFile.getParent();
        boolean posix = Files.getFileStore(existingAncestor(directory)).supportsFileAttributeView("posix");
        if (!Files.isDirectory(directory)) {
            if (posix) {
                Files.createDirectories(directory,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(directory);
            }
        }
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        try {
            // written under a temporary name, then moved, so that no reader ever sees a half-written key
            FileAttribute<?>[] ownerOnly = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(Set.of(
                            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE))}
                    : new FileAttribute<?>[0];
            Path temporary = Files.createTempFile(directory, "vault", ".tmp", ownerOnly);
            try {
                if (!posix) {
                    restrictToOwner(temporary);
                }
                Files.write(temporary, key);
                Files.move(temporary, keyFile);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static void restrictToOwner(Path file) {
        java.io.File f = file.toFile();
        f.setReadable(false, false);
        f.setWritable(false, false);
        f.setReadable(true, true);
        f.setWritable(true, true);
    }

    private static Path existingAncestor(Path directory) {
        Path candidate = directory;
        while (candidate != null && !Files.exists(candidate)) {
            candidate = candidate.getParent();
        }
        return candidate == null ? Path.of("").toAbsolutePath() : candidate;
    }

    private static String fingerprintOf(byte[] key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key);
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new VaultException("SHA-256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "CredentialVault[keyFile=" + keyFile + ", key=" + fingerprint + "]";
    }
}
