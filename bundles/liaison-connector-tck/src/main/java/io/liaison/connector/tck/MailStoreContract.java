package io.liaison.connector.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.connector.ChangeSet;
import io.liaison.api.connector.ItemNotFoundException;
import io.liaison.api.connector.MailFolder;
import io.liaison.api.connector.MailStore;
import io.liaison.api.connector.MessageRef;
import io.liaison.api.connector.RawMessage;
import io.liaison.api.connector.SyncToken;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every connector's mail store keeps: folders, a change feed per folder with tokens, raw
 * messages as streams with their media type, and moves that keep a message's id. A connector runs it by
 * subclassing and implementing the hooks that put messages into its groupware from outside Liaison (a file
 * dropped into a folder, a message delivered to the Graph emulator).
 */
public abstract class MailStoreContract {

    /** The store under test, opened by {@link #openEmptyMailbox()} before each test. */
    protected MailStore mail;

    /** A store on a fresh mailbox that has an inbox and no messages. Called once before each test. */
    protected abstract MailStore openEmptyMailbox() throws Exception;

    /** A store on the same mailbox, as a new session (a later run) opens it. */
    protected abstract MailStore reopenMailbox() throws Exception;

    /**
     * Puts an RFC 5322 message into a folder from outside Liaison, the way a person, a mail rule or a script
     * would. Reads {@code content} as a stream: it may be large.
     *
     * @param name a short name unique in the test, e.g. for a file name
     */
    protected abstract void dropMessage(MailFolder folder, String name, InputStream content) throws Exception;

    /** Deletes a message outside Liaison. */
    protected abstract void removeOutsideLiaison(String messageId) throws Exception;

    /**
     * Whether a message's listed size is its raw bytes (a file's length). A groupware that counts its own way (Exchange:
     * the size of the message object, the sum of its properties) still reports a size, just not that one.
     */
    protected boolean sizeIsTheRawBytes() {
        return true;
    }

    /** The size of the large message; 50 MB unless a connector's test peer cannot hold that much. */
    protected long largeMessageSize() {
        return 50L * 1024 * 1024;
    }

    @BeforeEach
    void openMailbox() throws Exception {
        mail = openEmptyMailbox();
    }

    // ---- folders ----

    @Test
    void theInboxExistsAndIsListed() {
        MailFolder inbox = mail.inbox();

        assertThat(inbox.id()).isNotBlank();
        assertThat(inbox.name()).isNotBlank();
        assertThat(inbox.path()).isNotEmpty().last().isEqualTo(inbox.name());
        assertThat(mail.folders()).extracting(MailFolder::id).contains(inbox.id());
    }

    @Test
    void ensureFolderCreatesAChild() {
        MailFolder inbox = mail.inbox();

        MailFolder imports = mail.ensureFolder(inbox.id(), "Import folder");
        MailFolder done = mail.ensureFolder(imports.id(), "CRM Erledigt [E]");

        assertThat(imports.parentId()).contains(inbox.id());
        assertThat(imports.name()).isEqualTo("Import folder");
        assertThat(done.parentId()).contains(imports.id());
        assertThat(done.path()).endsWith(inbox.name(), "Import folder", "CRM Erledigt [E]");
        assertThat(done.displayPath()).endsWith("/Import folder/CRM Erledigt [E]");
    }

    @Test
    void ensureFolderIsIdempotent() throws Exception {
        MailFolder first = mail.ensureFolder(mail.inbox().id(), "Import folder");

        MailFolder second = mail.ensureFolder(mail.inbox().id(), "Import folder");
        MailFolder fromNewSession = reopenMailbox().ensureFolder(mail.inbox().id(), "Import folder");

        assertThat(second).isEqualTo(first);
        assertThat(fromNewSession.id()).isEqualTo(first.id());
        assertThat(mail.folders()).filteredOn(f -> f.name().equals("Import folder")).hasSize(1);
    }

    @Test
    void foldersListParentsBeforeChildren() {
        MailFolder imports = mail.ensureFolder(mail.inbox().id(), "Import folder");
        MailFolder done = mail.ensureFolder(imports.id(), "CRM Erledigt [E]");
        MailFolder open = mail.ensureFolder(imports.id(), "CRM Offen [O]");

        List<String> ids = mail.folders().stream().map(MailFolder::id).toList();

        assertThat(ids).contains(mail.inbox().id(), imports.id(), done.id(), open.id());
        assertThat(ids.indexOf(mail.inbox().id())).isLessThan(ids.indexOf(imports.id()));
        assertThat(ids.indexOf(imports.id())).isLessThan(ids.indexOf(done.id())).isLessThan(ids.indexOf(open.id()));
    }

