package io.liaison.shell.internal.account;

import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.runtime.AccountRequest;
import io.liaison.api.runtime.AccountService;
import io.liaison.shell.internal.Arguments;
import io.liaison.shell.internal.Employees;
import io.liaison.shell.internal.JsonViews;
import io.liaison.shell.internal.LiaisonAction;
import io.liaison.shell.internal.UserInputException;
import java.util.List;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code liaison:account-add}: creates a groupware account for an employee. Credentials come separately. */
@Command(scope = "liaison", name = "account-add", description = "Creates a groupware account for an employee; "
        + "enter its credentials afterwards with liaison:account-credentials")
@Service
public class AccountAddCommand extends LiaisonAction {

    @Reference(optional = true)
    AccountService accounts;

    /** When a host CRM is there, the employee is checked against it (and may be named by login). */
    @Reference(optional = true)
    HostCrm crm;

    @Argument(index = 0, name = "employee", required = true, description = "The employee's CRM id or login")
    String employee;

    @Argument(index = 1, name = "connectorType", required = true,
            description = "The connector, e.g. local or graph")
    String connectorType;

    @Option(name = "--setting", aliases = "-s", multiValued = true,
            description = "A connector setting key=value (repeat for several); never a secret")
    List<String> settings;

    @Option(name = "--auto-sync", description = "Synchronise automatically on the interval")
    boolean autoSync;

    @Option(name = "--interval", description = "Minutes between automatic runs (default 15)")
    String interval;

    @Option(name = "--areas", description = "Comma-separated areas: mails, appointments, tasks, contacts "
            + "(default mails)")
    String areas;

    @Option(name = "--conflict-policy", description = "CRM_WINS (default), GROUPWARE_WINS, NEWEST_WINS or "
            + "KEEP_BOTH")
    String conflictPolicy;

    @Override
    protected void run() {
        if (connectorType.isBlank()) {
            throw new UserInputException("the connector type must not be blank");
        }
        EmployeeId owner = crm != null ? Employees.resolve(crm.employees(), employee).id() : EmployeeId.of(employee);
        AccountRequest request = new AccountRequest(owner, connectorType.strip(),
                Arguments.settings("--setting", settings), autoSync,
                interval == null ? null : Arguments.minutes("--interval", interval),
                areas == null ? null : Arguments.areas("--areas", areas),
                conflictPolicy == null ? null : Arguments.conflictPolicy("--conflict-policy", conflictPolicy));
        GroupwareAccount created = require(accounts, AccountService.class, RUNTIME).create(request);
        if (json) {
            printJson(JsonViews.account(created));
        } else {
            out().println("Created " + AccountText.describe(created));
            out().println("Enter its credentials with: liaison:account-credentials " + created.id());
        }
    }
}
