package io.liaison.graph.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.liaison.graph.emulator.Exchange.JSON;

/** The state of one mailbox: folders, messages, events, To Do, contacts, change history for delta queries. */
final class MailboxStore implements Mailbox {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final int MAX_PHOTO_BYTES = 4 * 1024 * 1024;
    private static final Map<String, String> WELL_KNOWN = new LinkedHashMap<>();

    static {
        WELL_KNOWN.put("inbox", "Inbox");
        WELL_KNOWN.put("drafts", "Drafts");
        WELL_KNOWN.put("sentitems", "Sent Items");
        WELL_KNOWN.put("deleteditems", "Deleted Items");
        WELL_KNOWN.put("archive", "Archive");
        WELL_KNOWN.put("junkemail", "Junk Email");
        WELL_KNOWN.put("outbox", "Outbox");
    }

    final String upn;
    final String userId = UUID.randomUUID().toString();
    final String displayName;
    private final Map<String, Item> items = new LinkedHashMap<>();
    private final List<Tombstone> tombstones = new ArrayList<>();
    private final Map<String, String> transactions = new HashMap<>();
    /** The property names (annotations left out) of every PATCH an item received through Graph, oldest first. */
    private final Map<String, List<Set<String>>> patches = new HashMap<>();
    private final MeetingMessages meetings;
    private final String rootFolderId;
    private final String calendarId;
    private final String contactsFolderId;
    private final String tasksListId;
    private long seq;

    /** The previous state of a changed or deleted item; {@code onlyView} limits it to one occurrence. */
    record Tombstone(long seq, Item previous, String onlyView) {
    }

    /** One resource as a delta scope sees it (an occurrence of a series is its own view). */
    record View(String id, long seq) {
    }

    /** What a delta query tracks. */
    interface Scope {
        String odataType();

        List<View> expand(MailboxStore store, Item item);

        /**
         * Whether a change of this item that shows no view in the scope is still reported, as {@code @removed}: a
         * calendar view's delta does so for events outside its date range.
         */
        default boolean reportsOutside(Item item) {
            return false;
        }
    }

    /** One line of a delta round. */
    record Entry(long seq, boolean removed, String id) {
    }

    /** How to show resources: $select, $expand, time zone. */
    record Ctx(Set<String> select, String expandExtendedId, boolean expandAllExtended, boolean expandLinkedResources,
               ZoneId zone, String zoneName, boolean textBody) {

        static final Ctx DEFAULT = new Ctx(Set.of(), null, false, false, ZoneOffset.UTC, "UTC", false);
    }

    MailboxStore(String upn) {
        this.upn = upn;
        this.meetings = new MeetingMessages(upn);
        String local = upn.contains("@") ? upn.substring(0, upn.indexOf('@')) : upn;
        this.displayName = local;
        synchronized (this) {
            Item root = newItem(Item.MAIL_FOLDER, null, JSON.createObjectNode().put("displayName", "Top of Information Store"));
            root.wellKnownName = "msgfolderroot";
            rootFolderId = root.id;
            WELL_KNOWN.forEach((name, display) -> {
                Item f = newItem(Item.MAIL_FOLDER, rootFolderId, JSON.createObjectNode().put("displayName", display));
                f.wellKnownName = name;
            });
            Item cal = newItem(Item.CALENDAR, null, JSON.createObjectNode().put("name", "Calendar"));
            cal.json.put("isDefaultCalendar", true).put("canEdit", true).put("color", "auto");
            cal.json.putObject("owner").put("name", displayName).put("address", upn);
            calendarId = cal.id;
            Item contacts = newItem(Item.CONTACT_FOLDER, null, JSON.createObjectNode().put("displayName", "Contacts"));
            contacts.wellKnownName = "contacts";
            contactsFolderId = contacts.id;
            Item tasks = newItem(Item.TODO_LIST, null, JSON.createObjectNode().put("displayName", "Tasks"));
            tasks.json.put("isOwner", true).put("isShared", false).put("wellknownListName", "defaultList");
            tasksListId = tasks.id;
        }
    }

    // ------------------------------------------------------------------ ids, versions, history

    static String newId() {
        byte[] b = new byte[33];
        RANDOM.nextBytes(b);
        return "AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0A" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String newChangeKey() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return "CQAAABYAAAD" + Base64.getEncoder().encodeToString(b);
    }

    /**
     * Graph writes its DateTimeOffset values with seven decimals (the examples of its reference pages, e.g.
     * "lastModifiedDateTime": "2017-01-01T00:00:35.1329464-08:00"), so two changes within a second are told apart, as
     * "newest wins" needs; outlookItem's are "always in UTC".
     */
    static String now() {
        return TICKS.format(Instant.now());
    }

    private static final java.time.format.DateTimeFormatter TICKS = new java.time.format.DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss").appendFraction(java.time.temporal.ChronoField.NANO_OF_SECOND, 7, 7, true)
            .appendLiteral('Z').toFormatter().withZone(java.time.ZoneOffset.UTC);

    private Item newItem(String kind, String container, ObjectNode json) {
        Item it = new Item(newId(), kind);
        it.container = container;
        it.json = json;
        String now = now();
        json.put("id", it.id);
        json.put("createdDateTime", now);
        stamp(it, now);
        items.put(it.id, it);
        return it;
    }

    private void stamp(Item it, String now) {
        it.seq = ++seq;
        it.changeKey = newChangeKey();
        it.json.put("lastModifiedDateTime", now);
        it.json.put("changeKey", it.changeKey);
    }

    /** Records a modification: the previous state goes to the history, the item gets a new change key. */
    private void modified(Item it, Item previous) {
        stamp(it, now());
        tombstones.add(new Tombstone(it.seq, previous, null));
    }

    private void deleted(Item it) {
        items.remove(it.id);
        tombstones.add(new Tombstone(++seq, it.snapshot(), null));
        for (Item child : List.copyOf(items.values())) {
            if (it.id.equals(child.container)) {
                deleted(child);
            }
        }
        if (it.transactionId != null) {
            transactions.remove(it.transactionId);
        }
    }

    synchronized long currentSeq() {
        return seq;
    }

    // ------------------------------------------------------------------ lookups

    synchronized Item get(String id, String kind) {
        Item it = items.get(id);
        if (it == null || !it.kind.equals(kind)) {
            throw Exchange.notFound();
        }
        return it;
    }

    synchronized Optional<Item> find(String id) {
        return Optional.ofNullable(items.get(id));
    }

    synchronized String resolveMailFolder(String idOrName) {
        Item direct = items.get(idOrName);
        if (direct != null && direct.kind.equals(Item.MAIL_FOLDER)) {
            return direct.id;
        }
        for (Item it : items.values()) {
            if (it.kind.equals(Item.MAIL_FOLDER) && idOrName.equalsIgnoreCase(it.wellKnownName)) {
                return it.id;
            }
        }
        throw new Exchange.GraphError(404, "ErrorItemNotFound", "The specified folder could not be found in the store.");
    }

