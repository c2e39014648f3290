package io.liaison.shell.internal;

import io.liaison.api.crm.EmployeeDirectory;
import io.liaison.api.domain.Employee;
import io.liaison.api.domain.EmployeeId;

/** Finds the employee a command names, by CRM id or by login. */
public final class Employees {
    private Employees() {
    }

    /** The employee with this id or, failing that, this login. */
    public static Employee resolve(EmployeeDirectory directory, String idOrLogin) {
        if (idOrLogin == null || idOrLogin.isBlank()) {
            throw new UserInputException("no employee named");
        }
        String name = idOrLogin.strip();
        return directory.get(EmployeeId.of(name))
                .or(() -> directory.findByLogin(name))
                .orElseThrow(() -> new UserInputException("unknown employee '" + name + "'"));
    }

    /** The named employee, or the CRM's first employee when none is named. */
    public static Employee resolveOrFirst(EmployeeDirectory directory, String idOrLogin) {
        if (idOrLogin != null) {
            return resolve(directory, idOrLogin);
        }
        return directory.list().stream().findFirst()
                .orElseThrow(() -> new UserInputException("the CRM has no employees; name one with --employee"));
    }
}
