package io.liaison.connector.graph.internal;

import com.microsoft.graph.models.MailFolderCollectionResponse;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.users.item.UserItemRequestBuilder;
import com.microsoft.graph.users.item.mailfolders.item.messages.delta.DeltaGetResponse;
import com.microsoft.graph.users.item.messages.item.move.MovePostRequestBody;
import io.liaison.api.connector.ChangeSet;
import io.liaison.api.connector.ConnectorException;
import io.liaison.api.connector.ItemNotFoundException;
import io.liaison.api.connector.MailFolder;
import io.liaison.api.connector.MailStore;
import io.liaison.api.connector.MessageRef;
import io.liaison.api.connector.RawMessage;
import io.liaison.api.connector.SyncToken;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A mailbox's folders and messages: the folder tree read top down, messages by delta query per folder (the delta
 * link is the sync token; an expired one starts a complete re-read), the raw MIME by {@code $value} as a stream.
 * Ids are immutable ids, so a message keeps its id when it is moved. Each message is read with its size
 * ({@link MessageSize}); the delta links keep the {@code $expand} of the first request.
 */
final class GraphMailStore implements MailStore {

    private static final Logger LOG = LoggerFactory.getLogger(GraphMailStore.class);
    private static final String[] MESSAGE_FIELDS = {"id", "subject", "internetMessageId", "receivedDateTime",
            "parentFolderId", "changeKey"};

    private final Supplier<UserItemRequestBuilder> user;
    private final GraphCalls calls;
    /** The folders seen in this session, by id, to build paths without asking again. */
    private final Map<String, MailFolder> known = new LinkedHashMap<>();

    GraphMailStore(Supplier<UserItemRequestBuilder> user, GraphCalls calls) {
        this.user = user;
        this.calls = calls;
    }

    @Override
    public synchronized MailFolder inbox() {
        com.microsoft.graph.models.MailFolder inbox = calls.call("the inbox",
                () -> user.get().mailFolders().byMailFolderId("inbox").get());
        return remember(inbox.getId(), Optional.empty(), inbox.getDisplayName(), List.of());
    }

    @Override
    public synchronized List<MailFolder> folders() {
        List<MailFolder> all = new ArrayList<>();
        Deque<MailFolder> parents = new ArrayDeque<>();
        for (com.microsoft.graph.models.MailFolder f : topFolders()) {
            MailFolder folder = remember(f.getId(), Optional.empty(), f.getDisplayName(), List.of());
            all.add(folder);
            if (hasChildren(f)) {
                parents.add(folder);
            }
        }
        while (!parents.isEmpty()) {
            MailFolder parent = parents.poll();
            for (com.microsoft.graph.models.MailFolder f : children(parent.id())) {
                MailFolder folder = remember(f.getId(), Optional.of(parent.id()), f.getDisplayName(), parent.path());
                all.add(folder);
                if (hasChildren(f)) {
                    parents.add(folder);
                }
            }
        }
        return all;
    }

    @Override
    public synchronized MailFolder ensureFolder(String parentFolderId, String name) {
        MailFolder parent = known.get(parentFolderId);
        if (parent == null) {
            folders();
            parent = known.get(parentFolderId);
            if (parent == null) {
                throw new ItemNotFoundException(calls.account() + ": mail folder " + parentFolderId + " is not there");
            }
        }
        Optional<com.microsoft.graph.models.MailFolder> existing = child(parent.id(), name);
        if (existing.isEmpty()) {
            com.microsoft.graph.models.MailFolder create = new com.microsoft.graph.models.MailFolder();
            create.setDisplayName(name);
            String what = "creating mail folder '" + name + "' in " + parent.displayPath();
            try {
                existing = Optional.of(calls.call(what,
                        () -> user.get().mailFolders().byMailFolderId(parentFolderId).childFolders().post(create)));
                LOG.info("{}: created mail folder {}/{}", calls.account(), parent.displayPath(), name);
            } catch (ConnectorException e) {
                // created meanwhile by another session (ErrorFolderExists): take that one
                existing = child(parent.id(), name);
                if (existing.isEmpty()) {
                    throw e;
                }
            }
        }
        com.microsoft.graph.models.MailFolder f = existing.get();
        return remember(f.getId(), Optional.of(parent.id()), f.getDisplayName(), parent.path());
    }

    @Override
    public ChangeSet<MessageRef> changes(String folderId, Optional<SyncToken> since) {
        String what = "messages of mail folder " + folderId;
        if (since.isPresent()) {
            try {
                return read(folderId, what, Optional.of(since.get().value()), false);
            } catch (GraphCalls.DeltaExpired e) {
                LOG.info("{}: the delta token of mail folder {} expired; reading the folder completely", calls.account(),
                        folderId);
            }
        }
        return read(folderId, what, Optional.empty(), true);
    }