    synchronized String resolveContactFolder(String idOrName) {
        Item direct = items.get(idOrName);
        if (direct != null && direct.kind.equals(Item.CONTACT_FOLDER)) {
            return direct.id;
        }
        if ("contacts".equalsIgnoreCase(idOrName)) {
            return contactsFolderId;
        }
        throw new Exchange.GraphError(404, "ErrorItemNotFound", "The specified folder could not be found in the store.");
    }

    synchronized String resolveTodoList(String id) {
        Item it = items.get(id);
        if (it == null || !it.kind.equals(Item.TODO_LIST)) {
            throw new Exchange.GraphError(404, "ErrorItemNotFound", "The specified object was not found in the store.");
        }
        return it.id;
    }

    String calendarId() {
        return calendarId;
    }

    String contactsFolderId() {
        return contactsFolderId;
    }

    String tasksListId() {
        return tasksListId;
    }

    String rootFolderId() {
        return rootFolderId;
    }

    synchronized List<Item> children(String container, String kind) {
        List<Item> out = new ArrayList<>();
        for (Item it : items.values()) {
            if (it.kind.equals(kind) && container.equals(it.container)) {
                out.add(it);
            }
        }
        return out;
    }

    synchronized List<Item> all(String kind) {
        return items.values().stream().filter(i -> i.kind.equals(kind)).toList();
    }

    // ------------------------------------------------------------------ Mailbox (seeding)

    @Override
    public String userId() {
        return userId;
    }

    @Override
    public String userPrincipalName() {
        return upn;
    }

    @Override
    public synchronized String folderId(String wellKnownOrPath) {
        if (items.containsKey(wellKnownOrPath)) {
            return wellKnownOrPath;
        }
        switch (wellKnownOrPath.toLowerCase(Locale.ROOT)) {
            case "calendar":
                return calendarId;
            case "contacts":
                return contactsFolderId;
            case "tasks":
                return tasksListId;
            default:
                break;
        }
        String[] parts = wellKnownOrPath.split("/");
        String current;
        try {
            current = resolveMailFolder(parts[0]);
        } catch (Exchange.GraphError e) {
            current = null;
            for (Item f : children(rootFolderId, Item.MAIL_FOLDER)) {
                if (f.json.path("displayName").asText().equalsIgnoreCase(parts[0])) {
                    current = f.id;
                }
            }
            if (current == null) {
                throw new IllegalArgumentException("no mail folder '" + parts[0] + "' in mailbox " + upn);
            }
        }
        for (int i = 1; i < parts.length; i++) {
            String next = null;
            for (Item f : children(current, Item.MAIL_FOLDER)) {
                if (f.json.path("displayName").asText().equals(parts[i])) {
                    next = f.id;
                }
            }
            if (next == null) {
                throw new IllegalArgumentException("no folder '" + parts[i] + "' in '" + wellKnownOrPath + "' of mailbox " + upn);
            }
            current = next;
        }
        return current;
    }

    @Override
    public synchronized String createFolder(String parentFolderId, String displayName) {
        Item parent = items.get(parentFolderId);
        if (parent == null || !(parent.kind.equals(Item.MAIL_FOLDER) || parent.kind.equals(Item.CONTACT_FOLDER))) {
            throw new IllegalArgumentException("no folder with id " + parentFolderId + " in mailbox " + upn);
        }
        ObjectNode body = JSON.createObjectNode().put("displayName", displayName);
        return parent.kind.equals(Item.MAIL_FOLDER) ? createMailFolder(parent.id, body).id : createContactFolder(parent.id, body).id;
    }

    @Override
    public synchronized String addMessage(String folderId, byte[] rfc822) {
        return createMessageFromMime(resolveMailFolder(folderId), rfc822).id;
    }

    @Override
    public synchronized List<String> messageIds(String folderId) {
        return children(resolveMailFolder(folderId), Item.MESSAGE).stream().map(i -> i.id).toList();
    }

    @Override
    public synchronized String addEvent(Map<String, Object> graphEventJson) {
        return createEvent(JSON.valueToTree(graphEventJson), true).id;
    }

    @Override
    public synchronized String addTodoTask(String listId, Map<String, Object> todoTaskJson) {
        return createTask(resolveTodoList(listId), JSON.valueToTree(todoTaskJson)).id;
    }

