package io.liaison.shell.internal;

import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.EmployeeId;

/** The employee a command acts for: named by --employee, or the CRM's first one. */
public final class Actors {
    private Actors() {
    }

    /**
     * The named employee (id or login) or the CRM's first one; without a host CRM service the name is taken as
     * the id as it stands.
     */
    public static EmployeeId resolve(HostCrm crm, String employee) {
        if (crm != null) {
            return Employees.resolveOrFirst(crm.employees(), employee).id();
        }
        if (employee == null || employee.isBlank()) {
            throw new UserInputException("no host CRM service is available to name a default employee: give --employee");
        }
        return EmployeeId.of(employee.strip());
    }
}
