package io.liaison.contactreplication.internal;

import static io.liaison.sync.engine.testing.Proxies.NO_REPLACEMENT;
import static io.liaison.sync.engine.testing.Proxies.proxy;

import io.liaison.address.internal.AddressResolverComponent;
import io.liaison.address.internal.AddressResolverConfig;
import io.liaison.api.connector.AccountContext;
import io.liaison.api.connector.ConnectorFactory;
import io.liaison.api.connector.ConnectorSession;
import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.item.ContactData;
import io.liaison.api.crm.ContactPersonAbsence;
import io.liaison.api.crm.ContactPersonDirectory;
import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.BusinessPartner;
import io.liaison.api.domain.Communication;
import io.liaison.api.domain.CommunicationType;
import io.liaison.api.domain.ConflictPolicy;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.ContactPersonData;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.AccountRequest;
import io.liaison.api.runtime.JournalEntry;
import io.liaison.api.runtime.Link;
import io.liaison.api.runtime.LinkStore;
import io.liaison.api.runtime.SyncRun;
import io.liaison.api.runtime.SyncTrigger;
import io.liaison.api.runtime.TokenStore;
import io.liaison.connector.graph.internal.EmulatorAccounts;
import io.liaison.connector.local.internal.LocalConnectorFactory;
import io.liaison.crm.embedded.internal.JdbcHostCrm;
import io.liaison.duplicates.internal.DuplicateCheckComponent;
import io.liaison.duplicates.internal.DuplicateCheckConfig;
import io.liaison.duplicates.internal.InMemoryMatchKeyIndex;
import io.liaison.runtime.internal.CredentialVault;
import io.liaison.runtime.internal.DefaultAccountService;
import io.liaison.runtime.internal.DefaultSyncService;
import io.liaison.runtime.internal.JdbcAccountRepository;
import io.liaison.runtime.internal.JdbcLinkStore;
import io.liaison.runtime.internal.JdbcSyncJournal;
import io.liaison.runtime.internal.JdbcTokenStore;
import io.liaison.runtime.internal.RuntimeDatabase;
import io.liaison.graph.emulator.GraphEmulator;
import io.liaison.graph.emulator.Mailbox;
import io.liaison.sync.engine.testing.SyncWrites;
import io.liaison.sync.engine.testing.SyncWrites.Crash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Contact replication as it runs in Karaf, wired by hand: the embedded CRM and the runtime on in-memory H2, a real
 * connector (the local connector on a temporary folder tree, or the Graph connector on a fresh mailbox of the Graph
 * emulator), the real duplicate check and address resolution. The link store can be made to fail, to stand for a
 * crash between the groupware create and the link save.
 */
final class ContactFlow {
    static final EmployeeId DEMO = EmployeeId.of("demo");

    /** The groupware the flow replicates with. */
    enum Backend {
        /** The local connector: vCard files in a folder. */
        LOCAL,
        /** The Graph connector against the Graph emulator. */
        GRAPH
    }

    final Backend backend;
    final Path root;
    /** The Graph mailbox's user principal name (GRAPH only). */
    final String upn;
    final DataSource crmDb;
    final JdbcHostCrm crm;
    final DefaultAccountService accounts;
    final JdbcLinkStore links;
    final JdbcSyncJournal journal;
    final DefaultSyncService sync;
    final ContactReplication replication;
    final GroupwareAccount account;
    /** The contact persons replication may not see ({@link #hide}). */
    private final Set<String> hidden = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** How many of the next link saves fail. */
    final AtomicInteger failingLinkSaves = new AtomicInteger();
    /** The writes of replication runs. */
    final SyncWrites writes = runWritesOnly();

    /** The session of the person editing Graph contacts (GRAPH only). */
    private ConnectorSession person;
    /** The groupware ids of contacts added by {@link #addContact}, by the test's key. */
    private final Map<String, String> ids = new java.util.concurrent.ConcurrentHashMap<>();

    ContactFlow(Path dir, ConflictPolicy policy) {
        this(dir, policy, Backend.LOCAL);
    }

