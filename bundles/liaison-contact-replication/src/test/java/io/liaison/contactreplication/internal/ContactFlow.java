package io.liaison.contactreplication.internal;

import io.liaison.address.internal.AddressResolverComponent;
import io.liaison.address.internal.AddressResolverConfig;
import io.liaison.api.connector.ConnectorSession;
import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.item.ContactData;
import io.liaison.api.domain.BusinessPartner;
import io.liaison.api.domain.Communication;
import io.liaison.api.domain.CommunicationType;
import io.liaison.api.domain.ConflictPolicy;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.ContactPersonData;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.AccountRequest;
import io.liaison.api.runtime.JournalEntry;
import io.liaison.api.runtime.Link;
import io.liaison.api.runtime.LinkStore;
import io.liaison.api.runtime.SyncRun;
import io.liaison.api.runtime.SyncTrigger;
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
 * Contact replication as it runs in Karaf, wired by hand: the embedded CRM and the runtime on in-memory H2, the
 * local connector on a temporary folder tree, the real duplicate check and address resolution. The link store
 * can be made to fail, to stand for a crash between the groupware create and the link save.
 */
final class ContactFlow {
    static final EmployeeId DEMO = EmployeeId.of("demo");

    final Path root;
    final DataSource crmDb;
    final JdbcHostCrm crm;
    final DefaultAccountService accounts;
    final JdbcLinkStore links;
    final JdbcSyncJournal journal;
    final DefaultSyncService sync;
    final ContactReplication replication;
    final GroupwareAccount account;
    /** How many of the next link saves fail. */
    final AtomicInteger failingLinkSaves = new AtomicInteger();

    ContactFlow(Path dir, ConflictPolicy policy) {
        this.root = dir.resolve("groupware");
        this.crmDb = h2("crm");
        this.crm = new JdbcHostCrm(crmDb);
        DataSource runtimeDb = h2("runtime");
        RuntimeDatabase.migrate(runtimeDb);
        this.accounts = DefaultAccountService.of(new JdbcAccountRepository(runtimeDb),
                new CredentialVault(dir.resolve("vault.key")));
        accounts.addConnectorFactory(new LocalConnectorFactory());
        this.links = new JdbcLinkStore(runtimeDb);
        this.journal = new JdbcSyncJournal(runtimeDb);
        this.sync = new DefaultSyncService(accounts, journal);
        this.replication = new ContactReplication(accounts, crm, faultyLinks(), new JdbcTokenStore(runtimeDb),
                config(ReplicationConfig.class, Map.of()));
        replication.duplicateCheck = DuplicateCheckComponent.withIndex(crm, new InMemoryMatchKeyIndex(),
                config(DuplicateCheckConfig.class, Map.of("maxStalenessSeconds", 0)));
        replication.addressResolver = new AddressResolverComponent(crm, config(AddressResolverConfig.class, Map.of()));
        sync.addAreaSynchronizer(replication);
        this.account = accounts.create(new AccountRequest(DEMO, "local", Map.of("root", root.toString()), false,
                null, Set.of(SyncArea.CONTACTS), policy));
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
        return sync.sync(account.id(), Set.of(SyncArea.CONTACTS), SyncTrigger.SCHEDULED);
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

    /** Runs the work on the groupware's contacts, as a person or another program would change them. */
    <R> R groupware(java.util.function.Function<ItemStore<ContactData>, R> work) {
        try (ConnectorSession session = accounts.openSession(account.id())) {
            return work.apply(session.contacts().orElseThrow());
        }
    }

    List<GroupwareItem<ContactData>> groupwareContacts() {
        return groupware(store -> store.changes(Optional.empty()).changed());
    }

    Optional<Link> link(ContactPerson person) {
        return links.byCrmId(account.id(), ReplicationKeys.SCOPE, person.id().value());
    }

    private LinkStore faultyLinks() {
        return (LinkStore) Proxy.newProxyInstance(LinkStore.class.getClassLoader(), new Class<?>[] {LinkStore.class},
                (p, m, args) -> {
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
