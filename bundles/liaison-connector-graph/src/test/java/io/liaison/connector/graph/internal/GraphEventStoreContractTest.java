package io.liaison.connector.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.connector.ConnectorSession;
import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.IdempotencyKey;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.item.EventData;
import io.liaison.api.connector.item.Sensitivity;
import io.liaison.connector.tck.EventStoreContract;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The connector contract for events, against the Graph emulator; a person's edits are PATCHes through Graph. */
class GraphEventStoreContractTest extends EventStoreContract {

    @RegisterExtension
    static final GraphStores STORES = new GraphStores();

    @Override
    protected ItemStore<EventData> openEmptyStore() {
        return STORES.openEmpty(ConnectorSession::events);
    }

    @Override
    protected ItemStore<EventData> reopenStore() {
        return STORES.reopen(ConnectorSession::events);
    }

    @Override
    protected void editOutsideLiaison(String itemId) {
        STORES.editInOutlook("/events/" + itemId, "{\"subject\":\"Changed in Outlook\"}");
    }

    @Override
    protected void removeOutsideLiaison(String itemId) {
        STORES.mailbox().remove(itemId);
    }

    /** Graph's event {@code sensitivity} is written and read back for every value. */
    @Test
    void everySensitivityIsWrittenAndReadBack() {
        ItemStore<EventData> store = openEmptyStore();
        for (Sensitivity sensitivity : Sensitivity.values()) {
            GroupwareItem<EventData> created = store.create(sample(sensitivity.ordinal() + 1).withSensitivity(sensitivity),
                    Optional.empty(), new IdempotencyKey("sensitivity-" + sensitivity));

            assertThat(store.get(created.id()).orElseThrow().data().sensitivity()).isEqualTo(sensitivity);
        }
    }

    /** An event a person marks private in Outlook reads as private; an update from Liaison can make it normal again. */
    @Test
    void anEventMarkedPrivateInOutlookReadsAsPrivate() {
        ItemStore<EventData> store = openEmptyStore();
        GroupwareItem<EventData> created = store.create(sample(1), Optional.empty(), new IdempotencyKey("private"));
        assertThat(created.data().sensitivity()).isEqualTo(Sensitivity.NORMAL);

        STORES.editInOutlook("/events/" + created.id(), "{\"sensitivity\":\"private\"}");
        GroupwareItem<EventData> marked = store.get(created.id()).orElseThrow();
        assertThat(marked.data().sensitivity()).isEqualTo(Sensitivity.PRIVATE);

        GroupwareItem<EventData> normal = store.update(marked.id(), marked.version(),
                marked.data().withSensitivity(Sensitivity.NORMAL), Optional.empty());
        assertThat(store.get(normal.id()).orElseThrow().data().sensitivity()).isEqualTo(Sensitivity.NORMAL);
    }

    /** Confirmations read 21 items in 2 {@code $batch} request(s) of up to 20; Graph's 404 is gone. */
    @Test
    void lookUpReadsTwentyPerBatchAndAnswersGoneForA404() throws Exception {
        lookUpWithOneRemoved(21, STORES::resetStats);
        assertThat(STORES.requestsByKind()).containsEntry("batch", 2).containsEntry("events.get", 21);
    }

    /**
     * Graph filters extended-property values case-insensitively ("Get singleValueLegacyExtendedProperty"): CRM ids
     * that differ only in case must still find their own item.
     */
    @Test
    void findByCrmIdTellsCrmIdsApartThatDifferOnlyInCase() {
        ItemStore<EventData> store = openEmptyStore();
        String lower = store.create(sample(1), Optional.of("crm-abc"), new IdempotencyKey("case-1")).id();
        String upper = store.create(sample(2), Optional.of("CRM-ABC"), new IdempotencyKey("case-2")).id();

        assertThat(store.findByCrmId("CRM-ABC")).map(GroupwareItem::id).contains(upper);
        assertThat(store.findByCrmId("crm-abc")).map(GroupwareItem::id).contains(lower);
        assertThat(store.findByCrmId("Crm-Abc")).isEmpty();
    }
}