    ContactFlow(Path dir, ConflictPolicy policy, Backend backend) {
        this.backend = backend;
        this.root = dir.resolve("groupware");
        this.upn = backend == Backend.GRAPH ? GraphWorld.get().newMailbox() : null;
        this.crmDb = h2("crm");
        this.crm = new JdbcHostCrm(crmDb);
        DataSource runtimeDb = h2("runtime");
        RuntimeDatabase.migrate(runtimeDb);
        this.accounts = DefaultAccountService.of(new JdbcAccountRepository(runtimeDb),
                new CredentialVault(dir.resolve("vault.key")));
        accounts.addConnectorFactory(new CountingConnector(backend == Backend.GRAPH ? EmulatorAccounts.factory()
                : new LocalConnectorFactory()));
        this.links = new JdbcLinkStore(runtimeDb);
        this.journal = new JdbcSyncJournal(runtimeDb);
        this.sync = new DefaultSyncService(accounts, journal);
        TokenStore tokens = writes.counted(TokenStore.class, new JdbcTokenStore(runtimeDb), "tokens", Set.of("put"));
        this.replication = new ContactReplication(accounts, countedCrm(), faultyLinks(), tokens,
                config(ReplicationConfig.class, Map.of()));
        replication.duplicateCheck = DuplicateCheckComponent.withIndex(crm, new InMemoryMatchKeyIndex(),
                config(DuplicateCheckConfig.class, Map.of("maxStalenessSeconds", 0)));
        replication.addressResolver = new AddressResolverComponent(crm, config(AddressResolverConfig.class, Map.of()));
        sync.addAreaSynchronizer(replication);
        if (backend == Backend.GRAPH) {
            GroupwareAccount created = accounts.create(new AccountRequest(DEMO, "graph", GraphWorld.get().settings(upn),
                    false, null, Set.of(SyncArea.CONTACTS), policy));
            this.account = accounts.setCredentials(created.id(), GraphWorld.get().credentials());
        } else {
            this.account = accounts.create(new AccountRequest(DEMO, "local", Map.of("root", root.toString(), "createRoot", "true"),
                    false, null, Set.of(SyncArea.CONTACTS), policy));
        }
    }

    boolean isGraph() {
        return backend == Backend.GRAPH;
    }

    /** The emulated mailbox (GRAPH only). */
    Mailbox mailbox() {
        if (!isGraph()) {
            throw new IllegalStateException("the local connector has no Graph mailbox");
        }
        return GraphWorld.get().emulator.mailbox(upn);
    }

    /** The Graph emulator (GRAPH only), for faults and statistics. */
    GraphEmulator emulator() {
        mailbox();
        return GraphWorld.get().emulator;
    }

    /**
     * Adds a contact in the groupware as a person would (a vCard file whose UID is the key, or a contact created in
     * Outlook, its photo uploaded afterwards); {@link #gid} gives its groupware id.
     *
     * @return the groupware id
     */
    String addContact(String key, ContactData data) {
        String id;
        if (isGraph()) {
            Map<String, Object> json = new java.util.LinkedHashMap<>();
            json.put("givenName", data.givenName());
            json.put("surname", data.surname());
            json.put("title", data.title());
            json.put("companyName", data.company());
            json.put("jobTitle", data.jobTitle());
            json.put("department", data.department());
            json.put("mobilePhone", data.mobilePhone());
            json.put("businessPhones", data.businessPhones());
            json.put("emailAddresses", data.emails().stream().map(e -> Map.of("address", e, "name", e)).toList());
            id = mailbox().addContact(mailbox().folderId("contacts"), json);
            data.photo().ifPresent(photo -> GraphWorld.get().putPhoto(upn, id, photo));
        } else {
            id = key;
            writeVcard(key + ".vcf", vcard(key, data));
        }
        ids.put(key, id);
        return id;
    }

    /** The groupware id of the contact added under that key. */
    String gid(String key) {
        String id = ids.get(key);
        if (id == null) {
            throw new IllegalArgumentException("no contact was added under the key " + key);
        }
        return id;
    }

