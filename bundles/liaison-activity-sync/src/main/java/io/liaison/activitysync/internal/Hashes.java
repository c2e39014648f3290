package io.liaison.activitysync.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of text, for content hashes and for idempotency keys built from ids of any shape. */
final class Hashes {
    private Hashes() {
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Fields joined with separators that cannot occur in them unescaped, then hashed. */
    static String of(Object... fields) {
        StringBuilder b = new StringBuilder();
        for (Object f : fields) {
            b.append(String.valueOf(f).replace("\\", "\\\\").replace("|", "\\|")).append('|');
        }
        return sha256(b.toString());
    }
}
