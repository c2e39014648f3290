package io.liaison.connector.graph.internal;

import com.microsoft.graph.models.BaseDeltaFunctionResponse;
import com.microsoft.graph.models.Contact;
import com.microsoft.graph.models.ContactCollectionResponse;
import com.microsoft.graph.models.ContactFolder;
import com.microsoft.graph.models.EmailAddress;
import com.microsoft.graph.users.item.UserItemRequestBuilder;
import io.liaison.api.connector.ChangeSet;
import io.liaison.api.connector.ConnectorException;
import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.IdempotencyKey;
import io.liaison.api.connector.ItemNotFoundException;
import io.liaison.api.connector.ItemProblem;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.Lookup;
import io.liaison.api.connector.SyncToken;
import io.liaison.api.connector.item.ContactData;
import io.liaison.api.domain.Photo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contacts of one folder (the default contacts folder, or the one named by the {@code contactsFolder} setting),
 * read by delta query. The CRM id and the idempotency key live in extended properties found with {@code $filter},
 * searched in every contact folder (a person may move a contact to another folder);
 * the photo is the contact's photo, written after the contact as a JPEG under 4 MB ({@link JpegPhoto}) and read with
 * it. Graph cannot remove an Outlook contact's photo ("Delete profilePhoto" supports user and group photos only), so a
 * contact written without a photo keeps the one it has, and the item returned by the write shows it.
 */
final class GraphContactStore implements ItemStore<ContactData> {

    /** A contact needs only its CRM id, so its reads expand that one property ({@link ExtendedProperties}). */
    private static final String[] EXPAND_CRM_ID = {ExtendedProperties.expand(ExtendedProperties.CRM_ID)};

    private static final Logger LOG = LoggerFactory.getLogger(GraphContactStore.class);

    private final Supplier<UserItemRequestBuilder> user;
    private final GraphCalls calls;
    private final GraphSettings settings;
    private final GraphBatch batch;
    private Optional<String> folderId;
    private String defaultFolderId;

    /** The token of a complete read that found the default folder empty, its id unknown: read it all next time. */
    static final String DEFAULT_FOLDER_NOT_FOUND = "liaison:default-contact-folder-not-found";

    GraphContactStore(Supplier<UserItemRequestBuilder> user, GraphCalls calls, GraphSettings settings, GraphBatch batch) {
        this.batch = batch;
        this.user = user;
        this.calls = calls;
        this.settings = settings;
    }

    @Override
    public ChangeSet<GroupwareItem<ContactData>> changes(Optional<SyncToken> since) {
        if (since.isPresent() && since.get().value().contains("/contacts/delta")
                && !since.get().value().contains("/contactFolders/")) {
            // a token of the undocumented users/{id}/contacts/delta, written before this connector read the default
            // folder by its id: start again from a complete read of the folder
            LOG.info("{}: the contacts' delta token is of an undocumented endpoint; reading the folder completely",
                    calls.account());
        } else if (since.isPresent() && !since.get().value().equals(DEFAULT_FOLDER_NOT_FOUND)) {
            try {
                return read(Optional.of(since.get().value()));
            } catch (GraphCalls.DeltaExpired e) {
                LOG.info("{}: the contacts' delta token expired; reading the folder completely", calls.account());
            }
        }
        return read(Optional.empty());
    }

