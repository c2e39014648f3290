package io.liaison.runtime.internal;

import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.AccountService;
import io.liaison.api.runtime.GroupwarePreferences;
import io.liaison.api.runtime.GroupwarePreferencesService;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Employees' groupware preferences in the runtime's table {@code liaison_groupware_preferences}. */
@Component(service = GroupwarePreferencesService.class)
public class DefaultGroupwarePreferences implements GroupwarePreferencesService {
    private final DataSource dataSource;
    private final AccountService accounts;

    @Activate
    public DefaultGroupwarePreferences(@Reference RuntimeDatabase database, @Reference AccountService accounts) {
        this(database.dataSource(), accounts);
    }

    /** Uses a DataSource whose schema {@link RuntimeDatabase#migrate} has created. */
    DefaultGroupwarePreferences(DataSource dataSource, AccountService accounts) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
    }

    @Override
    public GroupwarePreferences get(EmployeeId employee) {
        Objects.requireNonNull(employee, "employee");
        return Sql.query(dataSource, "reading the groupware preferences of employee " + employee.value(), c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT wizard_areas, only_current_import, sync_on_open"
                    + " FROM liaison_groupware_preferences WHERE employee_id = ?")) {
                select.setString(1, employee.value());
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return GroupwarePreferences.DEFAULTS;
                    }
                    return new GroupwarePreferences(areas(row.getString(1)), row.getBoolean(2), row.getBoolean(3));
                }
            }
        });
    }

    @Override
    public GroupwarePreferences set(EmployeeId employee, GroupwarePreferences preferences) {
        Objects.requireNonNull(employee, "employee");
        Objects.requireNonNull(preferences, "preferences");
        String areas = EnumSet.copyOf(preferences.wizardAreas()).stream().map(Enum::name)
                .collect(Collectors.joining(","));
        Sql.transaction(dataSource, "storing the groupware preferences of employee " + employee.value(), c -> {
            int updated;
            try (PreparedStatement update = c.prepareStatement("UPDATE liaison_groupware_preferences SET wizard_areas"
                    + " = ?, only_current_import = ?, sync_on_open = ?, updated_at = ? WHERE employee_id = ?")) {
                bind(update, areas, preferences);
                update.setString(5, employee.value());
                updated = update.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO liaison_groupware_preferences"
                        + " (wizard_areas, only_current_import, sync_on_open, updated_at, employee_id)"
                        + " VALUES (?, ?, ?, ?, ?)")) {
                    bind(insert, areas, preferences);
                    insert.setString(5, employee.value());
                    insert.executeUpdate();
                }
            }
            return null;
        });
        return preferences;
    }

    private static void bind(PreparedStatement statement, String areas, GroupwarePreferences preferences)
            throws java.sql.SQLException {
        statement.setString(1, areas);
        statement.setBoolean(2, preferences.onlyCurrentImport());
        statement.setBoolean(3, preferences.syncOnOpen());
        Sql.setInstant(statement, 4, Instant.now());
    }

    @Override
    public boolean syncOnOpenActive(EmployeeId employee) {
        return get(employee).syncOnOpen() && accounts.list().stream()
                .filter(a -> a.employee().equals(employee)).noneMatch(GroupwareAccount::autoSync);
    }

    /** The stored names; one a later version removed is left out, and none left means the defaults' areas. */
    private static Set<SyncArea> areas(String stored) {
        Set<SyncArea> areas = EnumSet.noneOf(SyncArea.class);
        Arrays.stream(stored.split(",")).map(String::strip).forEach(name -> parse(name).ifPresent(areas::add));
        return areas.isEmpty() ? GroupwarePreferences.DEFAULTS.wizardAreas() : areas;
    }

    private static Optional<SyncArea> parse(String name) {
        try {
            return Optional.of(SyncArea.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
