package io.liaison.rest.internal;

import java.util.Set;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.GroupwarePreferences;
import io.liaison.api.runtime.GroupwarePreferencesService;

/**
 * {@code /api/preferences}: the caller's own groupware preferences (the spec's "User preferences / Groupware"). They
 * belong to an employee, so an administrator without a CRM employee has none; there is no way to read or change
 * another employee's.
 */
@Path("preferences")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PreferencesResource {
    private final Modules modules;

    public PreferencesResource(Modules modules) {
        this.modules = modules;
    }

    @GET
    public Views.Preferences get(@Context HttpServletRequest request) {
        EmployeeId employee = employee(request);
        GroupwarePreferencesService service = service();
        return Views.preferences(service.get(employee), service.syncOnOpenActive(employee));
    }

    /** Changes the fields given; a field left out keeps what the employee chose before. */
    @PUT
    public Views.Preferences set(@Context HttpServletRequest request, Inputs.PreferencesChange change) {
        EmployeeId employee = employee(request);
        if (change == null) {
            throw ProblemException.badRequest(null, "a JSON body with the preferences is required");
        }
        GroupwarePreferencesService service = service();
        GroupwarePreferences before = service.get(employee);
        Set<SyncArea> areas = change.wizardAreas() != null ? change.wizardAreas() : before.wizardAreas();
        if (areas.isEmpty()) {
            throw ProblemException.badRequest("wizardAreas", "the wizard needs at least one area selected");
        }
        service.set(employee, new GroupwarePreferences(areas,
                change.onlyCurrentImport() != null ? change.onlyCurrentImport() : before.onlyCurrentImport(),
                change.syncOnOpen() != null ? change.syncOnOpen() : before.syncOnOpen()));
        return Views.preferences(service.get(employee), service.syncOnOpenActive(employee));
    }

    private EmployeeId employee(HttpServletRequest request) {
        return Access.of(request, modules).employee().orElseThrow(() -> new ProblemException(403, "no-employee",
                "No CRM employee", "preferences belong to a CRM employee; this user has none", null));
    }

    private GroupwarePreferencesService service() {
        return Modules.require(modules.preferences(), AccountsResource.RUNTIME);
    }
}
