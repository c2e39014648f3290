package io.liaison.contactreplication.internal;

import io.liaison.api.connector.IdempotencyKey;
import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.runtime.ErasureService;
import io.liaison.api.runtime.Link;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The names that make contact replication safe to repeat: the link scope, the token scopes, the groupware
 * create key of an exported contact person (the same for every retry, so a crash between the create and the
 * link store never makes a second copy), the CRM external key of an imported groupware contact, and the photo
 * mode kept in front of a link's content hash.
 */
final class ReplicationKeys {
    /** The link store scope of contact replication; the runtime's erasure of a contact person deletes its link there. */
    static final String SCOPE = ErasureService.CONTACT_PERSON_LINK_SCOPE;
    /** The token store scope of the groupware contacts' change feed. */
    static final String GROUPWARE_TOKEN = "contacts";
    /** The token store scope of the CRM contact persons' change feed. */
    static final String CRM_TOKEN = "crm-contacts";

    private static final String WITH_PHOTOS = "p1:";
    private static final String WITHOUT_PHOTOS = "p0:";

    private ReplicationKeys() {
    }

    /** The create key of the groupware contact of an exported contact person. */
    static IdempotencyKey exportKey(AccountId account, ContactPersonId contact) {
        return key("liaison-contact-", account.value() + "-" + contact.value());
    }

    /** The create key of a groupware contact made again for a contact person (one per CRM version). */
    static IdempotencyKey recreateKey(AccountId account, ContactPersonId contact, String crmVersion) {
        return key("liaison-contact-again-", account.value() + "-" + contact.value() + "-v" + crmVersion);
    }

    /** The create key of the groupware copy of a contact's edit kept in a KEEP_BOTH conflict. */
    static IdempotencyKey conflictCopyKey(String groupwareId, String groupwareVersion) {
        return key("liaison-contact-conflict-", groupwareId + "-" + groupwareVersion);
    }

    /** The groupware id an imported contact person was created from, if its external key says so. */
    static java.util.Optional<String> importedFrom(AccountId account, String externalKey) {
        String prefix = importKey(account, "");
        return externalKey.startsWith(prefix) && externalKey.length() > prefix.length()
                ? java.util.Optional.of(externalKey.substring(prefix.length())) : java.util.Optional.empty();
    }

    /** The CRM external key of a contact person imported from a groupware contact. */
    static String importKey(AccountId account, String groupwareId) {
        return "liaison-groupware-contact:" + account.value() + ":" + groupwareId;
    }

    private static IdempotencyKey key(String prefix, String raw) {
        String safe = raw.replaceAll("[^A-Za-z0-9._-]", "_");
        if (prefix.length() + safe.length() > 120 || !safe.equals(raw)) {
            // ids with other characters or of any length: a digest keeps keys of different ids apart
            safe = safe.substring(0, Math.min(safe.length(), 40)) + "-" + digest(raw);
        }
        return new IdempotencyKey(prefix + safe);
    }

    private static String digest(String raw) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The content hash to store in a link: the photo mode and the shared fields' hash. */
    static String linkHash(boolean withPhotos, String sharedHash) {
        return (withPhotos ? WITH_PHOTOS : WITHOUT_PHOTOS) + sharedHash;
    }

    /** Whether the link's contact was exported with photos (links without a mode replicate photos). */
    static boolean withPhotos(Link link) {
        return !link.contentHash().startsWith(WITHOUT_PHOTOS);
    }

    /** The shared fields' hash of a link, without the photo mode. */
    static String sharedHash(Link link) {
        String h = link.contentHash();
        return h.startsWith(WITH_PHOTOS) || h.startsWith(WITHOUT_PHOTOS) ? h.substring(3) : h;
    }
}
