package io.liaison.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.liaison.api.connector.ChangeSet;
import io.liaison.api.connector.ConnectorFactory;
import io.liaison.api.connector.ConnectorSession;
import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.IdempotencyKey;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.MailFolder;
import io.liaison.api.connector.MailStore;
import io.liaison.api.connector.MessageRef;
import io.liaison.api.connector.RawMessage;
import io.liaison.api.connector.VersionConflictException;
import io.liaison.api.connector.item.ContactData;
import io.liaison.api.connector.item.EventData;
import io.liaison.api.connector.item.TaskData;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.runtime.AccountRequest;
import io.liaison.api.runtime.AccountService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.Test;

/**
 * The local connector through the runtime in the running distribution: an account on a temporary folder tree,
 * a session opened by the AccountService, and the contract's essentials on every store — changes and tokens,
 * idempotent creates, versioned writes with a conflict on a stale version, find by CRM id, a mail moved with
 * its id kept.
 */
public class LocalConnectorIT extends LiaisonTestSupport {

    @Test
    public void everyStoreKeepsTheConnectorContractThroughTheRuntime() throws Exception {
        awaitService(ConnectorFactory.class, "(liaison.connector.type=local)", TIMEOUT);
        AccountService accounts = awaitService(AccountService.class);
        Path root = Files.createTempDirectory(Path.of(System.getProperty("karaf.data")), "local-it");
        GroupwareAccount account = accounts.create(new AccountRequest(EmployeeId.of("demo"), "local",
                Map.of("root", root.toString(), "timeZone", "Europe/Berlin"), false, null, null, null));

        try (ConnectorSession session = accounts.openSession(account.id())) {
            mail(session.mail().orElseThrow(), root);
            items(session.events().orElseThrow(), EventData.simple("Kundentermin",
                    Instant.parse("2026-12-01T09:00:00Z"), Instant.parse("2026-12-01T10:00:00Z"), "Europe/Berlin"),
                    EventData.simple("Kundentermin (verschoben)", Instant.parse("2026-12-02T09:00:00Z"),
                            Instant.parse("2026-12-02T10:00:00Z"), "Europe/Berlin"));
            items(session.tasks().orElseThrow(), TaskData.simple("Angebot nachfassen", Instant.parse("2026-12-05T16:00:00Z")),
                    TaskData.simple("Angebot nachfassen!", Instant.parse("2026-12-06T16:00:00Z")));
            items(session.contacts().orElseThrow(), ContactData.simple("Anna", "Berger", "anna@kunde.example"),
                    ContactData.simple("Anna", "Berger-Huber", "anna@kunde.example"));
        }
    }

    private static <T> void items(ItemStore<T> store, T first, T second) {
        ChangeSet<GroupwareItem<T>> initial = store.changes(Optional.empty());
        assertTrue("a first read is complete", initial.complete());

        GroupwareItem<T> created = store.create(first, Optional.of("crm-4711"), new IdempotencyKey("crm-4711"));
        GroupwareItem<T> again = store.create(first, Optional.of("crm-4711"), new IdempotencyKey("crm-4711"));
        assertEquals("a repeated create returns the first item", created.id(), again.id());
        assertEquals(created.id(), store.findByCrmId("crm-4711").orElseThrow().id());

        ChangeSet<GroupwareItem<T>> afterCreate = store.changes(Optional.of(initial.next()));
        assertEquals(1, afterCreate.changed().size());
        assertEquals(0, store.changes(Optional.of(afterCreate.next())).changed().size());

        GroupwareItem<T> updated = store.update(created.id(), created.version(), second, Optional.of("crm-4711"));
        assertNotEquals(created.version(), updated.version());
        try {
            store.update(created.id(), created.version(), first, Optional.of("crm-4711"));
            fail("an update with a stale version must be refused");
        } catch (VersionConflictException expected) {
            assertEquals(updated.version(), store.get(created.id()).orElseThrow().version());
        }

        store.delete(updated.id(), updated.version());
        ChangeSet<GroupwareItem<T>> afterDelete = store.changes(Optional.of(afterCreate.next()));
        assertTrue("the removal is reported", afterDelete.removedIds().contains(created.id()));
        assertFalse(store.get(created.id()).isPresent());
    }

    private static void mail(MailStore mail, Path root) throws Exception {
        MailFolder inbox = mail.inbox();
        MailFolder importFolder = mail.ensureFolder(inbox.id(), "Import folder");
        assertEquals(importFolder.id(), mail.ensureFolder(inbox.id(), "Import folder").id());
        MailFolder archive = mail.ensureFolder(inbox.id(), "CRM activities");
        Path dropped = root.resolve("Mail").resolve("Inbox").resolve("Import folder").resolve("hello.eml");
        Files.writeString(dropped, "From: a@kunde.example\r\nSubject: Hallo\r\n\r\nText\r\n", StandardCharsets.UTF_8);

        ChangeSet<MessageRef> listing = mail.changes(importFolder.id(), Optional.empty());
        assertEquals(1, listing.changed().size());
        MessageRef message = listing.changed().get(0);
        try (RawMessage raw = mail.open(message.id())) {
            assertEquals(RawMessage.MIME, raw.mediaType());
            assertTrue(new String(raw.content().readAllBytes(), StandardCharsets.UTF_8).contains("Subject: Hallo"));
        }
        MessageRef moved = mail.move(message.id(), archive.id());
        assertEquals("a moved message keeps its id", message.id(), moved.id());
        assertTrue(mail.changes(importFolder.id(), Optional.of(listing.next())).removedIds().contains(message.id()));
        assertEquals(1, mail.changes(archive.id(), Optional.empty()).changed().size());
    }
}
