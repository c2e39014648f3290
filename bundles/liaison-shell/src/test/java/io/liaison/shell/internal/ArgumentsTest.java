package io.liaison.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.domain.ConflictPolicy;
import io.liaison.api.domain.SyncArea;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

    @Test
    void areasIgnoreCaseAndSpaces() {
        assertThat(Arguments.areas("--areas", "mails, Appointments,TASKS,contacts"))
                .containsExactlyInAnyOrder(SyncArea.values());
        assertThat(Arguments.areas("--areas", "mails")).containsExactly(SyncArea.MAILS);
    }

    @Test
    void unknownOrEmptyAreaNamesTheValueAndTheChoices() {
        assertThatThrownBy(() -> Arguments.areas("--areas", "mails,calendar"))
                .isInstanceOf(UserInputException.class)
                .hasMessage("unknown area 'calendar' in --areas (expected mails, appointments, tasks, contacts)");
        assertThatThrownBy(() -> Arguments.areas("--areas", "mails,"))
                .hasMessage("unknown area '' in --areas (expected mails, appointments, tasks, contacts)");
        assertThatThrownBy(() -> Arguments.areas("--areas", " ")).hasMessageStartingWith("bad --areas ''");
    }

    @Test
    void conflictPolicyAcceptsEnumNamesAndDashes() {
        assertThat(Arguments.conflictPolicy("--conflict-policy", "CRM_WINS")).isEqualTo(ConflictPolicy.CRM_WINS);
        assertThat(Arguments.conflictPolicy("--conflict-policy", "newest-wins")).isEqualTo(ConflictPolicy.NEWEST_WINS);
        assertThatThrownBy(() -> Arguments.conflictPolicy("--conflict-policy", "mine"))
                .hasMessage("unknown conflict policy 'mine' in --conflict-policy "
                        + "(expected CRM_WINS, GROUPWARE_WINS, NEWEST_WINS, KEEP_BOTH)");
    }

    @Test
    void settingsAreKeyValuePairsWhoseValueMayHoldEquals() {
        assertThat(Arguments.settings("--setting", List.of("root=/data/mail", "filter=a=b", "empty=")))
                .containsExactly(java.util.Map.entry("root", "/data/mail"), java.util.Map.entry("filter", "a=b"),
                        java.util.Map.entry("empty", ""));
        assertThat(Arguments.settings("--setting", null)).isEmpty();
    }

    @Test
    void badSettingsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> Arguments.settings("--setting", List.of("root")))
                .hasMessage("bad --setting 'root': expected key=value");
        assertThatThrownBy(() -> Arguments.settings("--setting", List.of("=x")))
                .hasMessage("bad --setting '=x': expected key=value");
        assertThatThrownBy(() -> Arguments.settings("--setting", List.of("a b=x")))
                .hasMessageStartingWith("bad --setting key 'a b'");
        assertThatThrownBy(() -> Arguments.settings("--setting", List.of("a=1", "a=2")))
                .hasMessage("setting 'a' given twice");
        assertThatThrownBy(() -> Arguments.settings("--setting", List.of("clientSecret=hunter2")))
                .hasMessageStartingWith("setting 'clientSecret' looks like a secret")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void numbersAreBoundedAndNamed() {
        assertThat(Arguments.number("--limit", " 7 ", 1, 10)).isEqualTo(7);
        assertThatThrownBy(() -> Arguments.number("--limit", "0", 1, 10))
                .hasMessage("bad --limit '0': expected a whole number from 1 to 10");
        assertThatThrownBy(() -> Arguments.number("--limit", "ten", 1, 10))
                .hasMessage("bad --limit 'ten': expected a whole number from 1 to 10");
        assertThat(Arguments.minutes("--interval", "30")).isEqualTo(Duration.ofMinutes(30));
        assertThatThrownBy(() -> Arguments.minutes("--interval", "0.5"))
                .hasMessage("bad --interval '0.5': expected a whole number from 1 to 10080");
    }
}
