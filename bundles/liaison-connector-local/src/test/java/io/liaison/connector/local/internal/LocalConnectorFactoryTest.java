package io.liaison.connector.local.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.connector.AccountContext;
import io.liaison.api.connector.ConnectorException;
import io.liaison.api.connector.ConnectorSession;
import io.liaison.api.connector.Credentials;
import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.EmployeeId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import net.fortuna.ical4j.util.Configurator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The factory: its type, its settings, the tree it creates, and ical4j's configuration. */
class LocalConnectorFactoryTest {

    @TempDir
    Path temp;

    private static AccountContext account(Map<String, String> settings) {
        return new AccountContext(AccountId.of("acc-7"), EmployeeId.of("emp-7"), settings, Credentials.NONE, c -> { });
    }

    @Test
    void theTypeIsLocal() {
        assertThat(new LocalConnectorFactory().type()).isEqualTo("local").isEqualTo(LocalConnectorFactory.TYPE);
    }

    @Test
    void aMissingTreeIsCreatedWithEveryArea() {
        Path root = temp.resolve("data/liaison/accounts/anna");

        try (ConnectorSession session = new LocalConnectorFactory().open(account(Map.of("root", root.toString())))) {
            assertThat(session.mail().orElseThrow().inbox().id()).isEqualTo("Inbox");
            assertThat(session.events()).isPresent();
            assertThat(session.tasks()).isPresent();
            assertThat(session.contacts()).isPresent();
        }
        assertThat(root.resolve("Mail/Inbox")).isDirectory();
        assertThat(root.resolve("Calendar")).isDirectory();
        assertThat(root.resolve("Tasks")).isDirectory();
        assertThat(root.resolve("Contacts")).isDirectory();
        assertThat(root.resolve(".liaison")).isDirectory();
    }

    @Test
    void wrongSettingsAreNamed() throws Exception {
        Path file = Files.writeString(temp.resolve("a-file"), "x");

        assertThatThrownBy(() -> new LocalConnectorFactory().open(account(Map.of())))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("acc-7").hasMessageContaining("'root'");
        assertThatThrownBy(() -> new LocalConnectorFactory().open(account(Map.of("root", file.toString()))))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("is a file");
        assertThatThrownBy(() -> new LocalConnectorFactory().open(account(
                Map.of("root", temp.toString(), "timeZone", "Mars/Olympus"))))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("'timeZone'");
    }

    @Test
    void ical4jNeverFetchesTimeZonesFromTheNetwork() throws Exception {
        String enabled = Ical4j.call(() ->
                Configurator.getProperty("net.fortuna.ical4j.timezone.update.enabled").orElse("unset"));

        assertThat(enabled).isEqualTo("false");
        assertThat(Ical4j.call(() -> Ical4j.registry().getTimeZone("Europe/Berlin"))).isNotNull();
    }
}