    // ---- change feed ----

    @Test
    void theFirstReadOfAFolderIsCompleteAndListsEveryMessage() throws Exception {
        MailFolder folder = mail.ensureFolder(mail.inbox().id(), "Import folder");
        drop(folder, "m1");
        drop(folder, "m2");
        drop(mail.inbox(), "elsewhere");

        ChangeSet<MessageRef> first = mail.changes(folder.id(), Optional.empty());

        assertThat(first.complete()).isTrue();
        assertThat(first.changed()).hasSize(2).allSatisfy(m -> {
            assertThat(m.folderId()).isEqualTo(folder.id());
            assertThat(m.id()).isNotBlank();
            assertThat(m.version()).isNotBlank();
            assertThat(m.name()).isNotBlank();
        });
        assertThat(first.removedIds()).isEmpty();
        assertThat(first.problems()).isEmpty();
    }

    @Test
    void anEmptyFolderGivesAnEmptyCompleteRead() {
        ChangeSet<MessageRef> first = mail.changes(mail.inbox().id(), Optional.empty());

        assertThat(first.complete()).isTrue();
        assertThat(first.changed()).isEmpty();
    }

    @Test
    void anUnchangedFolderGivesAnEmptyChangeSet() throws Exception {
        drop(mail.inbox(), "m1");
        SyncToken token = mail.changes(mail.inbox().id(), Optional.empty()).next();

        ChangeSet<MessageRef> again = mail.changes(mail.inbox().id(), Optional.of(token));

        assertThat(again.complete()).isFalse();
        assertThat(again.changed()).isEmpty();
        assertThat(again.removedIds()).isEmpty();
    }

    @Test
    void afterATokenOnlyNewMessagesAreListed() throws Exception {
        drop(mail.inbox(), "m1");
        ChangeSet<MessageRef> first = mail.changes(mail.inbox().id(), Optional.empty());

        drop(mail.inbox(), "m2");
        ChangeSet<MessageRef> delta = mail.changes(mail.inbox().id(), Optional.of(first.next()));

        assertThat(delta.complete()).isFalse();
        assertThat(delta.changed()).hasSize(1);
        assertThat(delta.changed().get(0).id()).isNotEqualTo(first.changed().get(0).id());
        assertThat(delta.removedIds()).isEmpty();
    }

    @Test
    void aTokenResumesInANewSessionAndIdsAndVersionsStay() throws Exception {
        drop(mail.inbox(), "m1");
        ChangeSet<MessageRef> first = mail.changes(mail.inbox().id(), Optional.empty());
        drop(mail.inbox(), "m2");

        MailStore later = reopenMailbox();
        ChangeSet<MessageRef> delta = later.changes(mail.inbox().id(), Optional.of(first.next()));
        ChangeSet<MessageRef> all = later.changes(mail.inbox().id(), Optional.empty());

        assertThat(delta.changed()).hasSize(1);
        assertThat(delta.changed().get(0).size()).as("a message read through a token still has its size").isPositive();
        MessageRef m1 = first.changed().get(0);
        assertThat(all.changed()).filteredOn(m -> m.id().equals(m1.id())).singleElement()
                .extracting(MessageRef::version).isEqualTo(m1.version());
    }

    @Test
    void aMessageRemovedOutsideLiaisonIsReportedAsRemoved() throws Exception {
        drop(mail.inbox(), "m1");
        drop(mail.inbox(), "m2");
        ChangeSet<MessageRef> first = mail.changes(mail.inbox().id(), Optional.empty());
        MessageRef gone = first.changed().get(0);

        removeOutsideLiaison(gone.id());
        ChangeSet<MessageRef> delta = mail.changes(mail.inbox().id(), Optional.of(first.next()));

        assertThat(delta.removedIds()).containsExactly(gone.id());
        assertThat(delta.changed()).isEmpty();
        assertThatThrownBy(() -> mail.open(gone.id())).isInstanceOf(ItemNotFoundException.class);
    }

    // ---- content ----