    @Override
    public synchronized String addContact(String contactFolderId, Map<String, Object> contactJson) {
        return createContact(resolveContactFolder(contactFolderId), JSON.valueToTree(contactJson)).id;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized Map<String, Object> item(String id) {
        Item it = items.get(id);
        ObjectNode out;
        if (it == null) {
            Optional<ObjectNode> occurrence = occurrenceById(id, Ctx.DEFAULT);
            if (occurrence.isEmpty()) {
                throw new IllegalArgumentException("no item with id " + id + " in mailbox " + upn);
            }
            out = occurrence.get();
        } else {
            out = render(it, new Ctx(Set.of(), null, true, true, ZoneOffset.UTC, "UTC", false));
        }
        return JSON.convertValue(out, Map.class);
    }

    @Override
    public synchronized List<MeetingMessage> meetingMessages() {
        return meetings.sent();
    }

    @Override
    public synchronized List<Set<String>> patches(String id) {
        return List.copyOf(patches.getOrDefault(id, List.of()));
    }

    private void recordPatch(String id, JsonNode patch) {
        Set<String> names = new java.util.LinkedHashSet<>();
        patch.fieldNames().forEachRemaining(name -> {
            if (!name.startsWith("@")) { // annotations such as @odata.type are no properties
                names.add(name);
            }
        });
        patches.computeIfAbsent(id, k -> new ArrayList<>()).add(Set.copyOf(names));
    }

    @Override
    public synchronized void touch(String id) {
        Item it = items.get(id);
        if (it == null) {
            throw new IllegalArgumentException("no item with id " + id + " in mailbox " + upn);
        }
        modified(it, it.snapshot());
    }

    @Override
    public synchronized void remove(String id) {
        Item it = items.get(id);
        if (it == null) {
            Optional<Occurrence> occ = parseOccurrence(id);
            if (occ.isPresent()) {
                deleteOccurrence(occ.get());
                return;
            }
            throw new IllegalArgumentException("no item with id " + id + " in mailbox " + upn);
        }
        deleted(it);
    }

    // ------------------------------------------------------------------ mail

    synchronized Item createMailFolder(String parentId, JsonNode body) {
        String name = body.path("displayName").asText("");
        if (name.isBlank()) {
            throw new Exchange.GraphError(400, "ErrorInvalidRequest", "The folder's displayName is required.");
        }
        for (Item sibling : children(parentId, Item.MAIL_FOLDER)) {
            if (sibling.json.path("displayName").asText().equalsIgnoreCase(name)) {
                throw new Exchange.GraphError(409, "ErrorFolderExists", "A folder with the specified name already exists.");
            }
        }
        ObjectNode json = JSON.createObjectNode().put("displayName", name).put("isHidden", body.path("isHidden").asBoolean(false));
        Item f = newItem(Item.MAIL_FOLDER, parentId, json);
        json.put("parentFolderId", parentId);
        return f;
    }

    synchronized Item createMessageFromMime(String folderId, byte[] rfc822) {
        Mime mime = Mime.parse(rfc822);
        ObjectNode json = JSON.createObjectNode();
        Instant date = Optional.ofNullable(mime.date()).orElse(Instant.now()).truncatedTo(ChronoUnit.SECONDS);
        json.put("receivedDateTime", date.toString());
        json.put("sentDateTime", date.toString());
        json.put("hasAttachments", mime.hasAttachments);
        String mid = mime.header("Message-ID");
        json.put("internetMessageId", mid == null ? "<" + UUID.randomUUID() + "@emulator.local>" : mid);
        json.put("subject", Optional.ofNullable(mime.header("Subject")).orElse(""));
        String text = mime.bodyText;
        String preview = ("html".equals(mime.bodyType) ? text.replaceAll("<[^>]*>", " ") : text).replaceAll("\\s+", " ").trim();
        json.put("bodyPreview", preview.length() > 255 ? preview.substring(0, 255) : preview);
        json.put("importance", "normal");
        json.put("parentFolderId", folderId);
        json.put("conversationId", "AAQkA" + Base64.getUrlEncoder().withoutPadding().encodeToString(
                Optional.ofNullable(mime.header("Subject")).orElse("").getBytes(StandardCharsets.UTF_8)));
        json.put("isDeliveryReceiptRequested", false);
        json.put("isReadReceiptRequested", false);
        json.put("isRead", false);
        json.put("isDraft", false);
        json.putArray("categories");
        ObjectNode body = json.putObject("body");
        body.put("contentType", mime.bodyType);
        body.put("content", text);
        List<Mime.Address> from = mime.addresses("From");
        if (!from.isEmpty()) {
            json.set("sender", recipient(from.get(0)));
            json.set("from", recipient(from.get(0)));
        }
        json.set("toRecipients", recipients(mime.addresses("To")));
        json.set("ccRecipients", recipients(mime.addresses("Cc")));
        json.set("bccRecipients", recipients(mime.addresses("Bcc")));
        json.set("replyTo", recipients(mime.addresses("Reply-To")));
        json.putObject("flag").put("flagStatus", "notFlagged");
        Item m = newItem(Item.MESSAGE, folderId, json);
        m.mime = rfc822.clone();
        return m;
    }

    private static ObjectNode recipient(Mime.Address a) {
        ObjectNode r = JSON.createObjectNode();
        r.putObject("emailAddress").put("name", a.name()).put("address", a.address());
        return r;
    }

    private static ArrayNode recipients(List<Mime.Address> list) {
        ArrayNode arr = JSON.createArrayNode();
        list.forEach(a -> arr.add(recipient(a)));
        return arr;
    }

    /** Creates a message from the JSON Graph accepts on POST /messages (a draft, with a generated MIME form). */
    synchronized Item createMessageFromJson(String folderId, JsonNode body) {
        StringBuilder mime = new StringBuilder();
        mime.append("Message-ID: <").append(UUID.randomUUID()).append("@emulator.local>\r\n");
        mime.append("Date: ").append(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(java.time.ZonedDateTime.now(ZoneOffset.UTC))).append("\r\n");
        String subject = body.path("subject").asText("");
        mime.append("Subject: ").append(subject.replaceAll("[\r\n]", " ")).append("\r\n");
        JsonNode from = body.path("from").path("emailAddress");
        if (from.hasNonNull("address")) {
            mime.append("From: ").append(addressHeader(from)).append("\r\n");
        }
        for (String[] h : new String[][] {{"toRecipients", "To"}, {"ccRecipients", "Cc"}}) {
            List<String> list = new ArrayList<>();
            body.path(h[0]).forEach(r -> list.add(addressHeader(r.path("emailAddress"))));
            if (!list.isEmpty()) {
                mime.append(h[1]).append(": ").append(String.join(", ", list)).append("\r\n");
            }
        }
        String contentType = body.path("body").path("contentType").asText("text");
        mime.append("MIME-Version: 1.0\r\nContent-Type: ").append("html".equalsIgnoreCase(contentType) ? "text/html" : "text/plain")
                .append("; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n");
        mime.append(body.path("body").path("content").asText(""));
        Item m = createMessageFromMime(folderId, mime.toString().getBytes(StandardCharsets.UTF_8));
        m.json.put("isDraft", true);
        m.json.put("isRead", true);
        applyExtendedProperties(m, body);
        return m;
    }

    private static String addressHeader(JsonNode emailAddress) {
        String name = emailAddress.path("name").asText("");
        String address = emailAddress.path("address").asText("");
        return name.isEmpty() ? address : "\"" + name.replace("\"", "") + "\" <" + address + ">";
    }

    synchronized Item updateMessage(String id, JsonNode patch, String ifMatch) {
        Item m = get(id, Item.MESSAGE);
        checkIfMatch(m, ifMatch);
        Item prev = m.snapshot();
        patch.fields().forEachRemaining(e -> {
            String k = e.getKey();
            if (k.equals("singleValueExtendedProperties") || k.startsWith("@")) {
                return;
            }
            if (Set.of("id", "changeKey", "parentFolderId", "createdDateTime", "lastModifiedDateTime").contains(k)) {
                return;
            }
            m.json.set(k, e.getValue());
        });
        applyExtendedProperties(m, patch);
        modified(m, prev);
        return m;
    }

    synchronized Item move(String id, String destination, String kind) {
        Item m = get(id, kind);
        String dest = kind.equals(Item.MESSAGE) ? resolveMailFolder(destination) : resolveContactFolder(destination);
        Item prev = m.snapshot();
        m.container = dest;
        m.json.put("parentFolderId", dest);
        modified(m, prev);
        return m;
    }

    synchronized Item copyMessage(String id, String destination) {
        Item m = get(id, Item.MESSAGE);
        Item copy = createMessageFromMime(resolveMailFolder(destination), m.mime);
        m.json.fields().forEachRemaining(e -> {
            if (!Set.of("id", "changeKey", "parentFolderId", "createdDateTime", "lastModifiedDateTime").contains(e.getKey())) {
                copy.json.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        copy.ext.putAll(m.ext);
        return copy;
    }

    synchronized void delete(String id, String kind, String ifMatch) {
        Item it = items.get(id);
        if (it == null && Item.EVENT.equals(kind)) {
            Occurrence occ = parseOccurrence(id).orElseThrow(Exchange::notFound);
            meetings.deleted(id, renderOccurrence(occ.master(), occ.date(), Ctx.DEFAULT));
            deleteOccurrence(occ);
            return;
        }
        if (it == null || !it.kind.equals(kind)) {
            throw Exchange.notFound();
        }
        checkIfMatch(it, ifMatch);
        if (it.wellKnownName != null || it.id.equals(calendarId) || it.id.equals(tasksListId)) {
            throw new Exchange.GraphError(403, "ErrorDeleteDistinguishedFolder", "Distinguished folders cannot be deleted.");
        }
        if (Item.EVENT.equals(kind)) {
            meetings.deleted(id, it.json);
        }
        deleted(it);
    }

    synchronized Item renameFolder(String id, String kind, JsonNode patch) {
        Item f = get(id, kind);
        Item prev = f.snapshot();
        if (patch.hasNonNull("displayName")) {
            f.json.put("displayName", patch.get("displayName").asText());
        }
        modified(f, prev);
        return f;
    }

    // ------------------------------------------------------------------ contacts

    synchronized Item createContactFolder(String parentId, JsonNode body) {
        String name = body.path("displayName").asText("");
        if (name.isBlank()) {
            throw new Exchange.GraphError(400, "ErrorInvalidRequest", "The folder's displayName is required.");
        }
        for (Item sibling : children(parentId, Item.CONTACT_FOLDER)) {
            if (sibling.json.path("displayName").asText().equalsIgnoreCase(name)) {
                throw new Exchange.GraphError(409, "ErrorFolderExists", "A folder with the specified name already exists.");
            }
        }
        Item f = newItem(Item.CONTACT_FOLDER, parentId, JSON.createObjectNode().put("displayName", name));
        f.json.put("parentFolderId", parentId);
        return f;
    }

    /**
     * The most entries of a contact's multi-value properties: Graph answers 400 to more ("The multi value property
     * EmailAddresses has 4 entries, that exceeds the max allowed value of 3", "… BusinessPhones has 3 entries, that
     * exceeds the max allowed value of 2"; microsoftgraph/microsoft-graph-docs issue 15276, undocumented on the contact
     * resource page). Outlook's contact form has the same places: E-mail, E-mail 2 and 3, Business and Business 2,
     * Home and Home 2.
     */
    static final Map<String, Integer> CONTACT_LIST_LIMITS = Map.of("emailAddresses", 3, "businessPhones", 2,
            "homePhones", 2);

    private static void checkContactLists(JsonNode contact) {
        CONTACT_LIST_LIMITS.forEach((property, max) -> {
            int entries = contact.path(property).size();
            if (entries > max) {
                String name = Character.toUpperCase(property.charAt(0)) + property.substring(1);
                throw new Exchange.GraphError(400, "ErrorInvalidArgument", "The multi value property " + name
                        + " has " + entries + " entries, that exceeds the max allowed value of " + max);
            }
        });
    }

    @Override
    public synchronized void setContactPhotoInOutlook(String contactId, byte[] jpeg) {
        Item c = get(contactId, Item.CONTACT);
        Item prev = c.snapshot();
        c.photo = jpeg.clone();
        c.photoType = "image/jpeg";
        modified(c, prev);
    }

    synchronized Item createContact(String folderId, JsonNode body) {
        checkContactLists(body);
        ObjectNode json = JSON.createObjectNode();
        json.putArray("categories");
        json.putArray("emailAddresses");
        json.putArray("businessPhones");
        json.putArray("homePhones");
        copyProperties(body, json);
        if (!json.hasNonNull("displayName")) {
            String dn = (json.path("givenName").asText("") + " " + json.path("surname").asText("")).trim();
            json.put("displayName", dn);
        }
        Item c = newItem(Item.CONTACT, folderId, json);
        json.put("parentFolderId", folderId);
        applyExtendedProperties(c, body);
        return c;
    }

    synchronized Item updateGeneric(String id, String kind, JsonNode patch, String ifMatch) {
        Item it = get(id, kind);
        checkIfMatch(it, ifMatch);
        if (kind.equals(Item.CONTACT)) {
            checkContactLists(patch);
        }
        recordPatch(id, patch);
        Item prev = it.snapshot();
        copyProperties(patch, it.json);
        if (kind.equals(Item.TODO_TASK)) {
            keepDueDate(it.json);
        }
        applyExtendedProperties(it, patch);
        modified(it, prev);
        return it;
    }

    /**
     * To Do keeps only the date of a task's {@code dueDateTime}: the date as sent, at 00:00, labelled UTC (a due time
     * of 04:10 comes back as 00:00; microsoftgraph/microsoft-graph-docs issue 16991). The reminder keeps its time.
     */
    private static void keepDueDate(ObjectNode task) {
        JsonNode due = task.get("dueDateTime");
        if (due == null || !due.hasNonNull("dateTime")) {
            return;
        }
        LocalDate date = EventTimes.local(due.get("dateTime").asText(), ZoneOffset.UTC).toLocalDate();
        task.putObject("dueDateTime").put("dateTime", date + "T00:00:00.0000000").put("timeZone", "UTC");
    }

    synchronized byte[] photo(String contactId) {
        Item c = get(contactId, Item.CONTACT);
        if (c.photo == null) {
            throw new Exchange.GraphError(404, "ErrorItemNotFound", "The photo wasn't found.");
        }
        return c.photo;
    }

    synchronized String photoType(String contactId) {
        return Optional.ofNullable(get(contactId, Item.CONTACT).photoType).orElse("image/jpeg");
    }

    synchronized void putPhoto(String contactId, byte[] bytes, String contentType) {
        Item c = get(contactId, Item.CONTACT);
        if (bytes.length > MAX_PHOTO_BYTES) {
            throw new Exchange.GraphError(413, "ErrorRequestEntityTooLarge",
                    "The photo is " + bytes.length + " bytes; the limit is 4 MB (" + MAX_PHOTO_BYTES + " bytes).");
        }
        if (bytes.length == 0) {
            throw new Exchange.GraphError(400, "ErrorInvalidRequest", "The photo is empty.");
        }
        Item prev = c.snapshot();
        c.photo = bytes.clone();
        c.photoType = contentType == null || contentType.isBlank() ? "image/jpeg" : contentType;
        modified(c, prev);
    }

    // ------------------------------------------------------------------ To Do

    synchronized Item createTodoList(JsonNode body) {
        String name = body.path("displayName").asText("");
        if (name.isBlank()) {
            throw new Exchange.GraphError(400, "invalidRequest", "The list's displayName is required.");
        }
        Item l = newItem(Item.TODO_LIST, null, JSON.createObjectNode().put("displayName", name));
        l.json.put("isOwner", true).put("isShared", false).put("wellknownListName", "none");
        return l;
    }

    synchronized Item createTask(String listId, JsonNode body) {
        if (!body.hasNonNull("title")) {
            throw new Exchange.GraphError(400, "invalidRequest", "The task's title is required.");
        }
        ObjectNode json = JSON.createObjectNode();
        json.put("importance", "normal").put("isReminderOn", false).put("status", "notStarted");
        json.putArray("categories");
        json.putObject("body").put("content", "").put("contentType", "text");
        json.put("hasAttachments", false);
        copyProperties(body, json);
        json.remove("linkedResources");
        keepDueDate(json);
        Item t = newItem(Item.TODO_TASK, listId, json);
        json.put("bodyLastModifiedDateTime", json.path("lastModifiedDateTime").asText());
        for (JsonNode lr : body.path("linkedResources")) {
            createLinkedResource(t.id, lr);
        }
        return t;
    }

    synchronized Item createLinkedResource(String taskId, JsonNode body) {
        ObjectNode json = JSON.createObjectNode();
        copyProperties(body, json);
        return newItem(Item.LINKED_RESOURCE, taskId, json);
    }

    // ------------------------------------------------------------------ events

    /** An occurrence of a series, by id. */
    record Occurrence(Item master, LocalDate date) {
    }

    static String occurrenceId(String masterId, LocalDate date) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("occ|" + masterId + "|" + date).getBytes(StandardCharsets.UTF_8));
    }

    synchronized Optional<Occurrence> parseOccurrence(String id) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
            if (!s.startsWith("occ|")) {
                return Optional.empty();
            }
            String[] parts = s.split("\\|");
            Item master = items.get(parts[1]);
            if (master == null || !master.isSeriesMaster()) {
                return Optional.empty();
            }
            LocalDate date = LocalDate.parse(parts[2]);
            if (master.cancelled.contains(date) || !occursOn(master, date)) {
                return Optional.empty();
            }
            return Optional.of(new Occurrence(master, date));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private boolean occursOn(Item master, LocalDate date) {
        return EventTimes.dates(master.json.get("recurrence"), master.localStart.toLocalDate(), date).contains(date);
    }

    synchronized Optional<ObjectNode> occurrenceById(String id, Ctx ctx) {
        return parseOccurrence(id).map(o -> renderOccurrence(o.master(), o.date(), ctx));
    }

    /** An event created through Graph: organised by the owner, its attendees invited. */
    synchronized Item createEvent(JsonNode body) {
        return createEvent(body, false);
    }

    /** @param seeded put in by a test (an invitation from someone else, if its organizer is another) */
    private Item createEvent(JsonNode body, boolean seeded) {
        String tx = body.path("transactionId").asText(null);
        if (tx != null && transactions.containsKey(tx) && items.containsKey(transactions.get(tx))) {
            return items.get(transactions.get(tx));
        }
        if (!body.path("start").hasNonNull("dateTime") || !body.path("end").hasNonNull("dateTime")) {
            throw new Exchange.GraphError(400, "ErrorInvalidRequest", "Your request can't be completed. The event needs a start and an end.");
        }
        ObjectNode json = JSON.createObjectNode();
        json.putArray("categories");
        json.put("reminderMinutesBeforeStart", 15).put("isReminderOn", true).put("hasAttachments", false)
                .put("subject", "").put("bodyPreview", "").put("importance", "normal").put("sensitivity", "normal")
                .put("isAllDay", false).put("isCancelled", false).put("isOrganizer", true).put("responseRequested", true)
                .put("showAs", "busy").put("isOnlineMeeting", false).put("allowNewTimeProposals", true).put("isDraft", false)
                .put("hideAttendees", false);
        json.putObject("body").put("contentType", "html").put("content", "");
        json.putObject("location").put("displayName", "").put("locationType", "default").put("uniqueIdType", "unknown");
        json.putArray("locations");
        json.putArray("attendees");
        json.putObject("responseStatus").put("response", "organizer").put("time", "0001-01-01T00:00:00Z");
        json.putObject("organizer").putObject("emailAddress").put("name", displayName).put("address", upn);
        json.putNull("recurrence");
        json.putNull("seriesMasterId");
        copyProperties(body, json);
        if (seeded) {
            meetings.seeded(json, body);
        } else {
            meetings.organisedByOwner(json);
        }
        Item e = newItem(Item.EVENT, calendarId, json);
        if (json.path("isOnlineMeeting").asBoolean(false)) {
            addMeetingBlob(e);
        }
        json.put("iCalUId", "040000008200E00074C5B7101A82E00800000000" + e.id.substring(e.id.length() - 16).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "0"));
        json.put("uid", json.get("iCalUId").asText());
        e.transactionId = tx;
        if (tx != null) {
            transactions.put(tx, e.id);
        }
        applyEventFields(e, body);
        applyExtendedProperties(e, body);
        if (!seeded) {
            meetings.created(e.id, e.json);
        }
        return e;
    }

    /**
     * Makes the event a Teams meeting: a join URL in {@code onlineMeeting} and the meeting blob (modelled after the one
     * Teams writes: a line of underscores, "Microsoft Teams meeting", a "Join the meeting now" link) at the end of the
     * HTML body.
     */
    private static void addMeetingBlob(Item e) {
        String joinUrl = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_" + e.id.replaceAll("[^A-Za-z0-9]", "")
                + "%40thread.v2/0?context=%7b%22Tid%22%3a%22emulator%22%7d";
        ObjectNode body = (ObjectNode) e.json.get("body");
        String content = body.path("content").asText("");
        if (!"html".equalsIgnoreCase(body.path("contentType").asText("html"))) {
            content = content.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>");
        }
        String line = "<div style=\"width:100%\"><span style=\"white-space:nowrap;color:#5F5F5F;opacity:.36\">"
                + "_".repeat(80) + "</span></div>";
        body.put("contentType", "html").put("content", content + "<div><br></div>" + line
                + "<div class=\"me-email-text\" lang=\"en-US\"><div style=\"margin-bottom:24px\">Microsoft Teams meeting</div>"
                + "<div style=\"margin-bottom:6px\"><a class=\"me-email-headline\" href=\"" + joinUrl.replace("&", "&amp;")
                + "\" target=\"_blank\" rel=\"noreferrer noopener\">Join the meeting now</a></div></div>" + line);
        e.json.put("isOnlineMeeting", true).put("onlineMeetingProvider", "teamsForBusiness");
        e.json.putObject("onlineMeeting").put("joinUrl", joinUrl);
    }

    /**
     * "Update event" (https://learn.microsoft.com/en-us/graph/api/event-update, "body property and online meetings"):
     * removing the meeting blob from the body disables the online meeting. A body without the join URL drops it.
     */
    private static void dropMeetingWithoutBlob(Item e, String joinUrl) {
        String content = e.json.path("body").path("content").asText("");
        if (joinUrl.isEmpty() || !(content.contains(joinUrl) || content.contains(joinUrl.replace("&", "&amp;")))) {
            e.json.put("isOnlineMeeting", false).put("onlineMeetingProvider", "unknown");
            e.json.putNull("onlineMeeting");
        }
    }

    private void applyEventFields(Item e, JsonNode body) {
        if (body.has("start") || body.has("end") || e.localStart == null) {
            JsonNode start = body.has("start") ? body.get("start") : e.json.get("start");
            JsonNode end = body.has("end") ? body.get("end") : e.json.get("end");
            ZoneId sz = EventTimes.zone(start.path("timeZone").asText("UTC"));
            ZoneId ez = EventTimes.zone(end.path("timeZone").asText(start.path("timeZone").asText("UTC")));
            LocalDateTime ls = EventTimes.local(start.path("dateTime").asText(), sz);
            LocalDateTime le = EventTimes.local(end.path("dateTime").asText(), ez);
            // normalise the end to the start's zone
            le = le.atZone(ez).withZoneSameInstant(sz).toLocalDateTime();
            if (le.isBefore(ls)) {
                throw new Exchange.GraphError(400, "ErrorInvalidRequest", "The event's end is before its start.");
            }
            e.localStart = ls;
            e.localEnd = le;
            e.zone = sz;
            e.json.put("originalStartTimeZone", start.path("timeZone").asText("UTC"));
            e.json.put("originalEndTimeZone", end.path("timeZone").asText("UTC"));
        }
        e.allDay = e.json.path("isAllDay").asBoolean(false);
        if (e.allDay && (!e.localStart.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                || !e.localEnd.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) || !e.localEnd.isAfter(e.localStart))) {
            throw new Exchange.GraphError(400, "ErrorInvalidRequest",
                    "Your request can't be completed. If the event is an all-day event, its start and end must be at midnight and at least one day apart.");
        }
        ArrayNode attendees = JSON.createArrayNode();
        for (JsonNode a : e.json.path("attendees")) {
            ObjectNode copy = a.deepCopy();
            if (!copy.has("type")) {
                copy.put("type", "required");
            }
            if (!copy.has("status")) {
                copy.putObject("status").put("response", "none").put("time", "0001-01-01T00:00:00Z");
            }
            attendees.add(copy);
        }
        e.json.set("attendees", attendees);
        JsonNode location = e.json.path("location");
        ArrayNode locations = JSON.createArrayNode();
        if (location.hasNonNull("displayName") && !location.get("displayName").asText().isEmpty()) {
            locations.add(location.deepCopy());
        }
        e.json.set("locations", locations);
        String content = e.json.path("body").path("content").asText("");
        String preview = content.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
        e.json.put("bodyPreview", preview.length() > 255 ? preview.substring(0, 255) : preview);
        if (e.isSeriesMaster()) {
            EventTimes.dates(e.json.get("recurrence"), e.localStart.toLocalDate(), e.localStart.toLocalDate()); // validates the pattern
            e.json.put("type", "seriesMaster");
        } else {
            e.json.put("type", "singleInstance");
        }
    }

