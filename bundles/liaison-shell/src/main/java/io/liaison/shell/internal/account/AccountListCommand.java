package io.liaison.shell.internal.account;

import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.runtime.AccountService;
import io.liaison.shell.internal.Employees;
import io.liaison.shell.internal.JsonViews;
import io.liaison.shell.internal.LiaisonAction;
import java.util.Comparator;
import java.util.List;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code liaison:account-list}: the groupware accounts with their state; never their credentials. */
@Command(scope = "liaison", name = "account-list", description = "Lists groupware accounts with their state "
        + "(ACTIVE, PASSWORD_BLOCKED with its reason, DISABLED, FAILING with the last failed run's reason); "
        + "credentials are never shown")
@Service
public class AccountListCommand extends LiaisonAction {

    @Reference(optional = true)
    AccountService accounts;

    @Reference(optional = true)
    HostCrm crm;

    @Option(name = "--employee", aliases = "-e", description = "Only this employee's accounts (CRM id or login)")
    String employee;

    @Override
    protected void run() {
        AccountService accounts = require(this.accounts, AccountService.class, RUNTIME);
        List<GroupwareAccount> list;
        if (employee == null) {
            list = accounts.list();
        } else {
            EmployeeId id = crm != null ? Employees.resolve(crm.employees(), employee).id() : EmployeeId.of(employee);
            list = accounts.forEmployee(id);
        }
        list = list.stream().sorted(Comparator.comparing((GroupwareAccount a) -> a.employee().value())
                .thenComparing(a -> a.id().value())).toList();
        if (json) {
            printJson(list.stream().map(JsonViews::account).toList());
        } else if (list.isEmpty()) {
            out().println("No groupware accounts" + (employee == null ? "" : " for employee " + employee) + ".");
        } else {
            AccountText.table(list, out());
        }
    }
}