    /** The key under which the contact with that groupware id was added. */
    String key(String groupwareId) {
        return ids.entrySet().stream().filter(e -> e.getValue().equals(groupwareId)).map(Map.Entry::getKey)
                .findFirst().orElse(groupwareId);
    }

    /** The id of a groupware contact that existed and was deleted. */
    String goneId() {
        String id = addContact("gone", ContactData.simple("Gone", "Away", "gone@firma.de"));
        removeOutside(id);
        return id;
    }

    /** Removes a groupware contact as a person would (deletes its file, deletes it in Outlook). */
    void removeOutside(String id) {
        if (isGraph()) {
            mailbox().remove(id);
        } else {
            try (Stream<Path> files = Files.list(contactsDir())) {
                for (Path file : files.toList()) {
                    if (Files.readString(file).contains("UID:" + id + "\r\n") || file.getFileName().toString().equals(id)) {
                        Files.delete(file);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Gives a groupware contact a photo as a person would (Outlook uploads it; a vCard gets a PHOTO). */
    void setPhotoOutside(String id, io.liaison.api.domain.Photo photo) {
        if (isGraph()) {
            GraphWorld.get().putPhoto(upn, id, photo);
        } else {
            groupware(store -> {
                GroupwareItem<ContactData> g = store.get(id).orElseThrow();
                ContactData d = g.data();
                return store.update(id, g.version(), new ContactData(d.title(), d.givenName(), d.surname(),
                        d.displayName(), d.company(), d.department(), d.jobTitle(), d.emails(), d.businessPhones(),
                        d.mobilePhone(), d.homePhones(), d.notes(), Optional.of(photo)), g.crmId());
            });
        }
    }

    /**
     * Copies a groupware contact as a person would: Outlook's copy carries every property of the original, the
     * extended properties with the CRM id and the idempotency key included; a copied vCard file (given a UID of its
     * own, as a contacts program does) carries the original's X-LIAISON-CRM-ID.
     *
     * @return the copy's groupware id
     */
    String copyOutside(String id) {
        if (isGraph()) {
            Map<String, Object> json = new java.util.LinkedHashMap<>(mailbox().item(id));
            List.of("id", "changeKey", "@odata.etag", "createdDateTime", "lastModifiedDateTime", "parentFolderId")
                    .forEach(json::remove);
            return mailbox().addContact(mailbox().folderId("contacts"), json);
        }
        try (Stream<Path> files = Files.list(contactsDir())) {
            for (Path file : files.toList()) {
                String text = Files.readString(file);
                if (text.contains("UID:" + id + "\r\n")) {
                    String copyId = "copy-of-" + id;
                    writeVcard(copyId + ".vcf", text.replace("UID:" + id + "\r\n", "UID:" + copyId + "\r\n"));
                    return copyId;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException("no contact file with UID " + id);
    }

    /**
     * Gives a groupware contact a photo Liaison cannot use, as a person can: Outlook on the desktop stores one over
     * Graph's 4 MB; a contacts program writes a vCard PHOTO given by URL.
     */
    void setUnusablePhotoOutside(String id) {
        if (isGraph()) {
            byte[] jpeg = new byte[io.liaison.api.domain.Photo.MAX_BYTES + 100];
            jpeg[0] = (byte) 0xFF;
            jpeg[1] = (byte) 0xD8;
            jpeg[2] = (byte) 0xFF;
            mailbox().setContactPhotoInOutlook(id, jpeg);
            return;
        }
        try (Stream<Path> files = Files.list(contactsDir())) {
            for (Path file : files.toList()) {
                String text = Files.readString(file);
                if (text.contains("UID:" + id + "\r\n")) {
                    String kept = text.lines().filter(l -> !l.startsWith("PHOTO") && !l.startsWith(" "))
                            .collect(java.util.stream.Collectors.joining("\r\n"));
                    Files.writeString(file, kept.replace("END:VCARD",
                            "PHOTO;VALUE=URI:https://photos.example.com/p.jpg\r\nEND:VCARD") + "\r\n");
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException("no contact file with UID " + id);
    }

    /** Removes every groupware contact as a person would (or an outage would make them look removed). */
    void removeAllOutside() {
        if (isGraph()) {
            groupwareContacts().forEach(g -> mailbox().remove(g.id()));
        } else {
            vcards().forEach(f -> {
                try {
                    Files.delete(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** How many contacts the groupware holds (for the local connector: contact files, unreadable ones included). */
    int contactCount() {
        return isGraph() ? groupwareContacts().size() : vcards().size();
    }

    /** A vCard 3.0 of the contact with that UID. */
    static String vcard(String uid, ContactData d) {
        StringBuilder v = new StringBuilder("BEGIN:VCARD\nVERSION:3.0\nUID:").append(uid).append('\n');
        v.append("N:").append(d.surname()).append(';').append(d.givenName()).append(";;").append(d.title()).append(";\n");
        v.append("FN:").append((d.givenName() + " " + d.surname()).strip()).append('\n');
        d.emails().forEach(e -> v.append("EMAIL;TYPE=INTERNET:").append(e).append('\n'));
        if (!d.company().isEmpty() || !d.department().isEmpty()) {
            v.append("ORG:").append(d.company()).append(d.department().isEmpty() ? "" : ";" + d.department()).append('\n');
        }
        if (!d.jobTitle().isEmpty()) {
            v.append("TITLE:").append(d.jobTitle()).append('\n');
        }
        d.businessPhones().forEach(p -> v.append("TEL;TYPE=WORK:").append(p).append('\n'));
        if (!d.mobilePhone().isEmpty()) {
            v.append("TEL;TYPE=CELL:").append(d.mobilePhone()).append('\n');
        }
        d.photo().ifPresent(p -> v.append("PHOTO;ENCODING=b;TYPE=").append(p.mediaType().substring(6).toUpperCase(
                java.util.Locale.ROOT)).append(':').append(java.util.Base64.getEncoder().encodeToString(p.bytes())).append('\n'));
        return v.append("END:VCARD\n").toString();
    }

    Path contactsDir() {
        return root.resolve("Contacts");
    }

    List<Path> vcards() {
        if (!Files.isDirectory(contactsDir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(contactsDir())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".vcf")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path writeVcard(String name, String text) {
        try {
            Files.createDirectories(contactsDir());
            return Files.writeString(contactsDir().resolve(name), text.replace("\n", "\r\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SyncRun run() {
        writes.counting = true;
        try {
            return sync.sync(account.id(), Set.of(SyncArea.CONTACTS), SyncTrigger.SCHEDULED);
        } finally {
            writes.counting = false;
        }
    }

    /** A run that may crash; true when it ended normally. */
    boolean runMayCrash() {
        try {
            run();
            return true;
        } catch (Crash e) {
            return false;
        }
    }

    List<JournalEntry> entries(SyncRun run) {
        return journal.entries(run.id());
    }

    BusinessPartner partner(String name, String domain) {
        return crm.businessPartners().create(DEMO, name, List.of(domain));
    }

    ContactPerson person(BusinessPartner partner, String first, String last, String email, String mobile) {
        List<Communication> comms = new java.util.ArrayList<>();
        if (email != null) {
            comms.add(Communication.email(email, true));
        }
        if (mobile != null) {
            comms.add(new Communication(CommunicationType.MOBILE, mobile, true));
        }
        return crm.contactPersons().create(DEMO, new ContactPersonData(Optional.of(partner.id()), "Frau", "Dr.",
                first, last, "Einkauf", "Leitung", comms), Optional.empty());
    }

    /**
     * Runs the work on the groupware's contacts, as a person or another program would change them. On Graph that
     * person keeps one session open, as Outlook does (a session signs in afresh, which costs a fifth of a second).
     */
    <R> R groupware(java.util.function.Function<ItemStore<ContactData>, R> work) {
        if (isGraph()) {
            synchronized (this) {
                if (person == null) {
                    person = accounts.openSession(account.id());
                }
            }
            return work.apply(person.contacts().orElseThrow());
        }
        try (ConnectorSession session = accounts.openSession(account.id())) {
            return work.apply(session.contacts().orElseThrow());
        }
    }

    List<GroupwareItem<ContactData>> groupwareContacts() {
        return groupware(store -> store.changes(Optional.empty()).changed());
    }

    /** Makes the CRM forget why its contact persons are gone, as a CRM that keeps no record of merges. */
    void forgetRemovals() {
        try (java.sql.Connection c = crmDb.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM crm_contact_removal");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<Link> link(ContactPerson person) {
        return links.byCrmId(account.id(), ReplicationKeys.SCOPE, person.id().value());
    }

    private LinkStore faultyLinks() {
        return (LinkStore) Proxy.newProxyInstance(LinkStore.class.getClassLoader(), new Class<?>[] {LinkStore.class},
                (p, m, args) -> {
                    if (m.getName().equals("save") || m.getName().equals("delete")) {
                        writes.write("links", "LinkStore." + m.getName());
                    }
                    if (m.getName().equals("save") && failingLinkSaves.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        throw new IllegalStateException("injected fault: the process died before the link was saved");
                    }
                    try {
                        return m.invoke(links, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private HostCrm countedCrm() {
        ContactPersonDirectory counted = writes.counted(ContactPersonDirectory.class, crm.contactPersons(), "crm",
                Set.of("create", "update", "delete", "setPhoto", "addCommunication"));
        // a CRM with visibility rules: a hidden contact person is not given to the employee, and said to be hidden
        ContactPersonDirectory persons = proxy(ContactPersonDirectory.class, counted, (m, args) -> {
            boolean hiddenOne = args != null && args.length >= 2 && args[1] instanceof ContactPersonId id
                    && hidden.contains(id.value());
            if (hiddenOne && m.getName().equals("get")) {
                return Optional.empty();
            }
            if (hiddenOne && m.getName().equals("absence")) {
                return Optional.of(ContactPersonAbsence.notVisible());
            }
            return NO_REPLACEMENT;
        });
        return proxy(HostCrm.class, crm, (m, args) -> m.getName().equals("contactPersons") ? persons : NO_REPLACEMENT);
    }

    /** Hides a contact person from the employee, as a CRM with visibility rules does (replication's view only). */
    void hide(ContactPerson person) {
        hidden.add(person.id().value());
    }

    /** The real connector, whose contact writes pass the counter. */
    private final class CountingConnector implements ConnectorFactory {
        private final ConnectorFactory local;

        CountingConnector(ConnectorFactory connector) {
            this.local = connector;
        }

        @Override
        public String type() {
            return local.type();
        }

        @Override
        @SuppressWarnings("unchecked")
        public ConnectorSession open(AccountContext context) {
            ConnectorSession session = local.open(context);
            Optional<ItemStore<ContactData>> contacts = session.contacts()
                    .map(s -> writes.counted(ItemStore.class, s, "groupware", Set.of("create", "update", "delete")));
            return proxy(ConnectorSession.class, session, (m, args) -> m.getName().equals("contacts") ? contacts
                    : NO_REPLACEMENT);
        }
    }

    /** The writes of replication runs only: the wizards and the person editing contacts are not counted. */
    private static SyncWrites runWritesOnly() {
        SyncWrites writes = new SyncWrites();
        writes.counting = false;
        return writes;
    }

    /** An instance of a configuration annotation with its defaults, except for the given values. */
    @SuppressWarnings("unchecked")
    static <A extends Annotation> A config(Class<A> type, Map<String, Object> values) {
        return (A) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            if (m.getName().equals("annotationType")) {
                return type;
            }
            if (values.containsKey(m.getName())) {
                return values.get(m.getName());
            }
            if (m.getDefaultValue() != null) {
                return m.getDefaultValue();
            }
            throw new UnsupportedOperationException(m.getName());
        });
    }

    private static DataSource h2(String name) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return ds;
    }
}
