package org.integrationhub.processor.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduleTest {

    static final OffsetDateTime DUE = OffsetDateTime.parse("2026-11-26T08:00:00Z");

    /** A job due at DUE, every {@code every} {@code unit}, asked at DUE + {@code now}: next due at DUE + {@code next}. */
    @ParameterizedTest(name = "every {1} {2}, at DUE + {0}: next at DUE + {3}")
    @CsvSource({
            // the next run advances from the schedule, not from a finish 40 s late
            "PT40S,   1, MINUTES, PT1M",
            // missed runs (three days of them) collapse into one
            "P3DT7M, 15, MINUTES, P3DT15M",
            // a run exactly at now is not the next one
            "PT10S,  10, SECONDS, PT20S",
    })
    void nextRunIsTheFirstScheduledMomentAfterNow(Duration now, int every, IntervalType unit, Duration next) {
        Instant at = DUE.plus(now).toInstant();
        OffsetDateTime nextRun = Schedule.nextRun(DUE, every, unit, at);
        assertThat(nextRun).isEqualTo(DUE.plus(next));
        assertThat(nextRun.toInstant()).isAfter(at);
    }

    @Test
    void monthsFollowTheCalendar() {
        OffsetDateTime endOfJanuary = OffsetDateTime.parse("2026-01-31T02:00:00Z");
        assertThat(Schedule.nextRun(endOfJanuary, 1, IntervalType.MONTHS, endOfJanuary.toInstant()))
                .isEqualTo(OffsetDateTime.parse("2026-02-28T02:00:00Z"));
        Instant longAfter = OffsetDateTime.parse("2026-06-01T00:00:00Z").toInstant();
        assertThat(Schedule.nextRun(endOfJanuary, 2, IntervalType.MONTHS, longAfter).toInstant()).isAfter(longAfter);
    }

    @Test
    void intervalMustBePositive() {
        assertThatThrownBy(() -> Schedule.nextRun(DUE, 0, IntervalType.HOURS, DUE.toInstant()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
