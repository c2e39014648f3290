package io.liaison.runtime.internal;

import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.duplicates.DuplicateCheck;
import io.liaison.api.runtime.AccountNotFoundException;
import io.liaison.api.runtime.AccountService;
import io.liaison.api.runtime.Erasure;
import io.liaison.api.runtime.Erasure.Kind;
import io.liaison.api.runtime.ErasureService;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Erasure of a person's rows in the runtime's tables, followed by a compaction of its database. */
@Component(service = ErasureService.class)
public class DefaultErasureService implements ErasureService {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultErasureService.class);
    private static final List<String> CONTACT_TABLES = List.of("liaison_journal_entries", "liaison_links",
            "liaison_tokens", "liaison_failing_items");
    private static final List<String> DUPLICATE_INDEX_TABLES = List.of("dup_contact", "dup_match_key",
            "dup_name_key");
    private static final List<String> EMPLOYEE_TABLES = List.of("liaison_sync_runs", "liaison_journal_entries",
            "liaison_accounts", "liaison_account_settings", "liaison_account_secret_settings",
            "liaison_account_credentials", "liaison_account_areas", "liaison_links", "liaison_tokens",
            "liaison_failing_items", "liaison_connector_state", "liaison_groupware_preferences");

    private final PersonalDataRecords records;
    private final StorageCompaction compaction;
    private final AccountService accounts;
    private final AtomicReference<DuplicateCheck> duplicates = new AtomicReference<>();

    @Activate
    public DefaultErasureService(@Reference RuntimeDatabase database, @Reference AccountService accounts) {
        this(database.dataSource(), accounts);
    }

    /** Uses a DataSource whose schema {@link RuntimeDatabase#migrate} has created. */
    DefaultErasureService(DataSource dataSource, AccountService accounts) {
        this.records = new PersonalDataRecords(Objects.requireNonNull(dataSource, "dataSource"));
        this.compaction = new StorageCompaction(dataSource);
        this.accounts = Objects.requireNonNull(accounts, "accounts");
    }

    /** The duplicate check, when installed: its index holds contact persons' normalised data in the same database. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetDuplicateCheck")
    public void setDuplicateCheck(DuplicateCheck check) {
        duplicates.set(check);
    }

    public void unsetDuplicateCheck(DuplicateCheck check) {
        duplicates.compareAndSet(check, null);
    }

    @Override
    public Erasure eraseContactPerson(ContactPersonId contact, Set<String> emailAddresses) {
        Objects.requireNonNull(contact, "contact");
        Map<Kind, Integer> removed = new EnumMap<>(records.eraseContactPerson(contact, Set.copyOf(emailAddresses)));
        List<String> tables = CONTACT_TABLES;
        DuplicateCheck check = duplicates.get();
        if (check != null) {
            // before the compaction: the index's tables are in the runtime's database (dataSourceName=liaison)
            removed.put(Kind.DUPLICATE_INDEX_ROWS, check.erase(contact));
            tables = Stream.concat(CONTACT_TABLES.stream(), DUPLICATE_INDEX_TABLES.stream()).toList();
        }
        Erasure erasure = new Erasure(removed, compaction.compact(tables));
        // the id only: the addresses are what was erased
        LOG.info("Contact person {} erased: {}; {}", contact.value(), erasure.removed(), erasure.compaction());
        return erasure;
    }

    @Override
    public Erasure eraseEmployee(EmployeeId employee) {
        Objects.requireNonNull(employee, "employee");
        Map<Kind, Integer> removed = new EnumMap<>(Kind.class);
        // through the account service, so that the scheduler and the runs under way learn that the accounts went
        for (GroupwareAccount account : accounts.forEmployee(employee)) {
            Map<Kind, Integer> rows = records.accountRows(account.id());
            try {
                accounts.remove(account.id());
                rows.forEach((kind, count) -> removed.merge(kind, count, Integer::sum));
            } catch (AccountNotFoundException e) {
                LOG.debug("Account {} went while it was being erased", account.id());
            }
        }
        // after the accounts, so that no run of theirs starts a journal row the erasure would leave behind
        records.eraseEmployeeJournal(employee).forEach((kind, count) -> removed.merge(kind, count, Integer::sum));
        Erasure erasure = new Erasure(removed, compaction.compact(EMPLOYEE_TABLES));
        LOG.info("Employee {} erased: {}; {}", employee.value(), erasure.removed(), erasure.compaction());
        return erasure;
    }
}
