package io.liaison.connector.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.connector.ConnectorSession;
import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.IdempotencyKey;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.item.EventData;
import io.liaison.api.connector.item.EventStatus;
import io.liaison.api.connector.item.FreeBusy;
import io.liaison.api.connector.item.Participation;
import io.liaison.api.connector.item.Sensitivity;
import io.liaison.connector.tck.EventStoreContract;
import io.liaison.api.connector.Lookup;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * An event linked before the CRM reference carried the id (the id in its own property, the bare link, or empty
     * text, in the reference's property) keeps its id and link, on a single read and on a batched one, is found by its
     * CRM id, and is not rewritten when nothing changed: each read expands one property, as "Get
     * singleValueLegacyExtendedProperty" documents, so the id comes with a second read.
     */
    @Test
    void anEventLinkedBeforeTheReferenceKeepsItsCrmIdAndLink() {
        ItemStore<EventData> store = openEmptyStore();
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Map<String, Object> e = ownEvent("Linked before " + i);
            e.put("singleValueExtendedProperties", List.of(Map.of("id", ExtendedProperties.CRM_ID, "value", "crm-old-" + i),
                    Map.of("id", ExtendedProperties.CRM_REFERENCE, "value", i == 3 ? "" : "https://crm.example.com/activities/" + i)));
            ids.add(STORES.mailbox().addEvent(e));
        }
        String foreign = STORES.mailbox().addEvent(ownEvent("Never linked"));

        GroupwareItem<EventData> first = store.get(ids.get(0)).orElseThrow();
        assertThat(first.crmId()).contains("crm-old-1");
        assertThat(first.data().crmLink()).contains(URI.create("https://crm.example.com/activities/1"));
        Map<String, Lookup<EventData>> all = store.lookUp(List.of(ids.get(0), ids.get(1), ids.get(2), foreign));
        assertThat(((Lookup.Found<EventData>) all.get(ids.get(1))).item().crmId()).contains("crm-old-2");
        assertThat(((Lookup.Found<EventData>) all.get(ids.get(1))).item().data().crmLink())
                .contains(URI.create("https://crm.example.com/activities/2"));
        assertThat(((Lookup.Found<EventData>) all.get(ids.get(2))).item().crmId()).contains("crm-old-3");
        assertThat(((Lookup.Found<EventData>) all.get(ids.get(2))).item().data().crmLink()).isEmpty();
        assertThat(((Lookup.Found<EventData>) all.get(foreign)).item().crmId()).isEmpty();
        assertThat(store.findByCrmId("crm-old-2")).map(GroupwareItem::id).contains(ids.get(1));

        store.update(first.id(), first.version(), first.data(), first.crmId());
        assertThat(STORES.mailbox().patches(first.id())).isEmpty();
    }

    /** An event written now carries its CRM id and link in the one reference an event read expands. */
    @Test
    void anEventCarriesItsCrmIdAndLinkInOneReference() {
        ItemStore<EventData> store = openEmptyStore();
        EventData linked = sample(3);
        String id = store.create(linked, Optional.of("crm 9 <x>"), new IdempotencyKey("reference-1")).id();

        Map<String, Object> stored = STORES.mailbox().item(id);
        assertThat((List<?>) stored.get("singleValueExtendedProperties")).anySatisfy(p -> {
            assertThat(((Map<?, ?>) p).get("id")).isEqualTo(ExtendedProperties.CRM_REFERENCE);
            assertThat(((Map<?, ?>) p).get("value")).isEqualTo("<https://crm.example.com/activities/3> crm 9 <x>");
        });
        GroupwareItem<EventData> read = store.get(id).orElseThrow();
        assertThat(read.crmId()).contains("crm 9 <x>");
        assertThat(read.data().crmLink()).contains(URI.create("https://crm.example.com/activities/3"));
        assertThat(store.findByCrmId("crm 9 <x>")).map(GroupwareItem::id).contains(id);
    }

    private static Map<String, Object> ownEvent(String subject) {
        Map<String, Object> e = new HashMap<>();
        e.put("subject", subject);
        e.put("start", Map.of("dateTime", "2026-01-08T10:00:00", "timeZone", "Europe/Berlin"));
        e.put("end", Map.of("dateTime", "2026-01-08T11:00:00", "timeZone", "Europe/Berlin"));
        return e;
    }

    /** Every free/busy state is written ({@code showAs}) and read back; an event Liaison creates is organised by the owner. */
    @Test
    void everyFreeBusyStateIsWrittenAndReadBack() {
        ItemStore<EventData> store = openEmptyStore();
        for (FreeBusy showAs : FreeBusy.values()) {
            GroupwareItem<EventData> created = store.create(sample(showAs.ordinal() + 1)
                    .withStatus(EventStatus.CONFIRMED, showAs, Participation.ORGANIZER), Optional.empty(),
                    new IdempotencyKey("show-as-" + showAs));

            EventData read = store.get(created.id()).orElseThrow().data();
            assertThat(read.showAs()).isEqualTo(showAs);
            assertThat(read.status()).isEqualTo(EventStatus.CONFIRMED);
            assertThat(read.participation()).isEqualTo(Participation.ORGANIZER);
        }
    }

    /**
     * An invitation from someone else ("event resource type": {@code isOrganizer} false) reads with the owner's answer
     * ("responseStatus resource type": {@code notResponded}, {@code accepted}, {@code tentativelyAccepted},
     * {@code declined}); {@code isCancelled} is a cancelled event; {@code showAs} {@code unknown} reads as busy.
     */
    @Test
    void anInvitationReadsWithTheOwnersAnswerStatusAndFreeBusy() {
        ItemStore<EventData> store = openEmptyStore();
        Map<String, Participation> answers = Map.of("notResponded", Participation.NOT_RESPONDED,
                "none", Participation.NOT_RESPONDED, "accepted", Participation.ACCEPTED,
                "tentativelyAccepted", Participation.TENTATIVE, "declined", Participation.DECLINED);
        answers.forEach((response, participation) -> {
            Map<String, Object> invitation = invitation("Invitation " + response);
            invitation.put("responseStatus", Map.of("response", response, "time", "2026-01-02T08:00:00Z"));
            String id = STORES.mailbox().addEvent(invitation);

            EventData read = store.get(id).orElseThrow().data();
            assertThat(read.participation()).as(response).isEqualTo(participation);
            assertThat(read.status()).isEqualTo(EventStatus.CONFIRMED);
            assertThat(read.organizer()).map(p -> p.email()).contains("zoe@partner.example");
        });

        Map<String, Object> cancelled = invitation("Cancelled by Zoe");
        cancelled.put("isCancelled", true);
        cancelled.put("showAs", "free");
        EventData read = store.get(STORES.mailbox().addEvent(cancelled)).orElseThrow().data();
        assertThat(read.status()).isEqualTo(EventStatus.CANCELLED);
        assertThat(read.showAs()).isEqualTo(FreeBusy.FREE);

        Map<String, Object> unknown = invitation("Unknown");
        unknown.put("showAs", "unknown");
        assertThat(store.get(STORES.mailbox().addEvent(unknown)).orElseThrow().data().showAs()).isEqualTo(FreeBusy.BUSY);
        Map<String, Object> oof = invitation("Away");
        oof.put("showAs", "oof");
        assertThat(store.get(STORES.mailbox().addEvent(oof)).orElseThrow().data().showAs())
                .isEqualTo(FreeBusy.OUT_OF_OFFICE);
    }

    /** The owner's part and status come through the calendar view's delta too, not only through a GET. */
    @Test
    void theChangeFeedCarriesTheOwnersPart() {
        ItemStore<EventData> store = openEmptyStore();
        Map<String, Object> invitation = invitation("Their review");
        invitation.put("responseStatus", Map.of("response", "declined", "time", "2026-01-02T08:00:00Z"));
        String id = STORES.mailbox().addEvent(invitation);

        EventData read = store.changes(Optional.empty()).changed().stream().filter(g -> g.id().equals(id))
                .findFirst().orElseThrow().data();
        assertThat(read.participation()).isEqualTo(Participation.DECLINED);
    }

    private static Map<String, Object> invitation(String subject) {
        Map<String, Object> e = new HashMap<>();
        e.put("subject", subject);
        e.put("start", Map.of("dateTime", "2026-01-07T10:00:00", "timeZone", "Europe/Berlin"));
        e.put("end", Map.of("dateTime", "2026-01-07T11:00:00", "timeZone", "Europe/Berlin"));
        e.put("organizer", Map.of("emailAddress", Map.of("address", "zoe@partner.example", "name", "Zoe")));
        e.put("attendees", List.of(Map.of("emailAddress", Map.of("address", STORES.mailbox().userPrincipalName(),
                "name", "Owner"), "type", "required")));
        return e;
    }
}
