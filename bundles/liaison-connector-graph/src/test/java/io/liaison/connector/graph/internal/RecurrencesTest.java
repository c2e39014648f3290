package io.liaison.connector.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.graph.models.PatternedRecurrence;
import com.microsoft.graph.models.RecurrencePatternType;
import com.microsoft.graph.models.RecurrenceRangeType;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RRULEs Graph can express survive the trip to a patternedRecurrence and back unchanged. */
class RecurrencesTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 7);

    @ParameterizedTest
    @ValueSource(strings = {"FREQ=WEEKLY;BYDAY=MO", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR;COUNT=10", "FREQ=DAILY;UNTIL=20260301",
            "FREQ=MONTHLY", "FREQ=MONTHLY;BYMONTHDAY=15", "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=1;COUNT=5"})
    void roundTrips(String rule) {
        PatternedRecurrence graph = Recurrences.toGraph(rule, START, "Europe/Berlin");

        assertThat(Recurrences.toRrule(graph, START)).contains(rule);
    }

    @Test
    void theRangeStartsOnTheFirstDayAndKeepsTheZone() {
        PatternedRecurrence graph = Recurrences.toGraph("FREQ=MONTHLY;BYMONTHDAY=15;COUNT=3", START, "Europe/Berlin");

        assertThat(graph.getPattern().getType()).isEqualTo(RecurrencePatternType.AbsoluteMonthly);
        assertThat(graph.getPattern().getDayOfMonth()).isEqualTo(15);
        assertThat(graph.getRange().getType()).isEqualTo(RecurrenceRangeType.Numbered);
        assertThat(graph.getRange().getStartDate()).isEqualTo(START);
        assertThat(graph.getRange().getRecurrenceTimeZone()).isEqualTo("Europe/Berlin");
    }

    @Test
    void rulesGraphCannotExpressAreRefusedByName() {
        assertThatThrownBy(() -> Recurrences.toGraph("FREQ=HOURLY", START, "UTC"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FREQ=HOURLY");
        assertThatThrownBy(() -> Recurrences.toGraph("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=-1", START, "UTC"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BYSETPOS");
    }

    @Test
    void windowsZoneNamesMapToIanaZones() {
        assertThat(GraphTimes.zone("W. Europe Standard Time")).map(Object::toString).contains("Europe/Berlin");
        assertThat(GraphTimes.zone("Europe/Paris")).map(Object::toString).contains("Europe/Paris");
        assertThat(GraphTimes.zone("tzone://Microsoft/Custom")).isEmpty();
    }
}
