package io.liaison.crm.embedded.internal;

import io.liaison.api.crm.EmployeeDirectory;
import io.liaison.api.domain.Employee;
import io.liaison.api.domain.EmployeeId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Employees from {@code crm_employee}; logins compare ignoring case. */
final class JdbcEmployeeDirectory implements EmployeeDirectory {
    private static final String COLUMNS = "SELECT id, login, display_name, email FROM crm_employee";
    private final Jdbc jdbc;

    JdbcEmployeeDirectory(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Employee> list() {
        return jdbc.read("list employees", tx -> query(tx, COLUMNS + " ORDER BY login_lower", null));
    }

    @Override
    public Optional<Employee> get(EmployeeId id) {
        return jdbc.read("read employee " + id, tx -> query(tx, COLUMNS + " WHERE id = ?", id.value()))
                .stream().findFirst();
    }

    @Override
    public Optional<Employee> findByLogin(String login) {
        return jdbc.read("find employee by login", tx -> query(tx, COLUMNS + " WHERE login_lower = ?",
                login.toLowerCase(Locale.ROOT))).stream().findFirst();
    }

    /** Adds an employee, or replaces the login, name and address of the one with this id. */
    Employee save(Employee employee) {
        return jdbc.write("store employee " + employee.id(), tx -> {
            try (PreparedStatement update = tx.prepare(
                    "UPDATE crm_employee SET login = ?, login_lower = ?, display_name = ?, email = ? WHERE id = ?")) {
                bind(update, employee);
                if (update.executeUpdate() == 0) {
                    try (PreparedStatement insert = tx.prepare(
                            "INSERT INTO crm_employee (login, login_lower, display_name, email, id) VALUES (?, ?, ?, ?, ?)")) {
                        bind(insert, employee);
                        insert.executeUpdate();
                    }
                }
            }
            return employee;
        });
    }

    private static void bind(PreparedStatement ps, Employee e) throws SQLException {
        ps.setString(1, e.login());
        ps.setString(2, e.login().toLowerCase(Locale.ROOT));
        ps.setString(3, e.displayName());
        ps.setString(4, e.email());
        ps.setString(5, e.id().value());
    }

    private static List<Employee> query(Jdbc.Tx tx, String sql, String parameter) throws SQLException {
        List<Employee> result = new ArrayList<>();
        try (PreparedStatement ps = tx.prepare(sql)) {
            if (parameter != null) {
                ps.setString(1, parameter);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new Employee(new EmployeeId(rs.getString(1)), rs.getString(2), rs.getString(3),
                            rs.getString(4)));
                }
            }
        }
        return result;
    }
}