    private ChangeSet<MessageRef> read(String folderId, String what, Optional<String> deltaLink, boolean complete) {
        var delta = user.get().mailFolders().byMailFolderId(folderId).messages().delta();
        GraphCalls.DeltaResult<Message> result = calls.delta(what,
                () -> deltaLink.map(link -> delta.withUrl(link).get())
                        .orElseGet(() -> delta.get(c -> {
                            c.queryParameters.select = MESSAGE_FIELDS;
                            c.queryParameters.expand = new String[] {MessageSize.EXPAND};
                        })),
                link -> delta.withUrl(link).get(), DeltaGetResponse::getValue);
        Map<String, MessageRef> changed = new LinkedHashMap<>();
        List<String> removed = new ArrayList<>();
        for (Message m : result.items()) {
            if (Graph.isRemoved(m.getAdditionalData())) {
                changed.remove(m.getId());
                if (!complete && !removed.contains(m.getId())) {
                    removed.add(m.getId());
                }
            } else {
                removed.remove(m.getId());
                changed.put(m.getId(), ref(m, folderId));
            }
        }
        return new ChangeSet<>(List.copyOf(changed.values()), removed, List.of(), new SyncToken(result.deltaLink()),
                complete);
    }

    @Override
    public RawMessage open(String messageId) {
        InputStream content = calls.call("message " + messageId,
                () -> user.get().messages().byMessageId(messageId).content().get());
        if (content == null) {
            throw new ConnectorException(calls.account() + ": message " + messageId + " came without content");
        }
        return new RawMessage(RawMessage.MIME, -1, content);
    }

    @Override
    public MessageRef move(String messageId, String targetFolderId) {
        String what = "message " + messageId;
        Message current = calls.call(what, () -> user.get().messages().byMessageId(messageId)
                .get(c -> {
                    c.queryParameters.select = MESSAGE_FIELDS;
                    c.queryParameters.expand = new String[] {MessageSize.EXPAND};
                }));
        if (targetFolderId.equals(current.getParentFolderId())) {
            return ref(current, targetFolderId);
        }
        MovePostRequestBody body = new MovePostRequestBody();
        body.setDestinationId(targetFolderId);
        Message moved = calls.call("moving " + what + " to folder " + targetFolderId,
                () -> user.get().messages().byMessageId(messageId).move().post(body));
        // the move's answer has no expanded properties; a move does not change the size
        moved.setSingleValueExtendedProperties(current.getSingleValueExtendedProperties());
        return ref(moved, targetFolderId);
    }

    private MessageRef ref(Message m, String folderId) {
        String subject = m.getSubject() == null || m.getSubject().isBlank() ? "(no subject)" : m.getSubject();
        String version = m.getChangeKey() != null ? m.getChangeKey() : Graph.etag(m.getAdditionalData()).orElse(m.getId());
        return new MessageRef(m.getId(), m.getParentFolderId() != null ? m.getParentFolderId() : folderId, version,
                subject, Optional.ofNullable(m.getInternetMessageId()), MessageSize.of(m.getSingleValueExtendedProperties()),
                Optional.ofNullable(m.getReceivedDateTime()).map(t -> t.toInstant()));
    }

    private List<com.microsoft.graph.models.MailFolder> topFolders() {
        List<com.microsoft.graph.models.MailFolder> all = new ArrayList<>();
        var folders = user.get().mailFolders();
        MailFolderCollectionResponse page = calls.call("the mail folders", () -> folders.get(c -> c.queryParameters.top = 100));
        while (page != null) {
            if (page.getValue() != null) {
                all.addAll(page.getValue());
            }
            String next = page.getOdataNextLink();
            page = next == null ? null : calls.call("the mail folders", () -> folders.withUrl(next).get());
        }
        return all;
    }

    private List<com.microsoft.graph.models.MailFolder> children(String parentId) {
        List<com.microsoft.graph.models.MailFolder> all = new ArrayList<>();
        var children = user.get().mailFolders().byMailFolderId(parentId).childFolders();
        String what = "the subfolders of mail folder " + parentId;
        MailFolderCollectionResponse page = calls.call(what, () -> children.get(c -> c.queryParameters.top = 100));
        while (page != null) {
            if (page.getValue() != null) {
                all.addAll(page.getValue());
            }
            String next = page.getOdataNextLink();
            page = next == null ? null : calls.call(what, () -> children.withUrl(next).get());
        }
        return all;
    }

    private Optional<com.microsoft.graph.models.MailFolder> child(String parentId, String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return children(parentId).stream()
                .filter(f -> f.getDisplayName() != null && f.getDisplayName().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }

    private static boolean hasChildren(com.microsoft.graph.models.MailFolder f) {
        return f.getChildFolderCount() == null || f.getChildFolderCount() > 0;
    }

    private MailFolder remember(String id, Optional<String> parentId, String name, List<String> parentPath) {
        List<String> path = new ArrayList<>(parentPath);
        path.add(name);
        MailFolder folder = new MailFolder(id, parentId, name, path);
        known.put(id, folder);
        return folder;
    }
}
