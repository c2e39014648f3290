package io.liaison.rest.internal;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import io.liaison.api.connector.Credentials;
import io.liaison.api.connector.Secret;
import io.liaison.api.crm.EmployeeDirectory;
import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.Employee;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.runtime.AccountRequest;
import io.liaison.api.runtime.AccountService;

/** {@code /api/accounts}: the groupware accounts of the caller's employee (every account for an administrator). */
@Path("accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountsResource {
    static final String RUNTIME = "liaison-runtime";
    private final Modules modules;

    public AccountsResource(Modules modules) {
        this.modules = modules;
    }

    @GET
    public List<Views.Account> list(@Context HttpServletRequest request) {
        Access access = Access.of(request, modules);
        AccountService accounts = accounts();
        List<GroupwareAccount> list = access.admin() ? accounts.list()
                : accounts.forEmployee(access.employee().orElseThrow());
        return list.stream().map(Views::account).toList();
    }

    @GET
    @Path("{id}")
    public Views.Account get(@Context HttpServletRequest request, @PathParam("id") String id) {
        return Views.account(visible(Access.of(request, modules), id));
    }

    @POST
    public Response create(@Context HttpServletRequest request, Inputs.NewAccount input) {
        Access access = Access.of(request, modules);
        if (input == null) {
            throw ProblemException.badRequest(null, "a JSON body with the account is required");
        }
        if (input.connectorType() == null || input.connectorType().isBlank()) {
            throw ProblemException.badRequest("connectorType", "the connector type is required, e.g. local or graph");
        }
        EmployeeId owner = owner(access, input.employee());
        AccountService accounts = accounts();
        GroupwareAccount created = accounts.create(new AccountRequest(owner, input.connectorType().strip(),
                input.settings() == null ? Map.of() : input.settings(), Boolean.TRUE.equals(input.autoSync()),
                interval(input.intervalMinutes()), input.areas(), input.conflictPolicy()));
        if (input.credentials() != null) {
            created = accounts.setCredentials(created.id(), credentials(input.credentials()));
        }
        return Response.created(URI.create("accounts/" + created.id().value())).entity(Views.account(created)).build();
    }

    @PATCH
    @Path("{id}")
    public Views.Account change(@Context HttpServletRequest request, @PathParam("id") String id,
                                Inputs.AccountChange change) {
        GroupwareAccount account = visible(Access.of(request, modules), id);
        if (change == null) {
            throw ProblemException.badRequest(null, "a JSON body with the changes is required");
        }
        AccountService accounts = accounts();
        boolean settingsChange = change.settings() != null || change.autoSync() != null
                || change.intervalMinutes() != null || change.areas() != null || change.conflictPolicy() != null;
        if (settingsChange) {
            Map<String, String> settings = account.settings();
            if (change.settings() != null) {
                settings = new HashMap<>(settings);
                settings.putAll(change.settings());
            }
            account = accounts.update(account.id(), new AccountRequest(account.employee(), account.connectorType(),
                    settings, change.autoSync() != null ? change.autoSync() : account.autoSync(),
                    change.intervalMinutes() != null ? interval(change.intervalMinutes()) : account.interval(),
                    change.areas() != null ? change.areas() : account.areas(),
                    change.conflictPolicy() != null ? change.conflictPolicy() : account.conflictPolicy()));
        }
        if (change.enabled() != null) {
            account = accounts.setEnabled(account.id(), change.enabled());
        }
        return Views.account(account);
    }

    /** New credentials: stored encrypted, never answered back; they lift PASSWORD_BLOCKED. */
    @PUT
    @Path("{id}/credentials")
    public Views.Account credentials(@Context HttpServletRequest request, @PathParam("id") String id,
                                     Inputs.NewCredentials input) {
        GroupwareAccount account = visible(Access.of(request, modules), id);
        if (input == null) {
            throw ProblemException.badRequest(null, "a JSON body with the credentials is required");
        }
        return Views.account(accounts().setCredentials(account.id(), credentials(input)));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@Context HttpServletRequest request, @PathParam("id") String id) {
        GroupwareAccount account = visible(Access.of(request, modules), id);
        accounts().remove(account.id());
        return Response.noContent().build();
    }

    /** The account, if the caller may see it; else 404 as if there were none. */
    GroupwareAccount visible(Access access, String id) {
        if (id == null || id.isBlank()) {
            throw ProblemException.notFound("account", "");
        }
        return accounts().get(AccountId.of(id)).filter(access::sees)
                .orElseThrow(() -> ProblemException.notFound("account", id));
    }

    private AccountService accounts() {
        return Modules.require(modules.accounts(), RUNTIME);
    }

    /** A user's account is their own; an administrator names the employee by CRM id or login. */
    private EmployeeId owner(Access access, String employee) {
        if (!access.admin()) {
            EmployeeId own = access.employee().orElseThrow();
            if (employee != null && !employee.equals(own.value())
                    && !modules.crm().employees().get(own).map(Employee::login).orElse("").equals(employee)) {
                throw new ProblemException(403, "forbidden", "Forbidden",
                        "a user creates accounts for their own employee only", "employee");
            }
            return own;
        }
        if (employee == null || employee.isBlank()) {
            throw ProblemException.badRequest("employee", "the employee (CRM id or login) is required");
        }
        if (modules.crm() == null) {
            return EmployeeId.of(employee.strip());
        }
        EmployeeDirectory directory = modules.crm().employees();
        return directory.get(EmployeeId.of(employee.strip())).or(() -> directory.findByLogin(employee.strip()))
                .map(Employee::id)
                .orElseThrow(() -> ProblemException.badRequest("employee", "no CRM employee " + employee));
    }

    private static Duration interval(Long minutes) {
        if (minutes == null) {
            return null;
        }
        if (minutes < 1) {
            throw ProblemException.badRequest("intervalMinutes", "the interval must be at least one minute");
        }
        return Duration.ofMinutes(minutes);
    }

    private static Credentials credentials(Inputs.NewCredentials input) {
        Map<String, Secret> more = new HashMap<>();
        if (input.more() != null) {
            input.more().forEach((k, v) -> more.put(k, v == null ? Secret.empty() : Secret.of(v)));
        }
        return new Credentials(input.username(), input.password() == null ? Secret.empty()
                : Secret.of(input.password()), more);
    }
}
