package io.liaison.rest.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.servlet.DispatcherType;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.ws.rs.core.Application;

import org.apache.cxf.jaxrs.servlet.CXFNonSpringJaxrsServlet;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.h2.jdbcx.JdbcDataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.liaison.api.address.AddressResolver;
import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.Employee;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.mailimport.MailImportService;
import io.liaison.api.runtime.AccountService;
import io.liaison.api.runtime.GroupwarePreferencesService;
import io.liaison.api.runtime.SyncJournal;
import io.liaison.api.runtime.SyncService;
import io.liaison.address.internal.AddressResolverComponent;
import io.liaison.address.internal.AddressResolverConfig;
import io.liaison.crm.embedded.internal.JdbcHostCrm;

/**
 * The API as Karaf serves it, outside OSGi: the same resources and providers (RestApplication.singletons) in CXF's
 * JAX-RS servlet, in Jetty 9.4 (Pax Web's), under the context /liaison whose filter does what the HTTP context's
 * handleSecurity does (BasicAuthentication), on 127.0.0.1 and a free port. The host CRM is the real embedded one on
 * H2 in memory; the runtime's services are in memory (FakeRuntime). Users, all with password "secret": demo and anna
 * (liaison-user, CRM employees), boss (liaison-admin, no employee), guest (no Liaison role), ghost (liaison-user
 * without a CRM employee).
 */
final class ApiServer implements AutoCloseable, Modules {
    static final String PASSWORD = "secret";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Set<String>> USERS = Map.of(
            "demo", Set.of(Caller.USER), "anna", Set.of(Caller.USER), "boss", Set.of(Caller.ADMIN, "admin"),
            "guest", Set.of("viewer"), "ghost", Set.of(Caller.USER));

    final FakeRuntime runtime = new FakeRuntime();
    final JdbcHostCrm hostCrm;
    final EmployeeId demo;
    final EmployeeId anna;
    volatile AccountService accounts = runtime;
    volatile SyncService sync = runtime;
    volatile SyncJournal journal = runtime;
    volatile HostCrm crm;
    volatile GroupwarePreferencesService preferences = runtime;
    final FakeMailImport fakeMailImport;
    volatile MailImportService mailImport;
    final AddressResolver resolver;
    volatile AddressResolver addresses;
    private final Server server;
    private final URI base;
    private final HttpClient client = HttpClient.newHttpClient();

    ApiServer() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:rest-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        hostCrm = new JdbcHostCrm(ds);
        crm = hostCrm;
        fakeMailImport = new FakeMailImport(hostCrm);
        mailImport = fakeMailImport;
        resolver = new AddressResolverComponent(hostCrm, new AddressResolverConfig() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return AddressResolverConfig.class;
            }

            @Override
            public String[] additionalFreeMailDomains() {
                return new String[0];
            }

            @Override
            public boolean fullDomainFirst() {
                return true;
            }
        });
        addresses = resolver;
        demo = hostCrm.employees().findByLogin("demo").orElseThrow().id();
        anna = hostCrm.saveEmployee(new Employee(EmployeeId.of("anna-1"), "anna", "Anna", "anna@example.com")).id();

        server = new Server(new InetSocketAddress("127.0.0.1", 0));
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath("/liaison");
        BasicAuthentication authentication = new BasicAuthentication(ApiServer::login);
        context.addFilter(new FilterHolder(new Filter() {
            @Override
            public void init(javax.servlet.FilterConfig config) {
            }

            @Override
            public void destroy() {
            }

            @Override
            public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
                    throws IOException, ServletException {
                if (authentication.handle((HttpServletRequest) req, (HttpServletResponse) res)) {
                    chain.doFilter(req, res);
                }
            }
        }), "/*", EnumSet.of(DispatcherType.REQUEST));
        Modules modules = this;
        context.addServlet(new ServletHolder(new CXFNonSpringJaxrsServlet(new Application() {
            @Override
            public Set<Object> getSingletons() {
                return RestApplication.singletons(modules);
            }
        })), "/api/*");
        server.setHandler(context);
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getURI().getPort() + "/liaison/api/");
    }

    private static Optional<Set<String>> login(String user, char[] password) {
        return USERS.containsKey(user) && PASSWORD.equals(new String(password))
                ? Optional.of(USERS.get(user)) : Optional.empty();
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    /** A request as a same-origin API client sends it: authenticated, with the write header. */
    HttpRequest.Builder request(String user, String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header(RequestGuard.HEADER, "1");
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return b;
    }

    Answer get(String user, String path) {
        return send(request(user, path).GET().build());
    }

    Answer send(String user, String method, String path, String json) {
        HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json);
        return send(request(user, path).header("Content-Type", "application/json").method(method, body).build());
    }

    Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response with its body parsed as JSON where it is JSON. */
    record Answer(HttpResponse<String> response) {
        int status() {
            return response.statusCode();
        }

        String contentType() {
            return response.headers().firstValue("Content-Type").orElse("");
        }

        String body() {
            return response.body();
        }

        JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + response.body(), e);
            }
        }

        @Override
        public String toString() {
            return status() + " " + contentType() + " " + body();
        }
    }

    @Override
    public AccountService accounts() {
        return accounts;
    }

    @Override
    public SyncService sync() {
        return sync;
    }

    @Override
    public SyncJournal journal() {
        return journal;
    }

    @Override
    public HostCrm crm() {
        return crm;
    }

    @Override
    public GroupwarePreferencesService preferences() {
        return preferences;
    }

    @Override
    public MailImportService mailImport() {
        return mailImport;
    }

    @Override
    public AddressResolver addresses() {
        return addresses;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