    private ChangeSet<GroupwareItem<ContactData>> read(Optional<String> deltaLink) {
        Optional<String> folder = deltaLink.isPresent() ? Optional.empty() : deltaFolder();
        if (deltaLink.isEmpty() && folder.isEmpty()) {
            // the default folder holds no contact and no folder, so its id cannot be found yet (and it has nothing to
            // list): the next run reads it completely
            return new ChangeSet<>(List.of(), List.of(), List.of(), new SyncToken(DEFAULT_FOLDER_NOT_FOUND), true);
        }
        // "contact: delta" is documented for contactFolders/{id}/contacts/delta only, the default folder's included; a
        // stored delta link is followed as it is (withUrl), the folder of the builder does not matter then
        var delta = user.get().contactFolders().byContactFolderId(folder.orElse("delta-link")).contacts().delta();
        GraphCalls.DeltaResult<Contact> result = delta(deltaLink, () -> delta.get(), link -> delta.withUrl(link).get(),
                com.microsoft.graph.users.item.contactfolders.item.contacts.delta.DeltaGetResponse::getValue);
        boolean complete = deltaLink.isEmpty();
        Set<String> toRead = new LinkedHashSet<>();
        Set<String> removed = new LinkedHashSet<>();
        for (Contact c : result.items()) {
            if (Graph.isRemoved(c.getAdditionalData())) {
                toRead.remove(c.getId());
                removed.add(c.getId());
            } else {
                removed.remove(c.getId());
                toRead.add(c.getId());
            }
        }
        Map<String, GroupwareItem<ContactData>> changed = new LinkedHashMap<>();
        List<ItemProblem> problems = new ArrayList<>();
        Map<String, Contact> contacts = details(toRead);
        Map<String, ReadPhoto> photos = photos(contacts.keySet());
        for (String id : toRead) {
            Contact contact = contacts.get(id);
            if (contact == null) {
                removed.add(id);
                continue;
            }
            try {
                changed.put(id, ContactMapper.fromGraph(contact, photos.getOrDefault(id, ReadPhoto.NONE)));
            } catch (IllegalArgumentException e) {
                problems.add(new ItemProblem("contact " + id, "cannot be read: " + e.getMessage()));
            }
        }
        return new ChangeSet<>(List.copyOf(changed.values()), complete ? List.of() : List.copyOf(removed), problems,
                new SyncToken(result.deltaLink()), complete);
    }

    private <R extends BaseDeltaFunctionResponse> GraphCalls.DeltaResult<Contact> delta(
            Optional<String> deltaLink, Supplier<R> first, Function<String, R> byUrl, Function<R, List<Contact>> values) {
        return calls.delta("the contacts", () -> deltaLink.map(byUrl).orElseGet(first), byUrl, values);
    }

    /** The contacts with their extended properties: one GET, or {@code $batch} requests of 20 (404s left out). */
    private Map<String, Contact> details(Set<String> ids) {
        if (ids.size() <= 1) {
            Map<String, Contact> one = new LinkedHashMap<>();
            ids.forEach(id -> fetch(id).ifPresent(c -> one.put(id, c)));
            return one;
        }
        Map<String, com.microsoft.kiota.RequestInformation> requests = new LinkedHashMap<>();
        for (String id : ids) {
            requests.put(id, user.get().contacts().byContactId(id)
                    .toGetRequestInformation(c -> c.queryParameters.expand = EXPAND_CRM_ID));
        }
        return batch.getAll("contact", requests, Contact::createFromDiscriminatorValue);
    }

    /**
     * Reads the contacts and their photos in {@code $batch} requests of 20 (one GET each for one id): found, gone
     * (404) or unreadable.
     */
    @Override
    public Map<String, Lookup<ContactData>> lookUp(Collection<String> ids) {
        Map<String, Contact> contacts = details(new LinkedHashSet<>(ids));
        Map<String, ReadPhoto> photos = photos(contacts.keySet());
        Map<String, Lookup<ContactData>> found = new LinkedHashMap<>();
        for (String id : ids) {
            Contact contact = contacts.get(id);
            if (contact == null) {
                found.put(id, new Lookup.Gone<>());
                continue;
            }
            try {
                found.put(id, new Lookup.Found<>(ContactMapper.fromGraph(contact, photos.getOrDefault(id, ReadPhoto.NONE))));
            } catch (IllegalArgumentException e) {
                found.put(id, new Lookup.Unreadable<>("contact " + id + " cannot be read: " + e.getMessage()));
            }
        }
        return found;
    }

