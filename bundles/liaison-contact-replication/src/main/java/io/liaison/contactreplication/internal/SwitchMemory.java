package io.liaison.contactreplication.internal;

import io.liaison.api.connector.SyncToken;
import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.runtime.ErasureService;
import io.liaison.api.runtime.TokenStore;
import java.util.Optional;

/**
 * What the per-contact switch keeps of a pair it turns off, so that turning it on again restores it: the photo choice
 * of the contact's export (the link, which carries it, goes with the switch). Kept in the account's token store (scope
 * {@code contact-switch:<crmId>}), which the runtime keeps per account beside the feeds' tokens, and forgotten once
 * the switch is on again (the new link carries the choice).
 */
final class SwitchMemory {
    private static final String WITH_PHOTOS = "photos";
    private static final String WITHOUT_PHOTOS = "no-photos";

    private final TokenStore tokens;

    SwitchMemory(TokenStore tokens) {
        this.tokens = tokens;
    }

    void rememberPhotoChoice(AccountId account, ContactPersonId contact, boolean withPhotos) {
        tokens.put(account, scope(contact), new SyncToken(withPhotos ? WITH_PHOTOS : WITHOUT_PHOTOS));
    }

    /** The photo choice of the export the switch turned off, if it turned one off. */
    Optional<Boolean> photoChoice(AccountId account, ContactPersonId contact) {
        return tokens.get(account, scope(contact)).map(t -> !WITHOUT_PHOTOS.equals(t.value()));
    }

    void forget(AccountId account, ContactPersonId contact) {
        tokens.clear(account, scope(contact));
    }

    private static String scope(ContactPersonId contact) {
        // the runtime's erasure of a contact person deletes it by this name
        return ErasureService.CONTACT_SWITCH_TOKEN_PREFIX + contact.value();
    }
}
