package io.liaison.shell.internal.account;

import static io.liaison.shell.internal.CommandAssertions.error;
import static io.liaison.shell.internal.CommandAssertions.json;
import static io.liaison.shell.internal.CommandAssertions.output;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.connector.Credentials;
import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.AccountState;
import io.liaison.api.domain.ConflictPolicy;
import io.liaison.api.domain.Employee;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.SyncArea;
import io.liaison.shell.internal.FakeRuntime;
import io.liaison.shell.internal.InMemoryCrm;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.console.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountCommandsTest {
    FakeRuntime runtime = new FakeRuntime();
    InMemoryCrm crm = new InMemoryCrm();

    @TempDir
    Path dir;

    @BeforeEach
    void employees() {
        crm.employees.put("e42", new Employee(EmployeeId.of("e42"), "jdoe", "Jane Doe", "jane@example.com"));
    }

    AccountAddCommand add(String employee, String connector) {
        AccountAddCommand c = new AccountAddCommand();
        c.accounts = runtime;
        c.crm = crm;
        c.employee = employee;
        c.connectorType = connector;
        return c;
    }

    AccountListCommand list() {
        AccountListCommand c = new AccountListCommand();
        c.accounts = runtime;
        c.crm = crm;
        return c;
    }

    AccountCredentialsCommand credentials(String account, Session session) {
        AccountCredentialsCommand c = new AccountCredentialsCommand();
        c.accounts = runtime;
        c.session = session;
        c.account = account;
        return c;
    }

    @Test
    void addCreatesAnAccountWithEveryOption() throws Exception {
        AccountAddCommand c = add("jdoe", "local");
        c.settings = List.of("root=/srv/mail/jdoe", "importRoot=Inbox/CRM");
        c.autoSync = true;
        c.interval = "5";
        c.areas = "mails,tasks";
        c.conflictPolicy = "newest-wins";

        String out = output(c);

        GroupwareAccount a = runtime.accounts.values().iterator().next();
        assertThat(a.employee()).as("the login was resolved to the employee id").isEqualTo(EmployeeId.of("e42"));
        assertThat(a.connectorType()).isEqualTo("local");
        assertThat(a.settings()).containsExactlyInAnyOrderEntriesOf(
                Map.of("root", "/srv/mail/jdoe", "importRoot", "Inbox/CRM"));
        assertThat(a.autoSync()).isTrue();
        assertThat(a.interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(a.areas()).containsExactlyInAnyOrder(SyncArea.MAILS, SyncArea.TASKS);
        assertThat(a.conflictPolicy()).isEqualTo(ConflictPolicy.NEWEST_WINS);
        assertThat(out).isEqualTo("Created account acc-1 of employee e42: connector local, auto-sync on every 5 min, "
                + "areas mails,tasks, conflict policy NEWEST_WINS, state ACTIVE\n"
                + "Enter its credentials with: liaison:account-credentials acc-1\n");
    }

    @Test
    void addDefaultsToMailsOnlyEveryFifteenMinutesCrmWins() throws Exception {
        JsonNode j = json(add("e42", "local"));
        assertThat(j.get("id").asText()).isEqualTo("acc-1");
        assertThat(j.get("employee").asText()).isEqualTo("e42");
        assertThat(j.get("autoSync").asBoolean()).isFalse();
        assertThat(j.get("intervalMinutes").asInt()).isEqualTo(15);
        assertThat(j.get("areas").toString()).isEqualTo("[\"MAILS\"]");
        assertThat(j.get("conflictPolicy").asText()).isEqualTo("CRM_WINS");
        assertThat(j.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(j.get("stateReason").isNull()).isTrue();
    }

    @Test
    void addRefusesBadArgumentsInOneLine() {
        assertThat(error(add("nobody", "local"))).isEqualTo("Error: unknown employee 'nobody'");
        AccountAddCommand badInterval = add("demo", "local");
        badInterval.interval = "0";
        assertThat(error(badInterval)).isEqualTo("Error: bad --interval '0': expected a whole number from 1 to 10080");
        AccountAddCommand badArea = add("demo", "local");
        badArea.areas = "mails,faxes";
        assertThat(error(badArea)).startsWith("Error: unknown area 'faxes' in --areas");
        AccountAddCommand badPolicy = add("demo", "local");
        badPolicy.conflictPolicy = "LAST";
        assertThat(error(badPolicy)).startsWith("Error: unknown conflict policy 'LAST'");
        AccountAddCommand secret = add("demo", "graph");
        secret.settings = List.of("password=hunter2");
        assertThat(error(secret)).startsWith("Error: setting 'password' looks like a secret").doesNotContain("hunter2");
        assertThat(error(add("demo", " "))).isEqualTo("Error: the connector type must not be blank");
        assertThat(runtime.accounts).isEmpty();
    }

    @Test
    void listShowsStateAndReasonButNoSecrets() throws Exception {
        output(add("demo", "local"));
        AccountAddCommand other = add("jdoe", "graph");
        other.settings = List.of("tenant=contoso");
        output(other);
        runtime.block(AccountId.of("acc-2"), "sign-in refused: invalid_client");
        runtime.accounts.compute(AccountId.of("acc-1"), (id, a) -> new GroupwareAccount(a.id(), a.employee(),
                a.connectorType(), Map.of("root", "/srv", "apiToken", "leaked"), a.autoSync(), a.interval(),
                a.areas(), a.conflictPolicy(), a.state(), a.stateReason()));

        String text = output(list());
        assertThat(text.lines().toList()).hasSize(4);
        assertThat(text.lines().findFirst().orElseThrow()).startsWith("ID     EMPLOYEE  CONNECTOR  STATE");
        assertThat(text).contains("acc-2  e42       graph      PASSWORD_BLOCKED")
                .contains("sign-in refused: invalid_client")
                .contains("apiToken=******")
                .doesNotContain("leaked");

        JsonNode j = json(list());
        assertThat(j).hasSize(2);
        assertThat(j.get(1).get("state").asText()).isEqualTo("PASSWORD_BLOCKED");
        assertThat(j.get(1).get("stateReason").asText()).isEqualTo("sign-in refused: invalid_client");
        assertThat(j.get(0).get("settings").get("apiToken").asText()).isEqualTo("******");

        AccountListCommand onlyJane = list();
        onlyJane.employee = "jdoe";
        assertThat(json(onlyJane)).singleElement().satisfies(n -> assertThat(n.get("id").asText()).isEqualTo("acc-2"));
        AccountListCommand unknown = list();
        unknown.employee = "ghost";
        assertThat(error(unknown)).isEqualTo("Error: unknown employee 'ghost'");
    }

    @Test
    void withoutTheRuntimeTheAccountCommandsSaySo() {
        AccountListCommand c = list();
        c.accounts = null;
        assertThat(error(c)).isEqualTo("Error: no AccountService service is available: the Liaison runtime "
                + "(feature liaison-runtime) is not running");
        AccountAddCommand a = add("demo", "local");
        a.accounts = null;
        assertThat(error(a)).startsWith("Error: no AccountService service is available");
        AccountCredentialsCommand cred = credentials("acc-1", new ConsoleAnswers().session());
        cred.accounts = null;
        assertThat(error(cred)).startsWith("Error: no AccountService service is available");
    }

    @Test
    void listSaysSoWhenThereAreNoAccounts() throws Exception {
        assertThat(output(list())).isEqualTo("No groupware accounts.\n");
        assertThat(json(list()).isArray()).isTrue();
    }

    @Test
    void credentialsFromThePromptLiftTheBlockAndAreNeverPrinted() throws Exception {
        output(add("demo", "graph"));
        runtime.block(AccountId.of("acc-1"), "sign-in refused");
        ConsoleAnswers console = new ConsoleAnswers()
                .answer("Username for account acc-1 (empty for none): ", null, "jdoe@contoso")
                .answer("Secret for account acc-1: ", '*', "s3cret!")
                .answer("Repeat the secret: ", '*', "s3cret!");
        Session session = console.session();

        String out = output(credentials("acc-1", session));

        Credentials stored = runtime.credentials.get(AccountId.of("acc-1"));
        assertThat(stored.username()).isEqualTo("jdoe@contoso");
        assertThat(stored.secret().reveal()).isEqualTo("s3cret!");
        assertThat(runtime.accounts.get(AccountId.of("acc-1")).state()).isEqualTo(AccountState.ACTIVE);
        assertThat(out).isEqualTo("Stored new credentials for account acc-1 (username jdoe@contoso); state ACTIVE\n")
                .doesNotContain("s3cret");
    }

    @Test
    void credentialsPromptRefusesAMismatchOrNothing() throws Exception {
        output(add("demo", "graph"));
        Session session = new ConsoleAnswers().answer("Secret for account acc-1: ", '*', "one")
                .answer("Repeat the secret: ", '*', "two").session();
        AccountCredentialsCommand c = credentials("acc-1", session);
        c.username = "u";
        assertThat(error(c)).isEqualTo("Error: the two entries differ; nothing stored");

        Session empty = new ConsoleAnswers().answer("Secret for account acc-1: ", '*', "").session();
        AccountCredentialsCommand none = credentials("acc-1", empty);
        none.username = "u";
        assertThat(error(none)).isEqualTo("Error: no secret entered; nothing stored");
        assertThat(runtime.credentials).isEmpty();
    }

    @Test
    void credentialsFromFilesForScripts() throws Exception {
        output(add("demo", "graph"));
        Path secret = Files.writeString(dir.resolve("secret.txt"), "client-secret-value\r\nsecond line ignored\n");
        Path token = Files.writeString(dir.resolve("token.txt"), "refresh-token-value");
        ConsoleAnswers console = new ConsoleAnswers();
        AccountCredentialsCommand c = credentials("acc-1", console.session());
        c.username = "app-id";
        c.secretFile = secret.toString();
        c.named = List.of("refreshToken=" + token);

        JsonNode j = json(c);

        Credentials stored = runtime.credentials.get(AccountId.of("acc-1"));
        assertThat(stored.secret().reveal()).isEqualTo("client-secret-value");
        assertThat(stored.named("refreshToken").orElseThrow().reveal()).isEqualTo("refresh-token-value");
        assertThat(j.toString()).isEqualTo("{\"account\":\"acc-1\",\"username\":\"app-id\","
                + "\"namedSecrets\":[\"refreshToken\"],\"state\":\"ACTIVE\",\"stateReason\":null}");
        assertThat(console.prompts).as("nothing is prompted for").isEmpty();
    }

    @Test
    void aNamedCertificateIsTheWholePemFileNotItsFirstLine() throws Exception {
        output(add("demo", "graph"));
        // RFC 7468: a private key and a certificate, each a BEGIN line, base64 lines and an END line
        String pem = "-----BEGIN PRIVATE KEY-----\nMIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEA\n"
                + "-----END PRIVATE KEY-----\n-----BEGIN CERTIFICATE-----\nMIIBszCCAV2gAwIBAgIUb3V0\n"
                + "-----END CERTIFICATE-----";
        Path file = Files.writeString(dir.resolve("app.pem"), pem + "\r\n");
        AccountCredentialsCommand c = credentials("acc-1", new ConsoleAnswers().session());
        c.username = "app-id";
        c.secretFile = Files.writeString(dir.resolve("unused.txt"), "unused").toString();
        c.named = List.of("certificate=" + file);

        output(c);

        assertThat(runtime.credentials.get(AccountId.of("acc-1")).named("certificate").orElseThrow().reveal())
                .isEqualTo(pem);
    }

    @Test
    void aNamedSecretFileIsBoundedAndText() throws Exception {
        output(add("demo", "graph"));
        AccountCredentialsCommand large = credentials("acc-1", new ConsoleAnswers().session());
        large.secretFile = Files.writeString(dir.resolve("s.txt"), "s").toString();
        Path big = Files.write(dir.resolve("big.pem"), new byte[64 * 1024 + 1]);
        large.named = List.of("certificate=" + big);
        assertThat(error(large)).isEqualTo("Error: --named certificate '" + big + "' is larger than 64 KB; that is no secret");

        AccountCredentialsCommand binary = credentials("acc-1", new ConsoleAnswers().session());
        binary.secretFile = large.secretFile;
        Path der = Files.write(dir.resolve("app.der"), new byte[] {0x30, (byte) 0x82, (byte) 0xFF, (byte) 0xFE});
        binary.named = List.of("certificate=" + der);
        assertThat(error(binary)).contains("is not UTF-8 text");
        assertThat(runtime.credentials).isEmpty();
    }

    @Test
    void clearDeletesTheStoredCredentialsAndTakesNoOtherOption() throws Exception {
        output(add("demo", "graph"));
        AccountCredentialsCommand store = credentials("acc-1", new ConsoleAnswers().session());
        store.secretFile = Files.writeString(dir.resolve("s.txt"), "client-secret-value").toString();
        output(store);
        AccountCredentialsCommand mixed = credentials("acc-1", new ConsoleAnswers().session());
        mixed.clear = true;
        mixed.secretFile = store.secretFile;
        assertThat(error(mixed)).isEqualTo("Error: --clear takes no other option");
        assertThat(runtime.credentials).containsKey(AccountId.of("acc-1"));

        AccountCredentialsCommand clear = credentials("acc-1", new ConsoleAnswers().session());
        clear.clear = true;

        assertThat(output(clear)).isEqualTo("Cleared the credentials of account acc-1; its next sign-in has none\n");
        assertThat(runtime.credentials).doesNotContainKey(AccountId.of("acc-1"));
    }

    @Test
    void vaultRekeyPrintsTheNewKeysFingerprint() throws Exception {
        VaultRekeyCommand c = new VaultRekeyCommand();
        c.accounts = runtime;

        assertThat(output(c)).isEqualTo("Vault key rotated: every stored credential is re-encrypted with key "
                + "fingerprint-1; back up the new key file\n");
        assertThat(runtime.rekeyed).isEqualTo(1);
    }

    @Test
    void credentialsFromStandardInput() throws Exception {
        output(add("demo", "graph"));
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream("from-stdin\nrest\n".getBytes(StandardCharsets.UTF_8)));
            AccountCredentialsCommand c = credentials("acc-1", new ConsoleAnswers().session());
            c.secretStdin = true;
            assertThat(output(c)).isEqualTo("Stored new credentials for account acc-1; state ACTIVE\n");
        } finally {
            System.setIn(saved);
        }
        assertThat(runtime.credentials.get(AccountId.of("acc-1")).secret().reveal()).isEqualTo("from-stdin");
        assertThat(runtime.credentials.get(AccountId.of("acc-1")).username()).isEmpty();
    }

    @Test
    void credentialsErrorsNameTheAccountOrFile() throws Exception {
        assertThat(error(credentials("nope", new ConsoleAnswers().session()))).isEqualTo("Error: unknown account 'nope'");
        output(add("demo", "graph"));
        AccountCredentialsCommand both = credentials("acc-1", new ConsoleAnswers().session());
        both.secretFile = "x";
        both.secretStdin = true;
        assertThat(error(both)).isEqualTo("Error: give --secret-file or --secret-stdin, not both");
        AccountCredentialsCommand missing = credentials("acc-1", new ConsoleAnswers().session());
        missing.secretFile = dir.resolve("absent").toString();
        assertThat(error(missing)).isEqualTo("Error: cannot read --secret-file '" + dir.resolve("absent")
                + "': no such file");
        AccountCredentialsCommand emptyFile = credentials("acc-1", new ConsoleAnswers().session());
        emptyFile.secretFile = Files.writeString(dir.resolve("empty"), "\nx").toString();
        assertThat(error(emptyFile)).endsWith("holds no secret (its first line is empty)");
        AccountCredentialsCommand badNamed = credentials("acc-1", new ConsoleAnswers().session());
        badNamed.named = List.of("refreshToken");
        assertThat(error(badNamed)).isEqualTo("Error: bad --named 'refreshToken': expected name=FILE");
        assertThat(runtime.credentials).isEmpty();
    }
}