    synchronized Item updateEvent(String id, JsonNode sent, String ifMatch) {
        JsonNode patch = MeetingMessages.writable(sent);
        Item e = items.get(id);
        if (e == null) {
            Occurrence occ = parseOccurrence(id).orElseThrow(Exchange::notFound);
            meetings.updated(id, occ.master().json, occ.master().json, patch);
            ObjectNode current = renderOccurrence(occ.master(), occ.date(), Ctx.DEFAULT);
            checkIfMatch(current.path("changeKey").asText(), ifMatch);
            ObjectNode override = occ.master().overrides.computeIfAbsent(occ.date(), d -> JSON.createObjectNode());
            copyProperties(patch, override);
            override.put("changeKey", newChangeKey());
            override.put("lastModifiedDateTime", now());
            Item prev = occ.master().snapshot();
            long s = ++seq;
            occ.master().overrideSeq.put(occ.date(), s);
            tombstones.add(new Tombstone(s, prev, occurrenceId(occ.master().id, occ.date())));
            return occ.master();
        }
        if (!e.kind.equals(Item.EVENT)) {
            throw Exchange.notFound();
        }
        checkIfMatch(e, ifMatch);
        recordPatch(id, sent);
        Item prev = e.snapshot();
        JsonNode before = e.json.deepCopy();
        String joinUrl = e.json.path("onlineMeeting").path("joinUrl").asText("");
        copyProperties(patch, e.json);
        if (e.json.path("isOnlineMeeting").asBoolean(false) && patch.has("body")) {
            dropMeetingWithoutBlob(e, joinUrl);
        }
        applyEventFields(e, patch);
        applyExtendedProperties(e, patch);
        modified(e, prev);
        meetings.updated(id, before, e.json, patch);
        return e;
    }

