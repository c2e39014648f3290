package io.liaison.rest.internal;

import io.liaison.api.connector.ConnectorSession;
import io.liaison.api.connector.Credentials;
import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.AccountState;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.AccountNotFoundException;
import io.liaison.api.runtime.AccountRequest;
import io.liaison.api.runtime.AccountService;
import io.liaison.api.runtime.GroupwarePreferences;
import io.liaison.api.runtime.GroupwarePreferencesService;
import io.liaison.api.runtime.JournalEntry;
import io.liaison.api.runtime.SyncJournal;
import io.liaison.api.runtime.SyncRun;
import io.liaison.api.runtime.SyncService;
import io.liaison.api.runtime.SyncTrigger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/** The runtime's account, sync and journal services in memory (as the shell's tests have them), recording what the API asked of them. */
public class FakeRuntime implements AccountService, SyncService, SyncJournal, GroupwarePreferencesService {
    public final Map<AccountId, GroupwareAccount> accounts = new LinkedHashMap<>();
    public final Map<AccountId, Credentials> credentials = new LinkedHashMap<>();
    public final List<SyncRun> runs = new ArrayList<>();
    public final Map<String, List<JournalEntry>> entries = new LinkedHashMap<>();
    /** What {@link #sync} returns for an account and the areas asked for. */
    public BiFunction<AccountId, Set<SyncArea>, SyncRun> onSync;
    public Set<SyncArea> lastSyncAreas;
    public SyncTrigger lastSyncTrigger;
    private int next = 1;

    @Override
    public GroupwareAccount create(AccountRequest r) {
        GroupwareAccount a = new GroupwareAccount(AccountId.of("acc-" + next++), r.employee(), r.connectorType(),
                r.settings(), r.autoSync(), r.interval(), r.areas(), r.conflictPolicy(), AccountState.ACTIVE,
                Optional.empty());
        accounts.put(a.id(), a);
        return a;
    }

    /** Puts an account in the state given, as a failed sign-in would. */
    public void block(AccountId id, String reason) {
        GroupwareAccount a = accounts.get(id);
        accounts.put(id, new GroupwareAccount(a.id(), a.employee(), a.connectorType(), a.settings(), a.autoSync(),
                a.interval(), a.areas(), a.conflictPolicy(), AccountState.PASSWORD_BLOCKED, Optional.of(reason)));
    }

    @Override
    public GroupwareAccount update(AccountId id, AccountRequest r) {
        GroupwareAccount a = get(id).orElseThrow(() -> new AccountNotFoundException("no account " + id));
        GroupwareAccount changed = new GroupwareAccount(id, r.employee(), r.connectorType(), r.settings(), r.autoSync(),
                r.interval(), r.areas(), r.conflictPolicy(), a.state(), a.stateReason());
        accounts.put(id, changed);
        return changed;
    }

    /** The accounts whose sync state was reset, in order. */
    public final List<AccountId> resets = new ArrayList<>();

    @Override
    public void resetSyncState(AccountId id) {
        get(id).orElseThrow(() -> new AccountNotFoundException("no account " + id));
        resets.add(id);
    }

    @Override
    public List<GroupwareAccount> list() {
        return List.copyOf(accounts.values());
    }

    @Override
    public Optional<GroupwareAccount> get(AccountId id) {
        return Optional.ofNullable(accounts.get(id));
    }

    @Override
    public List<GroupwareAccount> forEmployee(EmployeeId employee) {
        return accounts.values().stream().filter(a -> a.employee().equals(employee)).toList();
    }

    @Override
    public String rekeyVault() {
        rekeyed++;
        return "fingerprint-" + rekeyed;
    }

    /** How often the vault was re-keyed. */
    public int rekeyed;

    @Override
    public GroupwareAccount clearCredentials(AccountId id) {
        GroupwareAccount a = get(id).orElseThrow(() -> new AccountNotFoundException("no account " + id));
        credentials.remove(id);
        return a;
    }

    @Override
    public GroupwareAccount setCredentials(AccountId id, Credentials c) {
        GroupwareAccount a = get(id).orElseThrow(() -> new AccountNotFoundException("no account " + id));
        credentials.put(id, c);
        GroupwareAccount active = new GroupwareAccount(a.id(), a.employee(), a.connectorType(), a.settings(),
                a.autoSync(), a.interval(), a.areas(), a.conflictPolicy(), AccountState.ACTIVE, Optional.empty());
        accounts.put(id, active);
        return active;
    }

    @Override
    public GroupwareAccount setEnabled(AccountId id, boolean enabled) {
        GroupwareAccount a = get(id).orElseThrow(() -> new AccountNotFoundException("no account " + id));
        GroupwareAccount changed = new GroupwareAccount(id, a.employee(), a.connectorType(), a.settings(), a.autoSync(),
                a.interval(), a.areas(), a.conflictPolicy(), enabled ? AccountState.ACTIVE : AccountState.DISABLED,
                enabled ? Optional.empty() : Optional.of("disabled by an administrator"));
        accounts.put(id, changed);
        return changed;
    }

    @Override
    public void remove(AccountId id) {
        accounts.remove(id);
    }

    @Override
    public ConnectorSession openSession(AccountId id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SyncRun sync(AccountId account, Set<SyncArea> areas, SyncTrigger trigger) {
        if (!accounts.containsKey(account)) {
            throw new AccountNotFoundException("no account " + account);
        }
        lastSyncAreas = areas;
        lastSyncTrigger = trigger;
        SyncRun run = onSync.apply(account, areas);
        runs.add(run);
        return run;
    }

    @Override
    public List<SyncRun> runs(Optional<AccountId> account, int limit) {
        return runs.stream().filter(r -> account.isEmpty() || r.account().equals(account.get()))
                .sorted(Comparator.comparing(SyncRun::startedAt).reversed()).limit(limit).toList();
    }

    @Override
    public Optional<SyncRun> run(String runId) {
        return runs.stream().filter(r -> r.id().equals(runId)).findFirst();
    }

    @Override
    public List<JournalEntry> entries(String runId) {
        return entries.getOrDefault(runId, List.of());
    }

    /** The employees' stored preferences. */
    public final Map<EmployeeId, GroupwarePreferences> preferences = new LinkedHashMap<>();

    @Override
    public GroupwarePreferences get(EmployeeId employee) {
        return preferences.getOrDefault(employee, GroupwarePreferences.DEFAULTS);
    }

    @Override
    public GroupwarePreferences set(EmployeeId employee, GroupwarePreferences chosen) {
        preferences.put(employee, chosen);
        return chosen;
    }

    /** As the runtime has it: chosen, and none of the employee's accounts synchronises automatically. */
    @Override
    public boolean syncOnOpenActive(EmployeeId employee) {
        return get(employee).syncOnOpen() && forEmployee(employee).stream().noneMatch(GroupwareAccount::autoSync);
    }
}
