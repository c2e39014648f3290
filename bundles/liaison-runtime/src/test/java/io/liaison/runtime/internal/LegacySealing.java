package io.liaison.runtime.internal;

import io.liaison.api.domain.AccountId;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals credentials as the runtime did before versions existed (associated data "liaison-credentials-v1:" and the
 * account id only), written out here rather than taken from the vault, which no longer seals that way.
 */
final class LegacySealing {
    private LegacySealing() {
    }

    /** Base64 of IV and ciphertext of a username and secret without named secrets, format 1. */
    static String seal(Path keyFile, AccountId account, String username, String secret) throws Exception {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(plain)) {
            out.writeByte(1);
            for (String field : new String[] {username, secret}) {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                out.writeInt(bytes.length);
                out.write(bytes);
            }
            out.writeInt(0);
        }
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Files.readAllBytes(keyFile), "AES"),
                new GCMParameterSpec(128, iv));
        cipher.updateAAD(("liaison-credentials-v1:" + account.value()).getBytes(StandardCharsets.UTF_8));
        byte[] encrypted = cipher.doFinal(plain.toByteArray());
        byte[] out = new byte[iv.length + encrypted.length];
        System.arraycopy(iv, 0, out, 0, iv.length);
        System.arraycopy(encrypted, 0, out, iv.length, encrypted.length);
        return Base64.getEncoder().encodeToString(out);
    }
}
