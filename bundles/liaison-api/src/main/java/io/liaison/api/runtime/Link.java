package io.liaison.api.runtime;

import io.liaison.api.domain.AccountId;
import java.time.Instant;
import java.util.Objects;

/**
 * A linked pair of a CRM item and a groupware item, with the versions both had after the last sync and a
 * hash of the synchronised content. A side whose version still equals the stored one has not changed: this
 * is how our own writes are told from a person's (echo suppression).
 *
 * @param account          the account
 * @param scope            what is linked, e.g. {@code APPOINTMENTS}, {@code TASKS}, {@code CONTACTS}
 * @param crmId            the CRM id
 * @param crmVersion       the CRM version after the last sync
 * @param groupwareId      the groupware id
 * @param groupwareVersion the groupware version after the last sync
 * @param contentHash      a hash of the synchronised fields after the last sync
 * @param syncedAt         when the pair was last synchronised
 */
public record Link(AccountId account, String scope, String crmId, String crmVersion, String groupwareId,
                   String groupwareVersion, String contentHash, Instant syncedAt) {
    public Link {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(crmId, "crmId");
        Objects.requireNonNull(crmVersion, "crmVersion");
        Objects.requireNonNull(groupwareId, "groupwareId");
        Objects.requireNonNull(groupwareVersion, "groupwareVersion");
        contentHash = contentHash == null ? "" : contentHash;
        Objects.requireNonNull(syncedAt, "syncedAt");
    }
}
