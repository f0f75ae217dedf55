package org.integrationhub.processor.job;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduleTest {

    static final OffsetDateTime DUE = OffsetDateTime.parse("2026-11-26T08:00:00Z");

    @Test
    void nextRunAdvancesFromTheScheduleNotFromTheFinish() {
        Instant finishedLate = DUE.plusSeconds(40).toInstant();
        assertThat(Schedule.nextRun(DUE, 1, IntervalType.MINUTES, finishedLate)).isEqualTo(DUE.plusMinutes(1));
    }

    @Test
    void missedRunsCollapseIntoOne() {
        Instant threeDaysLater = DUE.plusDays(3).plusMinutes(7).toInstant();
        OffsetDateTime next = Schedule.nextRun(DUE, 15, IntervalType.MINUTES, threeDaysLater);
        assertThat(next).isEqualTo(DUE.plusDays(3).plusMinutes(15));
        assertThat(next.toInstant()).isAfter(threeDaysLater);
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
    void aRunExactlyAtNowIsNotTheNextOne() {
        Instant now = DUE.plusSeconds(10).toInstant();
        assertThat(Schedule.nextRun(DUE, 10, IntervalType.SECONDS, now)).isEqualTo(DUE.plusSeconds(20));
    }

    @Test
    void intervalMustBePositive() {
        assertThatThrownBy(() -> Schedule.nextRun(DUE, 0, IntervalType.HOURS, DUE.toInstant()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