    private void deleteOccurrence(Occurrence occ) {
        Item prev = occ.master().snapshot();
        occ.master().cancelled.add(occ.date());
        tombstones.add(new Tombstone(++seq, prev, occurrenceId(occ.master().id, occ.date())));
    }

    /** @return the views (single instances, occurrences, exceptions) of an event within [from, to) */
    List<View> calendarViews(Item e, Instant from, Instant to) {
        List<View> out = new ArrayList<>();
        if (!e.kind.equals(Item.EVENT)) {
            return out;
        }
        if (!e.isSeriesMaster()) {
            if (overlaps(e.start(), e.end(), from, to)) {
                out.add(new View(e.id, e.seq));
            }
            return out;
        }
        long minutes = java.time.Duration.between(e.localStart, e.localEnd).toMinutes();
        LocalDate until = LocalDateTime.ofInstant(to, e.zone).toLocalDate().plusDays(1);
        for (LocalDate d : EventTimes.dates(e.json.get("recurrence"), e.localStart.toLocalDate(), until)) {
            if (e.cancelled.contains(d)) {
                continue;
            }
            Instant[] range = occurrenceRange(e, d, minutes);
            if (overlaps(range[0], range[1], from, to)) {
                long s = Math.max(e.seq, e.overrideSeq.getOrDefault(d, 0L));
                out.add(new View(occurrenceId(e.id, d), s));
            }
        }
        return out;
    }

