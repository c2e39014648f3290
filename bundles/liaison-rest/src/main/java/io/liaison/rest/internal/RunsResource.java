package io.liaison.rest.internal;

import java.net.URI;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.runtime.AccountService;
import io.liaison.api.runtime.JournalEntry;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.SyncJournal;
import io.liaison.api.runtime.SyncRun;
import io.liaison.api.runtime.SyncTrigger;

/** {@code /api/runs}: the sync runs of the caller's accounts, their journal entries, and starting a run. */
@Path("runs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RunsResource {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    private final Modules modules;
    private final AccountsResource accounts;

    public RunsResource(Modules modules) {
        this.modules = modules;
        this.accounts = new AccountsResource(modules);
    }

    /** The newest runs, newest first: of one account, or of every account the caller sees. */
    @GET
    public List<Views.Run> list(@Context HttpServletRequest request, @QueryParam("account") String account,
                                @QueryParam("limit") String limit) {
        Access access = Access.of(request, modules);
        int max = number("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        SyncJournal journal = journal();
        List<SyncRun> runs;
        if (account != null) {
            runs = journal.runs(Optional.of(accounts.visible(access, account).id()), max);
        } else if (access.admin()) {
            runs = journal.runs(Optional.empty(), max);
        } else {
            AccountService service = Modules.require(modules.accounts(), AccountsResource.RUNTIME);
            runs = service.forEmployee(access.employee().orElseThrow()).stream()
                    .flatMap(a -> journal.runs(Optional.of(a.id()), max).stream())
                    .sorted(Comparator.comparing(SyncRun::startedAt).reversed()).limit(max).toList();
        }
        return runs.stream().map(Views::run).toList();
    }

    @GET
    @Path("{id}")
    public Views.Run get(@Context HttpServletRequest request, @PathParam("id") String id) {
        return Views.run(visible(Access.of(request, modules), id));
    }

    /** A run's entries in the order they were recorded, one page, optionally only some outcomes. */
    @GET
    @Path("{id}/entries")
    public Views.Page<Views.Entry> entries(@Context HttpServletRequest request, @PathParam("id") String id,
                                          @QueryParam("outcome") List<String> outcomes,
                                          @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        SyncRun run = visible(Access.of(request, modules), id);
        Set<Outcome> wanted = outcomes(outcomes);
        int from = number("offset", offset, 0, 0, Integer.MAX_VALUE);
        int max = number("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        List<JournalEntry> matching = journal().entries(run.id()).stream()
                .filter(e -> wanted.contains(e.outcome())).toList();
        List<Views.Entry> page = matching.stream().skip(from).limit(max).map(Views::entry).toList();
        return new Views.Page<>(from, max, matching.size(), page);
    }

    /** Runs the account now (the spec's manual synchronisation) and answers when the run has ended. */
    @POST
    public Response start(@Context HttpServletRequest request, Inputs.RunRequest input) {
        Access access = Access.of(request, modules);
        if (input == null || input.account() == null) {
            throw ProblemException.badRequest("account", "the account to run is required");
        }
        GroupwareAccount account = accounts.visible(access, input.account());
        SyncRun run = Modules.require(modules.sync(), AccountsResource.RUNTIME).sync(account.id(),
                input.areas() == null || input.areas().isEmpty() ? account.areas() : input.areas(),
                SyncTrigger.MANUAL);
        return Response.created(URI.create("runs/" + run.id())).entity(Views.run(run)).build();
    }

    private SyncRun visible(Access access, String id) {
        Optional<SyncRun> run = journal().run(id);
        AccountService service = Modules.require(modules.accounts(), AccountsResource.RUNTIME);
        // a run of a removed account is an administrator's only
        return run.filter(r -> access.admin() || service.get(r.account()).filter(access::sees).isPresent())
                .orElseThrow(() -> ProblemException.notFound("run", id));
    }

    private SyncJournal journal() {
        return Modules.require(modules.journal(), AccountsResource.RUNTIME);
    }

    private static Set<Outcome> outcomes(List<String> names) {
        if (names == null || names.isEmpty()) {
            return EnumSet.allOf(Outcome.class);
        }
        Set<Outcome> outcomes = EnumSet.noneOf(Outcome.class);
        names.stream().flatMap(n -> Stream.of(n.split(","))).map(String::strip).filter(n -> !n.isEmpty())
                .forEach(n -> {
                    try {
                        outcomes.add(Outcome.valueOf(n.toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        throw ProblemException.badRequest("outcome", "'" + n + "' is not one of "
                                + List.of(Outcome.values()));
                    }
                });
        return outcomes;
    }

    static int number(String field, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                throw ProblemException.badRequest(field, field + " must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(field, "'" + value + "' is not a whole number");
        }
    }
}
