package io.liaison.shell.internal.account;

import static io.liaison.shell.internal.CommandAssertions.json;
import static io.liaison.shell.internal.CommandAssertions.output;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.SyncArea;
import io.liaison.shell.internal.InMemoryPreferences;
import org.junit.jupiter.api.Test;

/** {@code liaison:preferences}: the spec's "User preferences / Groupware" shown and changed from the shell. */
class PreferencesCommandTest {
    private final InMemoryPreferences preferences = new InMemoryPreferences();

    private PreferencesCommand command(String employee) {
        PreferencesCommand c = new PreferencesCommand();
        c.preferences = preferences;
        c.employee = employee;
        return c;
    }

    @Test
    void anEmployeeWhoNeverChoseHasTheSpecsDefaults() throws Exception {
        assertThat(output(command("anna"))).isEqualTo("""
                Groupware preferences of employee anna:
                  manual synchronisation selects: MAILS
                  result shows: only the current import's activities
                  opening an activity synchronises it first: no
                """);
    }

    @Test
    void optionsChangeWhatTheyNameAndKeepTheRest() throws Exception {
        PreferencesCommand areas = command("anna");
        areas.wizardAreas = "mails,tasks";
        output(areas);
        PreferencesCommand open = command("anna");
        open.syncOnOpen = "yes";

        JsonNode shown = json(open);

        assertThat(preferences.get(EmployeeId.of("anna")).wizardAreas())
                .containsExactlyInAnyOrder(SyncArea.MAILS, SyncArea.TASKS);
        assertThat(shown.get("wizardAreas")).extracting(JsonNode::asText).containsExactly("MAILS", "TASKS");
        assertThat(shown.get("onlyCurrentImport").asBoolean()).isTrue();
        assertThat(shown.get("syncOnOpen").asBoolean()).isTrue();
        assertThat(shown.get("syncOnOpenActive").asBoolean()).isTrue();

        preferences.autoSync.add(EmployeeId.of("anna"));
        assertThat(output(command("anna"))).contains(
                "opening an activity synchronises it first: chosen, but inactive while automatic synchronisation is on");
    }

    @Test
    void badValuesAreRefusedNamingTheOption() {
        PreferencesCommand c = command("anna");
        c.onlyCurrentImport = "maybe";
        assertThatThrownBy(() -> output(c)).hasMessageContaining("--only-current-import").hasMessageContaining("maybe");
        PreferencesCommand none = command("anna");
        none.wizardAreas = "calendar";
        assertThatThrownBy(() -> output(none)).hasMessageContaining("unknown area 'calendar'");
        assertThat(preferences.get(EmployeeId.of("anna")).wizardAreas()).containsExactly(SyncArea.MAILS);
    }
}
