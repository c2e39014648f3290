package io.liaison.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The hand-written OpenAPI document and the deployed resources describe the same API: every path and method of
 * the resource classes is in the document, and the document has nothing more.
 */
class OpenApiDocumentTest {

    @Test
    void theDocumentDescribesExactlyTheResourcesMethods() throws Exception {
        assertThat(documented()).isEqualTo(deployed());
    }

    @Test
    void theDocumentIsOpenApi3WithItsReferencesResolved() throws Exception {
        JsonNode doc = document();
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        assertThat(doc.get("servers").get(0).get("url").asText()).isEqualTo("/liaison/api");
        String text = doc.toString();
        java.util.regex.Matcher refs = java.util.regex.Pattern.compile("\"#/components/schemas/([A-Za-z]+)\"")
                .matcher(text);
        while (refs.find()) {
            assertThat(doc.get("components").get("schemas").has(refs.group(1))).as(refs.group(1)).isTrue();
        }
    }

    @Test
    void theServedDocumentIsTheFileOfTheBundle() throws Exception {
        try (ApiServer api = new ApiServer()) {
            ApiServer.Answer a = api.get("demo", "openapi.json");
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.contentType()).startsWith("application/json");
            assertThat(a.json()).isEqualTo(document());
        }
    }

    private static JsonNode document() throws Exception {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(OpenApiResource.DOCUMENT)) {
            return ApiServer.JSON.readTree(in);
        }
    }

    private static Set<String> documented() throws Exception {
        Set<String> operations = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document().get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(
                    method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey()));
        }
        return operations;
    }

    /** "METHOD /path" of every resource method of the application, by the JAX-RS annotations. */
    private static Set<String> deployed() {
        Set<String> operations = new TreeSet<>();
        for (Object singleton : RestApplication.singletons(new ApiServerlessModules())) {
            Class<?> type = singleton.getClass();
            Path root = type.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : type.getMethods()) {
                for (Annotation annotation : method.getAnnotations()) {
                    HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
                    if (http != null) {
                        Path sub = method.getAnnotation(Path.class);
                        operations.add(http.value() + " /" + root.value() + (sub == null ? "" : "/" + sub.value()));
                    }
                }
            }
        }
        return operations;
    }

    /** No services: only the classes are looked at. */
    private static final class ApiServerlessModules implements Modules {
        @Override
        public io.liaison.api.runtime.AccountService accounts() {
            return null;
        }

        @Override
        public io.liaison.api.runtime.SyncService sync() {
            return null;
        }

        @Override
        public io.liaison.api.runtime.SyncJournal journal() {
            return null;
        }

        @Override
        public io.liaison.api.crm.HostCrm crm() {
            return null;
        }

        @Override
        public io.liaison.api.runtime.GroupwarePreferencesService preferences() {
            return null;
        }

        @Override
        public io.liaison.api.mailimport.MailImportService mailImport() {
            return null;
        }

        @Override
        public io.liaison.api.address.AddressResolver addresses() {
            return null;
        }
    }
}
