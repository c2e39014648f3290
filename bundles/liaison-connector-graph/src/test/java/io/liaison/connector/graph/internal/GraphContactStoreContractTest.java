package io.liaison.connector.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.connector.ConnectorSession;
import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.IdempotencyKey;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.item.ContactData;
import io.liaison.connector.tck.ContactStoreContract;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The connector contract for contacts, against the Graph emulator; a person's edits are PATCHes through Graph. */
class GraphContactStoreContractTest extends ContactStoreContract {

    @RegisterExtension
    static final GraphStores STORES = new GraphStores();

    @Override
    protected ItemStore<ContactData> openEmptyStore() {
        return STORES.openEmpty(ConnectorSession::contacts);
    }

    @Override
    protected ItemStore<ContactData> reopenStore() {
        return STORES.reopen(ConnectorSession::contacts);
    }

    @Override
    protected void editOutsideLiaison(String itemId) {
        STORES.editInOutlook("/contacts/" + itemId, "{\"personalNotes\":\"Changed in Outlook\"}");
    }

    @Override
    protected void removeOutsideLiaison(String itemId) {
        STORES.mailbox().remove(itemId);
    }

    /** Confirmations read 3 items in 2 {@code $batch} request(s) of up to 20; Graph's 404 is gone. */
    @Test
    void lookUpReadsTwentyPerBatchAndAnswersGoneForA404() throws Exception {
        lookUpWithOneRemoved(3, STORES::resetStats);
        assertThat(STORES.requestsByKind()).containsEntry("batch", 2).containsEntry("contacts.get", 3);
    }

    /**
     * Graph filters extended-property values case-insensitively ("Get singleValueLegacyExtendedProperty"): CRM ids
     * that differ only in case must still find their own item.
     */
    @Test
    void findByCrmIdTellsCrmIdsApartThatDifferOnlyInCase() {
        ItemStore<ContactData> store = openEmptyStore();
        String lower = store.create(sample(1), Optional.of("crm-abc"), new IdempotencyKey("case-1")).id();
        String upper = store.create(sample(2), Optional.of("CRM-ABC"), new IdempotencyKey("case-2")).id();

        assertThat(store.findByCrmId("CRM-ABC")).map(GroupwareItem::id).contains(upper);
        assertThat(store.findByCrmId("crm-abc")).map(GroupwareItem::id).contains(lower);
        assertThat(store.findByCrmId("Crm-Abc")).isEmpty();
    }
}