    @Override
    public Optional<GroupwareItem<ContactData>> get(String id) {
        return fetch(id).map(c -> ContactMapper.fromGraph(c, photo(id)));
    }

    /**
     * Reads the contact just before a write and compares its change key with the one the caller read: "Update contact"
     * and "Delete contact" document no {@code If-Match}, so this is what detects a concurrent edit (the header is still
     * sent, in case Graph honours it for the moment between this read and the write).
     */
    private void checkVersion(String id, String expectedVersion) {
        Contact read = fetch(id).orElseThrow(() -> new ItemNotFoundException(calls.account() + ": contact " + id
                + " is not there (any more)"));
        if (!ContactMapper.version(read).equals(expectedVersion)) {
            throw new io.liaison.api.connector.VersionConflictException(calls.account() + ": contact " + id
                    + " was changed meanwhile (its change key moved on)");
        }
    }

    private Optional<Contact> fetch(String id) {
        return calls.find("contact " + id, () -> user.get().contacts().byContactId(id)
                .get(c -> c.queryParameters.expand = EXPAND_CRM_ID));
    }

    private ReadPhoto photo(String id) {
        Optional<InputStream> stream = calls.find("the photo of contact " + id,
                () -> user.get().contacts().byContactId(id).photo().content().get());
        if (stream.isEmpty()) {
            return ReadPhoto.NONE;
        }
        try (InputStream in = stream.get()) {
            return photo(in.readNBytes(Photo.MAX_BYTES + 1));
        } catch (IOException e) {
            throw new ConnectorException(calls.account() + ": the photo of contact " + id + " cannot be read: " + e, e);
        }
    }

    /**
     * The photos of several contacts: one GET for one contact, else {@code $batch} requests of the photos' {@code $value}
     * (Graph cannot expand a contact's photo, so a photo costs a sub-request, not a request of its own).
     */
    private Map<String, ReadPhoto> photos(Set<String> ids) {
        Map<String, ReadPhoto> photos = new LinkedHashMap<>();
        if (ids.size() <= 1) {
            ids.forEach(id -> photos.put(id, photo(id)));
            return photos;
        }
        Map<String, com.microsoft.kiota.RequestInformation> requests = new LinkedHashMap<>();
        for (String id : ids) {
            requests.put(id, user.get().contacts().byContactId(id).photo().content().toGetRequestInformation());
        }
        batch.getAllBytes("the photo of contact", requests).forEach((id, bytes) -> photos.put(id, photo(bytes)));
        return photos;
    }

    /**
     * A contact's photo as read: a photo of at most {@link Photo#MAX_BYTES}, none for no bytes, and "present but
     * unusable" for more (a photo Outlook stored that Graph would not take), so that it never reads as no photo.
     */
    record ReadPhoto(Optional<Photo> photo, Optional<String> problem) {
        static final ReadPhoto NONE = new ReadPhoto(Optional.empty(), Optional.empty());
    }

    private static ReadPhoto photo(byte[] bytes) {
        if (bytes.length == 0) {
            return ReadPhoto.NONE;
        }
        if (bytes.length > Photo.MAX_BYTES) {
            return new ReadPhoto(Optional.empty(), Optional.of("the Outlook contact's photo has more than "
                    + Photo.MAX_BYTES + " bytes, more than a contact photo may have"));
        }
        return new ReadPhoto(Optional.of(new Photo(ContactMapper.imageType(bytes), bytes)), Optional.empty());
    }

