package io.liaison.contactreplication.internal;

import io.liaison.api.address.AddressResolver;
import io.liaison.api.connector.ConnectorSession;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.item.ContactData;
import io.liaison.api.contactreplication.ContactIssue;
import io.liaison.api.contactreplication.ContactReplicationService;
import io.liaison.api.contactreplication.ExportOptions;
import io.liaison.api.contactreplication.ExportReport;
import io.liaison.api.contactreplication.ImportPreview;
import io.liaison.api.contactreplication.ImportReport;
import io.liaison.api.crm.ContactSearch;
import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.BusinessPartnerId;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.duplicates.DuplicateCheck;
import io.liaison.api.runtime.AccountNotFoundException;
import io.liaison.api.runtime.AccountService;
import io.liaison.api.runtime.AreaSynchronizer;
import io.liaison.api.runtime.LinkStore;
import io.liaison.api.runtime.SyncContext;
import io.liaison.api.runtime.TokenStore;
import io.liaison.sync.engine.Synchronization;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The contact replication module: the spec's export and import wizards and the per-contact switch (each opens
 * the account's connector session for the call), and the {@code CONTACTS} area of every sync run, which
 * replicates linked contacts both ways. Without a duplicate check the import still works and says that the
 * status is unknown; without the address resolution the partner is suggested by domain and company name.
 */
@Component(service = {ContactReplicationService.class, AreaSynchronizer.class},
        configurationPid = "io.liaison.contactreplication")
@Designate(ocd = ReplicationConfig.class)
public final class ContactReplication implements ContactReplicationService, AreaSynchronizer {

    private final AccountService accounts;
    private final HostCrm crm;
    private final LinkStore links;
    private final TokenStore tokens;
    private final SwitchMemory switchMemory;
    /** Replaced when the configuration changes: a run reads it once at its start. */
    private volatile ReplicationConfig config;
    private final Clock clock;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile DuplicateCheck duplicateCheck;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile AddressResolver addressResolver;

    @Activate
    public ContactReplication(@Reference AccountService accounts, @Reference HostCrm crm, @Reference LinkStore links,
                              @Reference TokenStore tokens, ReplicationConfig config) {
        this(accounts, crm, links, tokens, config, Clock.systemUTC());
    }

    ContactReplication(AccountService accounts, HostCrm crm, LinkStore links, TokenStore tokens,
                       ReplicationConfig config, Clock clock) {
        this.accounts = accounts;
        this.crm = crm;
        this.links = links;
        this.tokens = tokens;
        this.switchMemory = new SwitchMemory(tokens);
        this.config = config;
        this.clock = clock;
    }

    /** A changed configuration applies to the runs started from now on; the runs under way go on. */
    @Modified
    void modified(ReplicationConfig changed) {
        this.config = changed;
    }

    // ---- export wizard and switch

    @Override
    public List<ContactPerson> exportSearch(AccountId account, ContactSearch criteria) {
        GroupwareAccount acc = account(account);
        List<ContactPerson> found = crm.contactPersons().search(acc.employee(), criteria);
        List<ContactPerson> exported = new ArrayList<>();
        List<ContactPerson> others = new ArrayList<>();
        for (ContactPerson person : found) {
            boolean linked = links.byCrmId(account, ReplicationKeys.SCOPE, person.id().value()).isPresent();
            (linked ? exported : others).add(person);
        }
        exported.addAll(others);
        return exported;
    }

    @Override
    public ExportReport export(AccountId account, List<ContactPersonId> contacts, ExportOptions options) {
        Objects.requireNonNull(contacts, "contacts");
        if (options.folder().isPresent()) {
            throw new IllegalArgumentException("cannot export to the contact folder '" + options.folder().get()
                    + "': the connector SPI offers only the account's default contacts folder; export without a "
                    + "folder name");
        }
        ExportReport report = withContacts(account, (acc, writer) ->
                new ExportWizard(crm, links, account, acc.employee(), writer).export(contacts, options.withPhotos()));
        // an exported contact's link carries its photo choice now: what the switch kept is done with
        report.exported().forEach(id -> switchMemory.forget(account, id));
        return report;
    }