    private Instant[] occurrenceRange(Item master, LocalDate d, long minutes) {
        ObjectNode o = master.overrides.get(d);
        if (o != null && o.has("start") && o.has("end")) {
            ZoneId sz = EventTimes.zone(o.path("start").path("timeZone").asText("UTC"));
            ZoneId ez = EventTimes.zone(o.path("end").path("timeZone").asText("UTC"));
            return new Instant[] {EventTimes.local(o.path("start").path("dateTime").asText(), sz).atZone(sz).toInstant(),
                EventTimes.local(o.path("end").path("dateTime").asText(), ez).atZone(ez).toInstant()};
        }
        LocalDateTime s = d.atTime(master.localStart.toLocalTime());
        Instant start = s.atZone(master.zone).toInstant();
        return new Instant[] {start, s.plusMinutes(minutes).atZone(master.zone).toInstant()};
    }

    private static boolean overlaps(Instant s, Instant e, Instant from, Instant to) {
        if (s.equals(e)) {
            return !s.isBefore(from) && s.isBefore(to);
        }
        return s.isBefore(to) && e.isAfter(from);
    }

    ObjectNode renderOccurrence(Item master, LocalDate d, Ctx ctx) {
        ObjectNode json = master.json.deepCopy();
        long minutes = java.time.Duration.between(master.localStart, master.localEnd).toMinutes();
        Instant[] range = occurrenceRange(master, d, minutes);
        ObjectNode o = master.overrides.get(d);
        if (o != null) {
            o.fields().forEachRemaining(f -> json.set(f.getKey(), f.getValue().deepCopy()));
        }
        String id = occurrenceId(master.id, d);
        json.put("id", id);
        json.put("type", o == null ? "occurrence" : "exception");
        json.put("seriesMasterId", master.id);
        json.putNull("recurrence");
        json.put("originalStart", d.atTime(master.localStart.toLocalTime()).atZone(master.zone).toInstant().toString());
        if (o == null || !o.has("changeKey")) {
            json.put("changeKey", master.changeKey);
        }
        json.set("start", JSON.valueToTree(master.allDay ? allDay(d.atStartOfDay(), ctx)
                : EventTimes.dateTimeTimeZone(range[0], ctx.zone(), ctx.zoneName())));
        json.set("end", JSON.valueToTree(master.allDay ? allDay(d.atStartOfDay().plusMinutes(minutes), ctx)
                : EventTimes.dateTimeTimeZone(range[1], ctx.zone(), ctx.zoneName())));
        return finish(json, master, ctx);
    }

