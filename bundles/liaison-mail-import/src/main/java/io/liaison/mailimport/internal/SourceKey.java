package io.liaison.mailimport.internal;

import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The key that makes a mail's import idempotent: its Internet Message-ID, or, for a message without one,
 * a SHA-256 hash of its raw bytes. The CRM creates at most one activity per key and employee.
 */
final class SourceKey {
    private static final String HASH_PREFIX = "sha256:";

    private SourceKey() {
    }

    static String of(String messageId, MessageDigest rawDigest) {
        if (!messageId.isBlank()) {
            return messageId.strip();
        }
        return HASH_PREFIX + HexFormat.of().formatHex(rawDigest.digest());
    }
}
