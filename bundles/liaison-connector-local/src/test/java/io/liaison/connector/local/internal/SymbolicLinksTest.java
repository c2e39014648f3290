package io.liaison.connector.local.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.liaison.api.connector.ChangeSet;
import io.liaison.api.connector.ConnectorException;
import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.ItemProblem;
import io.liaison.api.connector.MailFolder;
import io.liaison.api.connector.MailStore;
import io.liaison.api.connector.MessageRef;
import io.liaison.api.connector.item.EventData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A symbolic link in an account's tree is not followed out of the account's root (issue 20, point 8): whoever can
 * create files in the tree must not make Liaison read another account's or the server's files into the CRM. Links
 * that stay inside the root are followed as before.
 */
class SymbolicLinksTest {
    private static final String EVENT = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n"
            + "UID:%s\r\nDTSTAMP:20260105T080000Z\r\nDTSTART:20260105T090000Z\r\nDTEND:20260105T100000Z\r\n"
            + "SUMMARY:%s\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    private static final String MAIL = "From: a@example.com\r\nTo: b@example.com\r\nSubject: %s\r\n"
            + "Message-ID: <%s@example.com>\r\n\r\nbody\r\n";

    @TempDir
    Path base;
    private Path root;
    private Path outside;

    @BeforeEach
    void trees() throws Exception {
        root = Files.createDirectories(base.resolve("anna"));
        outside = Files.createDirectories(base.resolve("bernd"));
        LocalAccounts.open(root).close();
        try {
            Files.createSymbolicLink(base.resolve("probe"), outside);
        } catch (UnsupportedOperationException | java.io.IOException e) {
            assumeTrue(false, "symbolic links cannot be created here: " + e);
        }
    }

    @Test
    void anItemFileLinkedOutOfTheRootIsAProblemNamingThePathAndIsNotRead() throws Exception {
        Path secret = Files.writeString(outside.resolve("secret.ics"), EVENT.formatted("bernd-1", "Bernd's secret"));
        Path link = Files.createSymbolicLink(root.resolve("Calendar/stolen.ics"), secret);
        Files.writeString(root.resolve("Calendar/target.ics"), EVENT.formatted("anna-1", "Anna's own"));
        Path inside = Files.createSymbolicLink(root.resolve("Calendar/alias.ics"), root.resolve("Calendar/target.ics"));

        ChangeSet<GroupwareItem<EventData>> listed = LocalAccounts.open(root).events().orElseThrow()
                .changes(Optional.empty());

        assertThat(listed.changed()).extracting(i -> i.data().subject()).doesNotContain("Bernd's secret")
                .contains("Anna's own");
        assertThat(listed.problems()).extracting(ItemProblem::item).contains(link.toString())
                .doesNotContain(inside.toString());
        assertThat(listed.problems()).filteredOn(p -> p.item().equals(link.toString())).singleElement()
                .extracting(ItemProblem::reason).asString().contains("symbolic link").contains("outside");
        assertThat(LocalAccounts.open(root).events().orElseThrow().get("bernd-1")).isEmpty();
    }

    @Test
    void aMessageFileLinkedOutOfTheRootIsAProblemAndIsNotRead() throws Exception {
        Path secret = Files.writeString(outside.resolve("secret.eml"), MAIL.formatted("Bernd's secret", "s1"));
        Path link = Files.createSymbolicLink(root.resolve("Mail/Inbox/stolen.eml"), secret);
        Files.writeString(root.resolve("Mail/Inbox/own.eml"), MAIL.formatted("Anna's own", "o1"));

        ChangeSet<MessageRef> listed = LocalAccounts.open(root).mail().orElseThrow().changes("Inbox", Optional.empty());

        assertThat(listed.changed()).hasSize(1);
        assertThat(listed.problems()).extracting(ItemProblem::item).containsExactly(link.toString());
        assertThat(listed.problems().get(0).reason()).contains("symbolic link").contains("outside");
    }

    @Test
    void aMailFolderLinkedOutOfTheRootIsNeitherListedNorOpened() throws Exception {
        Files.createDirectories(outside.resolve("Private"));
        Files.writeString(outside.resolve("Private/secret.eml"), MAIL.formatted("Bernd's secret", "s2"),
                StandardCharsets.UTF_8);
        Files.createSymbolicLink(root.resolve("Mail/Inbox/Bernd"), outside.resolve("Private"));
        Files.createDirectories(root.resolve("Mail/Inbox/Own"));
        MailStore mail = LocalAccounts.open(root).mail().orElseThrow();

        assertThat(mail.folders()).extracting(MailFolder::id).contains("Inbox/Own").doesNotContain("Inbox/Bernd");
        assertThatThrownBy(() -> mail.changes("Inbox/Bernd", Optional.empty()))
                .hasMessageContaining("Inbox/Bernd");
    }

    @Test
    void anAreaFolderLinkedOutOfTheRootIsRefusedNamingIt() throws Exception {
        Path contacts = root.resolve("Contacts");
        Files.delete(contacts);
        Files.createDirectories(outside.resolve("Contacts"));
        Files.createSymbolicLink(contacts, outside.resolve("Contacts"));

        assertThatThrownBy(() -> LocalAccounts.open(root)).isInstanceOf(ConnectorException.class)
                .hasMessageContaining(contacts.toString()).hasMessageContaining("outside");
    }

    @Test
    void aRootThatIsItselfALinkIsFollowed() throws Exception {
        Path link = Files.createSymbolicLink(base.resolve("anna-link"), root);
        Files.writeString(root.resolve("Calendar/own.ics"), EVENT.formatted("anna-2", "Anna's own"));

        ChangeSet<GroupwareItem<EventData>> listed = LocalAccounts.open(link).events().orElseThrow()
                .changes(Optional.empty());

        assertThat(listed.changed()).extracting(GroupwareItem::id).containsExactly("anna-2");
        assertThat(listed.problems()).isEmpty();
    }
}