    @Override
    public GroupwareItem<ContactData> create(ContactData data, Optional<String> crmId, IdempotencyKey key) {
        Optional<GroupwareItem<ContactData>> existing = findBy(ExtendedProperties.KEY, key.value());
        if (existing.isPresent()) {
            return existing.get();
        }
        Optional<byte[]> jpeg = jpeg(data);
        Contact contact = ContactMapper.toGraph(data, crmId, Optional.of(key.value()));
        Optional<String> folder = folder();
        String what = "creating the contact for key " + key.value();
        Contact created = calls.call(what, () -> folder.isEmpty() ? user.get().contacts().post(contact)
                : user.get().contactFolders().byContactFolderId(folder.get()).contacts().post(contact));
        jpeg.ifPresent(bytes -> writePhoto(created.getId(), bytes));
        return get(created.getId()).orElseThrow(() -> new ConnectorException(calls.account() + ": contact "
                + created.getId() + " vanished right after its creation"));
    }

    @Override
    public GroupwareItem<ContactData> update(String id, String expectedVersion, ContactData data, Optional<String> crmId) {
        checkVersion(id, expectedVersion);
        // the photo is sent only when it changed: a photo Outlook holds that could not be sent again (no JPEG Graph
        // would take back) must not stop the update of the contact's other fields, and an unchanged one costs no write
        Optional<Photo> current = photo(id).photo();
        boolean unchanged = data.photo().isPresent() && current.isPresent()
                && java.util.Arrays.equals(data.photo().get().bytes(), current.get().bytes());
        Optional<byte[]> jpeg = unchanged ? Optional.empty() : jpeg(data);
        Contact contact = ContactMapper.toGraph(data, crmId, Optional.empty());
        calls.call("contact " + id, () -> user.get().contacts().byContactId(id)
                .patch(contact, c -> c.headers.add("If-Match", ExtendedProperties.ifMatch(expectedVersion))));
        if (jpeg.isPresent()) {
            writePhoto(id, jpeg.get());
        } else if (data.photo().isEmpty() && current.isPresent()) {
            // no DELETE: "Delete profilePhoto" does not support Outlook contacts. The contact keeps its photo and the
            // item read back below shows it, so the caller sees that the removal did not happen
            LOG.debug("{}: contact {} is written without a photo; Graph cannot remove one it has", calls.account(), id);
        }
        return get(id).orElseThrow(() -> new ItemNotFoundException(calls.account() + ": contact " + id
                + " vanished right after its update"));
    }

