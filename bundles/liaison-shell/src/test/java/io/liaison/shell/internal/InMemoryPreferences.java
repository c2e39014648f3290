package io.liaison.shell.internal;

import io.liaison.api.domain.EmployeeId;
import io.liaison.api.runtime.GroupwarePreferences;
import io.liaison.api.runtime.GroupwarePreferencesService;
import java.util.HashMap;
import java.util.Map;

/** Preferences kept in a map; "automatic synchronisation on" is a set of employees the test names. */
public final class InMemoryPreferences implements GroupwarePreferencesService {
    private final Map<EmployeeId, GroupwarePreferences> chosen = new HashMap<>();
    public final java.util.Set<EmployeeId> autoSync = new java.util.HashSet<>();

    @Override
    public GroupwarePreferences get(EmployeeId employee) {
        return chosen.getOrDefault(employee, GroupwarePreferences.DEFAULTS);
    }

    @Override
    public GroupwarePreferences set(EmployeeId employee, GroupwarePreferences preferences) {
        chosen.put(employee, preferences);
        return preferences;
    }

    @Override
    public boolean syncOnOpenActive(EmployeeId employee) {
        return get(employee).syncOnOpen() && !autoSync.contains(employee);
    }
}