    private static Map<String, Object> allDay(LocalDateTime local, Ctx ctx) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dateTime", EventTimes.GRAPH_LOCAL.format(local));
        m.put("timeZone", ctx.zoneName());
        return m;
    }

    // ------------------------------------------------------------------ properties, change keys

    private static void copyProperties(JsonNode from, ObjectNode to) {
        from.fields().forEachRemaining(e -> {
            String k = e.getKey();
            if (k.startsWith("@") || k.equals("singleValueExtendedProperties") || k.equals("multiValueExtendedProperties")
                    || Set.of("id", "changeKey", "createdDateTime", "lastModifiedDateTime", "parentFolderId", "type",
                    "seriesMasterId", "iCalUId", "uid").contains(k)) {
                return;
            }
            to.set(k, e.getValue().deepCopy());
        });
    }

    private static void applyExtendedProperties(Item it, JsonNode body) {
        for (JsonNode p : body.path("singleValueExtendedProperties")) {
            String id = p.path("id").asText("");
            if (id.isBlank()) {
                throw new Exchange.GraphError(400, "ErrorInvalidProperty", "A single-value extended property needs an id.");
            }
            String existing = it.ext.keySet().stream().filter(k -> sameProperty(k, id)).findFirst().orElse(id);
            if (p.get("value") == null || p.get("value").isNull()) {
                it.ext.remove(existing);
            } else {
                it.ext.remove(existing);
                it.ext.put(id, p.get("value").asText());
            }
        }
    }

    static boolean sameProperty(String a, String b) {
        return a.trim().replaceAll("\\s+", " ").equalsIgnoreCase(b.trim().replaceAll("\\s+", " "));
    }

    private static void checkIfMatch(Item it, String ifMatch) {
        checkIfMatch(it.changeKey, ifMatch);
    }

    private static void checkIfMatch(String changeKey, String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        String v = ifMatch.trim();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        if (v.startsWith("\"") && v.endsWith("\"") && v.length() >= 2) {
            v = v.substring(1, v.length() - 1);
        }
        if (!v.equals(changeKey)) {
            throw new Exchange.GraphError(412, "ErrorIrresolvableConflict",
                    "The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.");
        }
    }

    // ------------------------------------------------------------------ rendering

    synchronized ObjectNode render(Item it, Ctx ctx) {
        ObjectNode json = it.json.deepCopy();
        switch (it.kind) {
            case Item.MAIL_FOLDER -> {
                json.put("parentFolderId", it.container == null ? "" : it.container);
                json.put("childFolderCount", children(it.id, Item.MAIL_FOLDER).size());
                List<Item> msgs = children(it.id, Item.MESSAGE);
                json.put("totalItemCount", msgs.size());
                json.put("unreadItemCount", msgs.stream().filter(m -> !m.json.path("isRead").asBoolean()).count());
                json.put("sizeInBytes", msgs.stream().mapToLong(m -> m.mime == null ? 0 : m.mime.length).sum());
                json.remove(List.of("changeKey", "createdDateTime", "lastModifiedDateTime"));
                if (it.container == null) {
                    json.put("parentFolderId", newIdFor("root", it.id));
                }
            }
            case Item.CONTACT_FOLDER -> {
                json.remove(List.of("createdDateTime", "lastModifiedDateTime", "changeKey"));
                json.put("parentFolderId", it.container == null ? newIdFor("root", it.id) : it.container);
            }
            case Item.CALENDAR, Item.TODO_LIST -> json.remove(List.of("createdDateTime", "lastModifiedDateTime"));
            case Item.EVENT -> {
                json.set("start", JSON.valueToTree(it.allDay ? allDay(it.localStart, ctx)
                        : EventTimes.dateTimeTimeZone(it.start(), ctx.zone(), ctx.zoneName())));
                json.set("end", JSON.valueToTree(it.allDay ? allDay(it.localEnd, ctx)
                        : EventTimes.dateTimeTimeZone(it.end(), ctx.zone(), ctx.zoneName())));
            }
            case Item.TODO_TASK -> {
                if (ctx.expandLinkedResources()) {
                    ArrayNode lrs = json.putArray("linkedResources");
                    children(it.id, Item.LINKED_RESOURCE).forEach(lr -> lrs.add(render(lr, Ctx.DEFAULT)));
                }
            }
            case Item.LINKED_RESOURCE -> json.remove(List.of("createdDateTime", "lastModifiedDateTime", "changeKey"));
            default -> {
            }
        }
        if (ctx.textBody() && json.path("body").path("contentType").asText().equals("html")) {
            ObjectNode body = (ObjectNode) json.get("body");
            // as Graph's conversion: a <br> is a line break, other tags go, entities are decoded
            body.put("content", body.path("content").asText().replaceAll("(?i)<br\\s*/?>", "\n").replaceAll("<[^>]*>", " ")
                    .replaceAll("[ \\t]+", " ").replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
                    .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&").trim());
            body.put("contentType", "text");
        }
        return finish(json, it, ctx);
    }

    private static String newIdFor(String prefix, String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((prefix + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** $select, the etag, and the extended properties. */
    private ObjectNode finish(ObjectNode json, Item it, Ctx ctx) {
        ObjectNode out = JSON.createObjectNode();
        String ck = json.path("changeKey").asText(null);
        if (ck != null && !it.kind.equals(Item.MAIL_FOLDER)) {
            out.put("@odata.etag", "W/\"" + ck + "\"");
        }
        if (ctx.select().isEmpty()) {
            out.setAll(json);
        } else {
            out.set("id", json.get("id"));
            for (String s : ctx.select()) {
                if (!s.equals("id")) {
                    out.set(s, json.has(s) ? json.get(s) : JSON.nullNode());
                }
            }
        }
        if (ctx.expandAllExtended() || ctx.expandExtendedId() != null) {
            ArrayNode arr = JSON.createArrayNode();
            it.ext.forEach((k, v) -> {
                if (ctx.expandAllExtended() || sameProperty(k, ctx.expandExtendedId())) {
                    arr.addObject().put("id", k).put("value", v);
                }
            });
            if (it.kind.equals(Item.MESSAGE) && it.mime != null && ctx.expandExtendedId() != null
                    && isMessageSize(ctx.expandExtendedId())) {
                arr.addObject().put("id", "Long 0xe08").put("value", Long.toString(it.mime.length));
            }
            if (!arr.isEmpty() || ctx.expandAllExtended()) {
                out.set("singleValueExtendedProperties", arr);
            }
        }
        return out;
    }

    /**
     * Whether an expanded id names PidTagMessageSizeExtended (0x0E08, PT_I8), which Exchange computes for every message.
     * Graph writes the tag back its own way ({@code Binary 0x0E0A} asked, {@code Binary 0xe0a} answered, in a Microsoft
     * Q&A answer on reading PidTagSentMailEntryId), so the emulator answers {@code Long 0xe08}. Not modelled: Exchange's
     * value is "the sum of the sizes of all properties on a message object, usually considerably greater than the
     * message text alone" (PidTagMessageSize); the emulator gives the length of the MIME it holds.
     */
    private static boolean isMessageSize(String id) {
        String[] parts = id.trim().split("\\s+");
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Long") || !parts[1].toLowerCase(Locale.ROOT).startsWith("0x")) {
            return false;
        }
        try {
            return Long.parseLong(parts[1].substring(2), 16) == 0x0E08;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** @return the rendering of any view id (item or occurrence), or empty when it no longer exists */
    synchronized Optional<ObjectNode> renderView(String id, Ctx ctx) {
        Item it = items.get(id);
        if (it != null) {
            return Optional.of(render(it, ctx));
        }
        return occurrenceById(id, ctx);
    }

    // ------------------------------------------------------------------ $filter on extended properties

    private static final Pattern EXT_FILTER = Pattern.compile(
            "(?i)^\\s*singleValueExtendedProperties/any\\(\\s*(\\w+)\\s*:\\s*\\1/id\\s+eq\\s+'((?:[^']|'')*)'\\s+and\\s+\\1/value\\s+eq\\s+'((?:[^']|'')*)'\\s*\\)\\s*$");

    /** @return a predicate for the $filter expression; only the extended-property form is understood */
    static java.util.function.Predicate<Item> filter(String expr) {
        if (expr == null || expr.isBlank()) {
            return i -> true;
        }
        Matcher m = EXT_FILTER.matcher(expr);
        if (!m.matches()) {
            throw new Exchange.GraphError(400, "ErrorInvalidUrlQueryFilter",
                    "The emulator understands only $filter=singleValueExtendedProperties/Any(ep: ep/id eq '...' and ep/value eq '...'), not: " + expr);
        }
        String id = m.group(2).replace("''", "'");
        String value = m.group(3).replace("''", "'");
        // "Filtering the value property of an extended property is case-insensitive" (Get
        // singleValueLegacyExtendedProperty, learn.microsoft.com/en-us/graph/api/singlevaluelegacyextendedproperty-get)
        return it -> it.ext.entrySet().stream().anyMatch(e -> sameProperty(e.getKey(), id) && e.getValue().equalsIgnoreCase(value));
    }

    // ------------------------------------------------------------------ delta rounds

    /** @return the entries of one delta round: changes in (since, upTo], removals only when since > 0 */
    synchronized List<Entry> deltaRound(Scope scope, long since, long upTo) {
        Map<String, Long> current = new HashMap<>();
        for (Item it : items.values()) {
            for (View v : scope.expand(this, it)) {
                current.put(v.id(), v.seq());
            }
        }
        List<Entry> out = new ArrayList<>();
        current.forEach((id, s) -> {
            if (s > since && s <= upTo) {
                out.add(new Entry(s, false, id));
            }
        });
        if (since > 0) {
            Set<String> removed = new java.util.HashSet<>();
            // items changed in this round that the scope reports even outside its views: id -> seq of the last change
            Map<String, Long> outside = new HashMap<>();
            Set<String> wereInside = new java.util.HashSet<>();
            for (Tombstone t : tombstones) {
                if (t.seq() <= since || t.seq() > upTo) {
                    continue;
                }
                List<View> before = scope.expand(this, t.previous());
                for (View v : before) {
                    if ((t.onlyView() == null || t.onlyView().equals(v.id())) && !current.containsKey(v.id()) && removed.add(v.id())) {
                        out.add(new Entry(t.seq(), true, v.id()));
                    }
                }
                if (!before.isEmpty()) {
                    wereInside.add(t.previous().id);
                } else if (scope.reportsOutside(t.previous())) {
                    outside.merge(t.previous().id, t.seq(), Math::max);
                }
            }
            for (Item it : items.values()) {
                if (it.seq > since && it.seq <= upTo && scope.reportsOutside(it)) {
                    outside.merge(it.id, it.seq, Math::max);
                }
            }
            // "event: delta" (https://learn.microsoft.com/en-us/graph/api/event-delta, Response): events outside the
            // requested range that were added, updated or deleted come back as @removed with reason "deleted"
            outside.forEach((id, s) -> {
                Item now = items.get(id);
                boolean insideNow = now != null && !scope.expand(this, now).isEmpty();
                if (!insideNow && !wereInside.contains(id) && removed.add(id)) {
                    out.add(new Entry(s, true, id));
                }
            });
        }
        out.sort(Comparator.comparingLong(Entry::seq).thenComparing(e -> !e.removed()).thenComparing(Entry::id));
        return out;
    }

    /** Drops history no token can need any more (older than the oldest live round start). */
    synchronized void pruneHistory(long keepAfter) {
        Iterator<Tombstone> it = tombstones.iterator();
        while (it.hasNext()) {
            if (it.next().seq() <= keepAfter) {
                it.remove();
            }
        }
    }
}