    @Override
    public boolean isReplicated(AccountId account, ContactPersonId contact) {
        return links.byCrmId(account, ReplicationKeys.SCOPE, contact.value()).isPresent();
    }

    /**
     * On: exports the contact person with the photo choice of the export the switch turned off (photos when there
     * was none). Off: {@link #switchOff}.
     */
    @Override
    public void setReplicated(AccountId account, ContactPersonId contact, boolean replicated) {
        if (replicated) {
            boolean photos = switchMemory.photoChoice(account, contact).orElse(true);
            ExportReport report = export(account, List.of(contact), ExportOptions.defaultFolder(photos));
            if (!report.failed().isEmpty()) {
                ContactIssue issue = report.failed().get(0);
                throw new IllegalStateException("contact person " + contact + " cannot be replicated with groupware "
                        + "account " + account + ": " + issue.reason());
            }
        } else {
            switchOff(account, contact);
        }
    }

    /**
     * Deletes the groupware contact and the link, keeping the pair's photo choice for the switch turned on again, and
     * names the groupware-only fields the deleted contact held.
     */
    @Override
    public List<String> switchOff(AccountId account, ContactPersonId contact) {
        links.byCrmId(account, ReplicationKeys.SCOPE, contact.value()).ifPresent(link ->
                switchMemory.rememberPhotoChoice(account, contact, ReplicationKeys.withPhotos(link)));
        return withContacts(account, (acc, writer) ->
                new ExportWizard(crm, links, account, acc.employee(), writer).withdraw(contact));
    }

    // ---- import wizard

    @Override
    public ImportPreview previewImport(AccountId account) {
        return withContacts(account, (acc, writer) -> importWizard(acc, writer).preview());
    }

    @Override
    public ImportReport importChosen(AccountId account, Map<String, BusinessPartnerId> chosen) {
        Objects.requireNonNull(chosen, "chosen");
        return withContacts(account, (acc, writer) -> importWizard(acc, writer).importChosen(chosen));
    }

    private ImportWizard importWizard(GroupwareAccount acc, PairWriter writer) {
        return new ImportWizard(crm, links, acc.id(), acc.employee(), writer,
                java.util.Optional.ofNullable(duplicateCheck), java.util.Optional.ofNullable(addressResolver));
    }

    // ---- continuous replication

    @Override
    public Set<SyncArea> areas() {
        return Set.of(SyncArea.CONTACTS);
    }

    /**
     * Forgets the account's contact links and the tokens of both change feeds (with what the engine keeps beside
     * them); contact replication keeps no marks. Switched on again, the area reads both sides whole and pairs
     * contacts by the CRM id each groupware contact carries.
     */
    @Override
    public void forget(AccountId account, SyncArea area) {
        if (area != SyncArea.CONTACTS) {
            return;
        }
        links.list(account, ReplicationKeys.SCOPE).forEach(link -> links.delete(account, ReplicationKeys.SCOPE,
                link.crmId()));
        List<String> scopes = new ArrayList<>(Synchronization.tokenScopes(ReplicationKeys.CRM_TOKEN));
        scopes.addAll(Synchronization.tokenScopes(ReplicationKeys.GROUPWARE_TOKEN));
        scopes.forEach(scope -> tokens.clear(account, scope));
    }

    @Override
    public void synchronize(SyncArea area, SyncContext context) {
        new ContactSync(crm, links, tokens, config, clock).run(context);
    }

    // ---- sessions

    /** What a wizard step does with the account and its contacts. */
    @FunctionalInterface
    private interface ContactsWork<R> {
        R apply(GroupwareAccount account, PairWriter writer);
    }

    private <R> R withContacts(AccountId id, ContactsWork<R> work) {
        GroupwareAccount account = account(id);
        try (ConnectorSession session = accounts.openSession(id)) {
            ItemStore<ContactData> store = session.contacts().orElseThrow(() -> new IllegalStateException(
                    "the " + account.connectorType() + " connector of groupware account " + id + " has no contacts"));
            return work.apply(account, new PairWriter(crm, links, id, account.employee(), store,
                    session.contactLimits(), clock));
        }
    }

    private GroupwareAccount account(AccountId id) {
        Objects.requireNonNull(id, "account");
        return accounts.get(id).orElseThrow(() -> new AccountNotFoundException("no groupware account " + id));
    }
}
