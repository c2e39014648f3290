package io.liaison.rest.internal;

import java.util.Optional;

import javax.servlet.http.HttpServletRequest;

import io.liaison.api.domain.Employee;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.GroupwareAccount;

/**
 * The caller and the CRM employee they act as: a {@code liaison-user} is the employee whose CRM login is their user
 * name and sees only that employee's accounts and runs; a {@code liaison-admin} sees every one (and acts as their own
 * employee where they have one). What the caller may not see answers 404, as if it did not exist.
 */
final class Access {
    private final Caller caller;
    private final Optional<Employee> employee;

    private Access(Caller caller, Optional<Employee> employee) {
        this.caller = caller;
        this.employee = employee;
    }

    static Access of(HttpServletRequest request, Modules modules) {
        Caller caller = Caller.of(request);
        Optional<Employee> employee = caller.admin() && modules.crm() == null ? Optional.empty()
                : Modules.require(modules.crm(), "a host CRM (e.g. liaison-crm-embedded)").employees()
                        .findByLogin(caller.login());
        if (employee.isEmpty() && !caller.admin()) {
            throw new ProblemException(403, "no-employee", "No CRM employee",
                    "no employee of the CRM has the login " + caller.login(), null);
        }
        return new Access(caller, employee);
    }

    boolean admin() {
        return caller.admin();
    }

    Optional<EmployeeId> employee() {
        return employee.map(Employee::id);
    }

    boolean sees(GroupwareAccount account) {
        return caller.admin() || employee().filter(account.employee()::equals).isPresent();
    }
}
