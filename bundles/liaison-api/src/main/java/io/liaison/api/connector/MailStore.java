package io.liaison.api.connector;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/** An account's mail folders and messages. Messages come raw; parsing is the content bundle's job. */
@ConsumerType
public interface MailStore {

    /** The inbox, root of the import folders. */
    MailFolder inbox();

    /** Every folder of the mailbox, parents before children. */
    List<MailFolder> folders();

    /** The child of a folder with this name; created when missing. */
    MailFolder ensureFolder(String parentFolderId, String name);

    /**
     * The messages of one folder that are new, changed or gone since a token; with an empty token, every
     * message in the folder ({@link ChangeSet#complete()} is then true). The connector follows every page.
     */
    ChangeSet<MessageRef> changes(String folderId, Optional<SyncToken> since);

    /**
     * The raw message; the caller closes it.
     *
     * @throws ItemNotFoundException when the message is gone
     */
    RawMessage open(String messageId);

    /**
     * Moves a message to another folder and returns it as it is there. Its id stays the same where the
     * groupware can keep it (Graph immutable ids, the local tree's stable ids).
     *
     * @throws ItemNotFoundException when the message is gone
     */
    MessageRef move(String messageId, String targetFolderId);
}