    /**
     * The photo as Graph takes it, converted before anything is written so that a photo that cannot be converted
     * writes nothing.
     *
     * @throws ConnectorException naming the contact, when its photo cannot be made a JPEG
     */
    private Optional<byte[]> jpeg(ContactData data) {
        if (data.photo().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JpegPhoto.of(data.photo().get()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ConnectorException(calls.account() + ": contact '" + name(data) + "' is not written: Graph takes "
                    + "only JPEG contact photos under 4 MB, and " + e.getMessage());
        }
    }

    private static String name(ContactData d) {
        if (!d.displayName().isBlank()) {
            return d.displayName();
        }
        String name = (d.givenName() + " " + d.surname()).trim();
        return name.isEmpty() ? String.join(", ", d.emails()) : name;
    }

    private void writePhoto(String id, byte[] jpeg) {
        // Graph answers 200 with a body the SDK hands back as a stream: it must be closed, or the mailbox's
        // request slot (MailboxGate) stays taken for good
        calls.run("the photo of contact " + id, () -> close(user.get().contacts().byContactId(id).photo().content()
                .put(new ByteArrayInputStream(jpeg), c -> c.headers.tryAdd("Content-Type", JpegPhoto.MEDIA_TYPE)), id));
    }

    private void close(InputStream answer, String id) {
        if (answer != null) {
            try {
                answer.close();
            } catch (IOException e) {
                throw new ConnectorException(calls.account() + ": the answer to the photo of contact " + id
                        + " cannot be closed: " + e, e);
            }
        }
    }

    @Override
    public void delete(String id, String expectedVersion) {
        checkVersion(id, expectedVersion);
        calls.run("contact " + id, () -> user.get().contacts().byContactId(id)
                .delete(c -> c.headers.add("If-Match", ExtendedProperties.ifMatch(expectedVersion))));
    }

    @Override
    public Optional<GroupwareItem<ContactData>> findByCrmId(String crmId) {
        return findAllBy(ExtendedProperties.CRM_ID, crmId).stream().findFirst().flatMap(this::get);
    }

    /** Every contact carrying the CRM id: a contact copied in Outlook carries the original's. */
    @Override
    public List<GroupwareItem<ContactData>> findAllByCrmId(String crmId) {
        List<GroupwareItem<ContactData>> all = new ArrayList<>();
        for (String id : findAllBy(ExtendedProperties.CRM_ID, crmId)) {
            get(id).ifPresent(all::add);
        }
        return all;
    }

    /**
     * The contact created with this idempotency key. A contact copied in Outlook carries the key of the original
     * too: when several carry it, none is taken for the one created before, and the create is refused.
     */
    private Optional<GroupwareItem<ContactData>> findBy(String property, String value) {
        List<String> ids = findAllBy(property, value);
        if (ids.size() > 1) {
            throw new ConnectorException(calls.account() + ": " + ids.size() + " contacts carry the idempotency key "
                    + value + " (a contact copied in Outlook carries the original's): none is taken for the one "
                    + "created before");
        }
        return ids.stream().findFirst().flatMap(this::get);
    }

    /**
     * The contacts carrying the property's value in any contact folder: a person may have moved a contact Liaison
     * wrote into another folder in Outlook, and a re-export must find it there rather than create a second one. The
     * store's own folder is searched first, then the default folder ("List contacts") and every contact folder below
     * it ("List contactFolders": the default folder's child folders; "List childFolders": a folder's child folders,
     * https://learn.microsoft.com/en-us/graph/api/contactfolder-list-childfolders).
     */
    private List<String> findAllBy(String property, String value) {
        List<String> ids = new ArrayList<>();
        for (Optional<String> folder : searchedFolders()) {
            findAllBy(folder, property, value).stream().filter(id -> !ids.contains(id)).forEach(ids::add);
        }
        return ids;
    }

    /** The store's folder, then the default folder and the folders below it (empty: the default folder). */
    private List<Optional<String>> searchedFolders() {
        Optional<String> own = folder();
        List<Optional<String>> all = new ArrayList<>(List.of(own));
        if (own.isPresent()) {
            all.add(Optional.empty());
        }
        java.util.Deque<ContactFolder> below = new java.util.ArrayDeque<>(childFolders(Optional.empty()));
        while (!below.isEmpty()) {
            ContactFolder f = below.poll();
            if (f.getId() == null || all.contains(Optional.of(f.getId()))) {
                continue;
            }
            all.add(Optional.of(f.getId()));
            // v1.0's contactFolder tells no child folder count: every folder is asked for its child folders
            below.addAll(childFolders(Optional.of(f.getId())));
        }
        return all;
    }

    /** The child folders of a contact folder (empty: of the default folder), all pages. */
    private List<ContactFolder> childFolders(Optional<String> parent) {
        String what = "the contact folders" + parent.map(p -> " in folder " + p).orElse("");
        var page = calls.call(what, () -> parent.isEmpty()
                ? user.get().contactFolders().get(c -> {
                    c.queryParameters.select = new String[] {"id"};
                    c.queryParameters.top = 250;
                })
                : user.get().contactFolders().byContactFolderId(parent.get()).childFolders().get(c -> {
                    c.queryParameters.select = new String[] {"id"};
                    c.queryParameters.top = 250;
                }));
        List<ContactFolder> folders = new ArrayList<>();
        while (page != null) {
            folders.addAll(Optional.ofNullable(page.getValue()).orElse(List.of()));
            String next = page.getOdataNextLink();
            if (next == null) {
                break;
            }
            page = calls.call(what, () -> user.get().contactFolders().withUrl(next).get());
        }
        return folders;
    }

    private List<String> findAllBy(Optional<String> folder, String property, String value) {
        String filter = ExtendedProperties.filter(property, value);
        ContactCollectionResponse found = calls.call("contacts with " + property.substring(property.lastIndexOf(' ') + 1)
                + " " + value, () -> folder.isEmpty()
                ? user.get().contacts().get(c -> {
                    c.queryParameters.filter = filter;
                    c.queryParameters.select = new String[] {"id"};
                    c.queryParameters.expand = new String[] {ExtendedProperties.expand(property)};
                    c.queryParameters.top = ExtendedProperties.CANDIDATES;
                })
                : user.get().contactFolders().byContactFolderId(folder.get()).contacts().get(c -> {
                    c.queryParameters.filter = filter;
                    c.queryParameters.select = new String[] {"id"};
                    c.queryParameters.expand = new String[] {ExtendedProperties.expand(property)};
                    c.queryParameters.top = ExtendedProperties.CANDIDATES;
                }));
        if (found == null || found.getValue() == null) {
            return List.of();
        }
        // Graph compares the value case-insensitively: only the exact value is ours
        return found.getValue().stream().filter(c -> ExtendedProperties.value(
                c.getSingleValueExtendedProperties(), property).filter(value::equals).isPresent()).map(Contact::getId)
                .toList();
    }

    /**
     * The id of the folder the delta reads: the configured one, or the default contacts folder's. Graph documents no
     * well-known name for it, but "List contacts" reads the default folder and "List contactFolders" its child
     * folders, and both kinds carry {@code parentFolderId}: the id is read from the first contact, else the first
     * child folder. Empty when the default folder has neither.
     */
    private synchronized Optional<String> deltaFolder() {
        Optional<String> configured = folder();
        if (configured.isPresent() || defaultFolderId != null) {
            return configured.isPresent() ? configured : Optional.of(defaultFolderId);
        }
        var contacts = calls.call("the default contacts folder", () -> user.get().contacts().get(c -> {
            c.queryParameters.top = 1;
            c.queryParameters.select = new String[] {"parentFolderId"};
        }));
        Optional<String> id = Optional.ofNullable(contacts.getValue()).orElse(List.of()).stream()
                .map(Contact::getParentFolderId).filter(f -> f != null && !f.isBlank()).findFirst();
        if (id.isEmpty()) {
            var folders = calls.call("the default contacts folder", () -> user.get().contactFolders().get(c -> {
                c.queryParameters.top = 1;
                c.queryParameters.select = new String[] {"parentFolderId"};
            }));
            id = Optional.ofNullable(folders.getValue()).orElse(List.of()).stream()
                    .map(ContactFolder::getParentFolderId).filter(f -> f != null && !f.isBlank()).findFirst();
        }
        id.ifPresent(found -> defaultFolderId = found);
        return id;
    }

    /** The folder's id, or empty for the default contacts folder. */
    private synchronized Optional<String> folder() {
        if (folderId == null) {
            folderId = settings.contactsFolder().map(name -> {
                String wanted = name.toLowerCase(Locale.ROOT);
                var folders = calls.call("the contact folders", () -> user.get().contactFolders().get(c -> c.queryParameters.top = 250));
                return Optional.ofNullable(folders.getValue()).orElse(List.of()).stream()
                        .filter(f -> f.getDisplayName() != null && f.getDisplayName().toLowerCase(Locale.ROOT).equals(wanted))
                        .map(ContactFolder::getId).findFirst()
                        .orElseThrow(() -> new ConnectorException(calls.account() + ": there is no contact folder named '"
                                + name + "'"));
            });
        }
        return folderId;
    }

    static List<EmailAddress> addresses(List<String> emails) {
        List<EmailAddress> list = new ArrayList<>();
        for (String e : emails) {
            EmailAddress a = new EmailAddress();
            a.setAddress(e);
            list.add(a);
        }
        return list;
    }
}
