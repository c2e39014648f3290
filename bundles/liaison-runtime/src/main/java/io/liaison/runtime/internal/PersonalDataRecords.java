package io.liaison.runtime.internal;

import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.Erasure.Kind;
import io.liaison.api.runtime.ErasureService;
import io.liaison.api.runtime.Outcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The rows of the runtime's tables that name one person, counted and deleted for an erasure. Portable SQL (H2 and
 * PostgreSQL); each method works in one transaction.
 */
final class PersonalDataRecords {
    private final DataSource dataSource;

    PersonalDataRecords(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Deletes the journal entries, links and tokens that name a contact person (see
     * {@link ErasureService#eraseContactPerson}). Links and entries of other areas are matched by the addresses only:
     * the CRM's ids are unique per kind of record, not across kinds, so an activity may have the contact's id.
     */
    Map<Kind, Integer> eraseContactPerson(ContactPersonId contact, Set<String> emailAddresses) {
        List<String> patterns = new ArrayList<>();
        for (String address : new TreeSet<>(emailAddresses)) {
            if (!address.isBlank()) {
                patterns.add("%" + likeLiteral(address.strip().toLowerCase(Locale.ROOT)) + "%");
            }
        }
        return Sql.transaction(dataSource, "erasing contact person " + contact.value(), c -> {
            Map<Kind, Integer> removed = new EnumMap<>(Kind.class);
            StringBuilder naming = new StringBuilder("(area = ? AND crm_id = ?)");
            for (int i = 0; i < patterns.size(); i++) {
                naming.append(" OR LOWER(item) LIKE ? ESCAPE '\\' OR LOWER(message) LIKE ? ESCAPE '\\'");
            }
            // the failing items of these entries first: they are found by the hash of the entries' labels
            removed.put(Kind.FAILING_ITEMS, eraseFailingItems(c, naming.toString(), contact, patterns));
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM liaison_journal_entries WHERE "
                    + naming)) {
                int index = 1;
                delete.setString(index++, SyncArea.CONTACTS.name());
                delete.setString(index++, contact.value());
                for (String pattern : patterns) {
                    delete.setString(index++, pattern);
                    delete.setString(index++, pattern);
                }
                removed.put(Kind.JOURNAL_ENTRIES, delete.executeUpdate());
            }
            removed.put(Kind.LINKS, update(c, "DELETE FROM liaison_links WHERE scope = ? AND crm_id = ?",
                    ErasureService.CONTACT_PERSON_LINK_SCOPE, contact.value()));
            removed.put(Kind.TOKENS, update(c, "DELETE FROM liaison_tokens WHERE scope = ?",
                    ErasureService.CONTACT_SWITCH_TOKEN_PREFIX + contact.value()));
            return removed;
        });
    }

    /**
     * Deletes the failing items of the FAILED journal entries a condition selects (the condition on {@code area},
     * {@code crm_id}, {@code item} and {@code message}, with the contact's id and the address patterns bound as the
     * erasure binds them): each entry's account, area and label hash name one.
     */
    private static int eraseFailingItems(Connection c, String condition, ContactPersonId contact,
                                         List<String> patterns) throws SQLException {
        Set<List<String>> keys = new java.util.HashSet<>();
        try (PreparedStatement select = c.prepareStatement("SELECT r.account_id, e.area, e.item FROM"
                + " liaison_journal_entries e JOIN liaison_sync_runs r ON r.id = e.run_id WHERE e.outcome = ? AND ("
                + condition + ")")) {
            int index = 1;
            select.setString(index++, Outcome.FAILED.name());
            select.setString(index++, SyncArea.CONTACTS.name());
            select.setString(index++, contact.value());
            for (String pattern : patterns) {
                select.setString(index++, pattern);
                select.setString(index++, pattern);
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    keys.add(List.of(row.getString(1), row.getString(2), FailingItems.itemKey(row.getString(3))));
                }
            }
        }
        int removed = 0;
        for (List<String> key : keys) {
            removed += update(c, "DELETE FROM liaison_failing_items WHERE account_id = ? AND area = ? AND item_key = ?",
                    key.get(0), key.get(1), key.get(2));
        }
        return removed;
    }

    /**
     * Counts what goes with an account when it is removed (its rows in the tables that cascade from it): the account,
     * its sealed credentials and secret settings, its links (with the marks among them) and its tokens.
     */
    Map<Kind, Integer> accountRows(AccountId account) {
        return Sql.query(dataSource, "counting the rows of account " + account, c -> {
            Map<Kind, Integer> rows = new EnumMap<>(Kind.class);
            rows.put(Kind.ACCOUNTS, count(c, "liaison_accounts", "id", account.value()));
            rows.put(Kind.CREDENTIALS, count(c, "liaison_account_credentials", "account_id", account.value())
                    + count(c, "liaison_account_secret_settings", "account_id", account.value()));
            rows.put(Kind.LINKS, count(c, "liaison_links", "account_id", account.value()));
            rows.put(Kind.TOKENS, count(c, "liaison_tokens", "account_id", account.value()));
            return rows;
        });
    }

    /**
     * Deletes an employee's sync runs with their entries (the journal outlives accounts, so these remain after the
     * accounts went) and their groupware preferences.
     */
    Map<Kind, Integer> eraseEmployeeJournal(EmployeeId employee) {
        return Sql.transaction(dataSource, "erasing the journal of employee " + employee.value(), c -> {
            Map<Kind, Integer> removed = new EnumMap<>(Kind.class);
            // entries go with their runs (ON DELETE CASCADE); counted first, since the cascade reports nothing
            removed.put(Kind.JOURNAL_ENTRIES, update(c, "DELETE FROM liaison_journal_entries WHERE run_id IN"
                    + " (SELECT id FROM liaison_sync_runs WHERE employee_id = ?)", employee.value()));
            removed.put(Kind.JOURNAL_RUNS, update(c, "DELETE FROM liaison_sync_runs WHERE employee_id = ?",
                    employee.value()));
            removed.put(Kind.GROUPWARE_PREFERENCES, update(c,
                    "DELETE FROM liaison_groupware_preferences WHERE employee_id = ?", employee.value()));
            return removed;
        });
    }

    private static int update(Connection c, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    private static int count(Connection c, String table, String column, String value) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?")) {
            select.setString(1, value);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** An address as a LIKE pattern's literal part: {@code %}, {@code _} and the escape character taken as text. */
    private static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
