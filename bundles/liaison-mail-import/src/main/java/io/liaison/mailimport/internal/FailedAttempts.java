package io.liaison.mailimport.internal;

import io.liaison.api.connector.SyncToken;
import io.liaison.api.domain.AccountId;
import io.liaison.api.runtime.TokenStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How many runs could not read a message, kept in the runtime's token store (scope {@code mail-failures:} and a hash
 * of the message's id) so that the count survives a restart. A message that keeps failing is moved out of the import
 * folder instead of costing every run again.
 */
final class FailedAttempts {
    private static final String SCOPE = "mail-failures:";

    private final TokenStore store;
    private final AccountId account;

    FailedAttempts(TokenStore store, AccountId account) {
        this.store = store;
        this.account = account;
    }

    /** Counts one more failed attempt to read the message and returns the count. */
    int failed(String messageId) {
        String scope = scope(messageId);
        int count = store.get(account, scope).map(t -> parse(t.value())).orElse(0) + 1;
        store.put(account, scope, new SyncToken(Integer.toString(count)));
        return count;
    }

    /** Forgets the count: the message was imported or moved away. */
    void forget(String messageId) {
        store.clear(account, scope(messageId));
    }

    /** Forgets the counts of every message of the account (the mail area was switched off). */
    static int forgetAll(TokenStore store, AccountId account) {
        return store.clearStartingWith(account, SCOPE);
    }

    private static int parse(String value) {
        try {
            return Math.max(0, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A message id may be a long path: the scope holds its SHA-256, which fits the store's 255 characters. */
    private static String scope(String messageId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(messageId.getBytes(StandardCharsets.UTF_8));
            return SCOPE + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