    @Test
    void aMessageOpensAsItsRawBytesWithItsMediaType() throws Exception {
        byte[] content = GeneratedMessage.small("m1@customer.example", "Offer 4711");
        mail.inbox();
        dropMessage(mail.inbox(), "m1", new ByteArrayInputStream(content));
        MessageRef ref = mail.changes(mail.inbox().id(), Optional.empty()).changed().get(0);

        try (RawMessage raw = mail.open(ref.id())) {
            assertThat(raw.mediaType()).isEqualTo(RawMessage.MIME);
            assertThat(raw.content().readAllBytes()).isEqualTo(content);
            if (raw.size() >= 0) {
                assertThat(raw.size()).isEqualTo(content.length);
            }
        }
        assertListedSize(ref, content.length);
    }

    @Test
    void anUnknownMessageIsNotFound() {
        assertThatThrownBy(() -> mail.open("no-such-message")).isInstanceOf(ItemNotFoundException.class);
        assertThatThrownBy(() -> mail.move("no-such-message", mail.inbox().id()))
                .isInstanceOf(ItemNotFoundException.class);
    }

    @Test
    void aLargeMessageIsStreamed() throws Exception {
        long size = largeMessageSize();
        String expected = GeneratedMessage.sha256("large@customer.example", "Large drawing", size);
        dropMessage(mail.inbox(), "large", GeneratedMessage.of("large@customer.example", "Large drawing", size));

        MessageRef ref = mail.changes(mail.inbox().id(), Optional.empty()).changed().get(0);
        try (RawMessage raw = mail.open(ref.id())) {
            CountingInputStream counted = new CountingInputStream(raw.content());
            String actual = GeneratedMessage.digest(counted);

            assertThat(counted.count()).isEqualTo(size);
            assertThat(counted.reads()).isGreaterThan(1);
            assertThat(actual).isEqualTo(expected);
            if (raw.size() >= 0) {
                assertThat(raw.size()).isEqualTo(size);
            }
        }
        assertListedSize(ref, size);
    }

    // ---- move ----

    @Test
    void aMoveKeepsTheIdAndTheContent() throws Exception {
        MailFolder imports = mail.ensureFolder(mail.inbox().id(), "Import folder");
        MailFolder archive = mail.ensureFolder(mail.inbox().id(), "Archive");
        byte[] content = GeneratedMessage.small("m1@customer.example", "Offer 4711");
        dropMessage(imports, "m1", new ByteArrayInputStream(content));
        ChangeSet<MessageRef> source = mail.changes(imports.id(), Optional.empty());
        ChangeSet<MessageRef> target = mail.changes(archive.id(), Optional.empty());
        MessageRef before = source.changed().get(0);

        MessageRef moved = mail.move(before.id(), archive.id());

        assertThat(moved.id()).isEqualTo(before.id());
        assertThat(moved.folderId()).isEqualTo(archive.id());
        assertThat(moved.size()).as("a move does not change the size").isEqualTo(before.size());
        try (RawMessage raw = mail.open(moved.id())) {
            assertThat(raw.content().readAllBytes()).isEqualTo(content);
        }
        ChangeSet<MessageRef> sourceDelta = mail.changes(imports.id(), Optional.of(source.next()));
        ChangeSet<MessageRef> targetDelta = mail.changes(archive.id(), Optional.of(target.next()));
        assertThat(sourceDelta.removedIds()).containsExactly(before.id());
        assertThat(targetDelta.changed()).extracting(MessageRef::id).containsExactly(before.id());
        assertThat(targetDelta.changed().get(0).folderId()).isEqualTo(archive.id());
    }

    @Test
    void aMoveToTheSameFolderChangesNothing() throws Exception {
        drop(mail.inbox(), "m1");
        ChangeSet<MessageRef> first = mail.changes(mail.inbox().id(), Optional.empty());
        MessageRef ref = first.changed().get(0);

        MessageRef same = mail.move(ref.id(), mail.inbox().id());

        assertThat(same.id()).isEqualTo(ref.id());
        assertThat(mail.changes(mail.inbox().id(), Optional.of(first.next())).removedIds()).isEmpty();
    }

    /** Every message is listed with its size (the spec's import wizard shows it for the original). */
    private void assertListedSize(MessageRef ref, long rawBytes) {
        assertThat(ref.size()).as("the size of %s", ref.name()).isPositive();
        if (sizeIsTheRawBytes()) {
            assertThat(ref.size()).as("the size of %s", ref.name()).isEqualTo(rawBytes);
        }
    }

    /** Drops a small generated message named {@code name}. */
    protected void drop(MailFolder folder, String name) throws Exception {
        dropMessage(folder, name,
                new ByteArrayInputStream(GeneratedMessage.small(name + "@customer.example", "Subject " + name)));
    }
}
