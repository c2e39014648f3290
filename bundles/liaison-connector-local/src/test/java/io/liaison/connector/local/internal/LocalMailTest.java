package io.liaison.connector.local.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.connector.ChangeSet;
import io.liaison.api.connector.ConnectorException;
import io.liaison.api.connector.ConnectorSession;
import io.liaison.api.connector.ItemNotFoundException;
import io.liaison.api.connector.ItemProblem;
import io.liaison.api.connector.MailFolder;
import io.liaison.api.connector.MailStore;
import io.liaison.api.connector.MessageRef;
import io.liaison.api.connector.RawMessage;
import io.liaison.api.connector.SyncToken;
import io.liaison.connector.tck.GeneratedMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the local tree adds to the mail contract: hand moves, copies, .msg files, stray files, bad ids. */
class LocalMailTest {

    @TempDir
    Path root;

    private MailStore mail;
    private Path inbox;
    private MailFolder done;

    @BeforeEach
    void open() {
        mail = LocalAccounts.open(root).mail().orElseThrow();
        inbox = root.resolve("Mail/Inbox");
        done = mail.ensureFolder(mail.ensureFolder("Inbox", "Import folder").id(), "CRM Erledigt [E]");
    }

    @Test
    void aMessageMovedByHandKeepsItsId() throws Exception {
        Files.write(inbox.resolve("offer.eml"), GeneratedMessage.small("offer@x.example", "Offer"));
        ChangeSet<MessageRef> inboxFirst = mail.changes("Inbox", Optional.empty());
        ChangeSet<MessageRef> doneFirst = mail.changes(done.id(), Optional.empty());
        String id = inboxFirst.changed().get(0).id();

        Files.move(inbox.resolve("offer.eml"), root.resolve("Mail").resolve(done.id()).resolve("offer.eml"));
        MailStore later = LocalAccounts.open(root).mail().orElseThrow();

        ChangeSet<MessageRef> doneDelta = later.changes(done.id(), Optional.of(doneFirst.next()));
        assertThat(doneDelta.changed()).extracting(MessageRef::id).containsExactly(id);
        assertThat(later.changes("Inbox", Optional.of(inboxFirst.next())).removedIds()).containsExactly(id);
    }

    @Test
    void aMoveKeepsTheIdWhenTheProcessDiesBeforeTheIndexIsWritten() throws Exception {
        Files.write(inbox.resolve("offer.eml"), GeneratedMessage.small("offer@x.example", "Offer"));
        String id = mail.changes("Inbox", Optional.empty()).changed().get(0).id();

        mail.move(id, done.id());
        MailIndex.forgetAllInMemory(); // the process dies: the session never closed, the moved index never written
        MailStore later = LocalAccounts.open(root).mail().orElseThrow();

        try (RawMessage raw = later.open(id)) {
            assertThat(raw.content().readAllBytes()).isEqualTo(GeneratedMessage.small("offer@x.example", "Offer"));
        }
        assertThat(later.changes(done.id(), Optional.empty()).changed()).extracting(MessageRef::id).containsExactly(id);
    }

    @Test
    void aMoveIsWrittenToTheIndexWhenTheSessionCloses() throws Exception {
        Files.write(inbox.resolve("offer.eml"), GeneratedMessage.small("offer@x.example", "Offer"));
        ConnectorSession session = LocalAccounts.open(root);
        MailStore store = session.mail().orElseThrow();
        String id = store.changes("Inbox", Optional.empty()).changed().get(0).id();
        Path index = root.resolve(".liaison/mail-index.tsv");

        store.move(id, done.id());
        // the index holds URL-encoded paths
        assertThat(Files.readString(index)).contains("Inbox%2Foffer.eml").doesNotContain("Erledigt");
        session.close();

        assertThat(Files.readString(index)).doesNotContain("Inbox%2Foffer.eml").contains("Erledigt");
    }

    @Test
    void aMessageMovedByHandCanBeOpenedBeforeItsNewFolderIsListed() throws Exception {
        Files.write(inbox.resolve("offer.eml"), GeneratedMessage.small("offer@x.example", "Offer"));
        String id = mail.changes("Inbox", Optional.empty()).changed().get(0).id();
        Files.move(inbox.resolve("offer.eml"), root.resolve("Mail").resolve(done.id()).resolve("renamed.eml"));

        try (RawMessage raw = mail.open(id)) {
            assertThat(raw.content().readAllBytes()).isEqualTo(GeneratedMessage.small("offer@x.example", "Offer"));
        }
        assertThat(mail.move(id, "Inbox").folderId()).isEqualTo("Inbox");
    }

    @Test
    void aCopyDroppedByHandIsANewMessage() throws Exception {
        byte[] content = GeneratedMessage.small("offer@x.example", "Offer");
        Files.write(inbox.resolve("offer.eml"), content);
        String id = mail.changes("Inbox", Optional.empty()).changed().get(0).id();

        Files.write(root.resolve("Mail").resolve(done.id()).resolve("offer.eml"), content);
        ChangeSet<MessageRef> listed = mail.changes(done.id(), Optional.empty());

        assertThat(listed.changed()).singleElement().extracting(MessageRef::id).isNotEqualTo(id);
        assertThat(mail.changes("Inbox", Optional.empty()).changed()).extracting(MessageRef::id).containsExactly(id);
    }

    @Test
    void anOutlookMessageIsServedAsSuch() throws Exception {
        byte[] cfb = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a, (byte) 0xe1};
        Files.write(inbox.resolve("Angebot.MSG"), cfb);

        MessageRef ref = mail.changes("Inbox", Optional.empty()).changed().get(0);

        try (RawMessage raw = mail.open(ref.id())) {
            assertThat(raw.mediaType()).isEqualTo(RawMessage.OUTLOOK);
            assertThat(raw.content().readAllBytes()).isEqualTo(cfb);
        }
    }

    @Test
    void otherFilesInMailFoldersAreReportedOnceAndHiddenOnesIgnored() throws Exception {
        Files.writeString(inbox.resolve("notes.txt"), "not a mail");
        Files.writeString(inbox.resolve(".DS_Store"), "finder");
        Files.writeString(inbox.resolve("Thumbs.db"), "explorer");
        Files.write(inbox.resolve("m.eml"), GeneratedMessage.small("m@x.example", "M"));

        ChangeSet<MessageRef> first = mail.changes("Inbox", Optional.empty());
        ChangeSet<MessageRef> second = mail.changes("Inbox", Optional.of(first.next()));

        assertThat(first.changed()).extracting(MessageRef::name).containsExactly("m.eml");
        assertThat(first.problems()).extracting(ItemProblem::item).containsExactly(inbox.resolve("notes.txt").toString());
        assertThat(second.problems()).isEmpty();
        assertThat(inbox.resolve("notes.txt")).exists();
    }

    @Test
    void folderIdsCannotLeaveTheTreeAndFolderNamesMustBePlain() {
        assertThatThrownBy(() -> mail.changes("Inbox/../..", Optional.empty())).isInstanceOf(ItemNotFoundException.class);
        assertThatThrownBy(() -> mail.changes("Nowhere", Optional.empty())).isInstanceOf(ItemNotFoundException.class);
        assertThatThrownBy(() -> mail.ensureFolder("Inbox", "a/b")).isInstanceOf(ConnectorException.class);
        assertThatThrownBy(() -> mail.ensureFolder("Inbox", ".hidden")).isInstanceOf(ConnectorException.class);
        assertThatThrownBy(() -> mail.ensureFolder("Inbox", "..")).isInstanceOf(ConnectorException.class);
    }

    @Test
    void anUnknownOrForeignTokenMeansACompleteRead() throws Exception {
        Files.write(inbox.resolve("m.eml"), GeneratedMessage.small("m@x.example", "M"));
        SyncToken otherFolder = mail.changes(done.id(), Optional.empty()).next();

        assertThat(mail.changes("Inbox", Optional.of(otherFolder)).complete()).isTrue();
        assertThat(mail.changes("Inbox", Optional.of(new SyncToken("local1:../../etc/passwd"))).complete()).isTrue();
        assertThat(mail.changes("Inbox", Optional.of(new SyncToken("graph-delta-link"))).changed()).hasSize(1);
    }

    @Test
    void aMoveDoesNotOverwriteAFileOfTheSameName() throws Exception {
        Files.write(inbox.resolve("offer.eml"), GeneratedMessage.small("a@x.example", "A"));
        Files.write(root.resolve("Mail").resolve(done.id()).resolve("offer.eml"), GeneratedMessage.small("b@x.example", "B"));
        String id = mail.changes("Inbox", Optional.empty()).changed().get(0).id();

        MessageRef moved = mail.move(id, done.id());

        assertThat(moved.name()).isEqualTo("offer (2).eml");
        assertThat(mail.changes(done.id(), Optional.empty()).changed()).hasSize(2);
    }
}
