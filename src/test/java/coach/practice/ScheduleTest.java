package coach.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ScheduleTest {
    static Subscription sub(String time, Set<DayOfWeek> days, String zone, LocalDate pausedUntil) {
        return new Subscription(1, "T1", "U1", Subscription.DM, null, LocalTime.parse(time), days, "mix", ZoneId.of(zone),
                Subscription.ACTIVE, pausedUntil);
    }

    static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    @ParameterizedTest
    @CsvSource({
            // zone, after (UTC), expected next 09:00 local (UTC)
            "America/Los_Angeles, 2026-11-23T00:00:00Z, 2026-11-23T17:00:00Z",
            "Europe/London,       2026-11-23T00:00:00Z, 2026-11-23T09:00:00Z",
            "Asia/Kolkata,        2026-11-23T00:00:00Z, 2026-11-23T03:30:00Z",
            "Asia/Kathmandu,      2026-11-23T00:00:00Z, 2026-11-23T03:15:00Z",
            "Asia/Kathmandu,      2026-11-23T03:15:00Z, 2026-11-24T03:15:00Z"})
    void nineInTheMorningInEachZone(String zone, String after, String expected) {
        assertThat(Schedule.nextAfter(sub("09:00", WEEKDAYS, zone, null), ZoneId.of(zone), Instant.parse(after)))
                .isEqualTo(Instant.parse(expected));
    }

    @Test
    void weekdaysSkipTheWeekend() {
        // Friday 2026-11-27 after 09:00 London → Monday 2026-11-30
        assertThat(Schedule.nextAfter(sub("09:00", WEEKDAYS, "Europe/London", null), ZoneId.of("Europe/London"),
                Instant.parse("2026-11-27T10:00:00Z"))).isEqualTo(Instant.parse("2026-11-30T09:00:00Z"));
    }

    @Test
    void nineStaysNineLocalAcrossBothDstChanges() {
        ZoneId london = ZoneId.of("Europe/London");
        Subscription s = sub("09:00", EnumSet.allOf(DayOfWeek.class), "Europe/London", null);
        // spring forward on Sunday 2026-03-29: 09:00 GMT on Saturday, 09:00 BST (08:00 UTC) on Sunday
        assertThat(Schedule.nextAfter(s, london, Instant.parse("2026-03-28T00:00:00Z"))).isEqualTo(Instant.parse("2026-03-28T09:00:00Z"));
        assertThat(Schedule.nextAfter(s, london, Instant.parse("2026-03-28T09:00:00Z"))).isEqualTo(Instant.parse("2026-03-29T08:00:00Z"));
        // fall back on Sunday 2026-10-25: 09:00 BST (08:00 UTC) on Saturday, 09:00 GMT (09:00 UTC) on Sunday
        assertThat(Schedule.nextAfter(s, london, Instant.parse("2026-10-24T00:00:00Z"))).isEqualTo(Instant.parse("2026-10-24T08:00:00Z"));
        assertThat(Schedule.nextAfter(s, london, Instant.parse("2026-10-24T08:00:00Z"))).isEqualTo(Instant.parse("2026-10-25T09:00:00Z"));
    }

    @Test
    void aLocalTimeThatDoesNotExistMovesForwardByTheGap() {
        ZoneId la = ZoneId.of("America/Los_Angeles");
        Subscription s = sub("02:30", EnumSet.allOf(DayOfWeek.class), "America/Los_Angeles", null);
        // 2026-03-08 02:30 does not exist in Los Angeles (02:00 → 03:00): sent at 03:30 PDT = 10:30 UTC
        assertThat(Schedule.nextAfter(s, la, Instant.parse("2026-03-08T00:00:00Z"))).isEqualTo(Instant.parse("2026-03-08T10:30:00Z"));
    }

    @Test
    void pausedDaysAreSkipped() {
        Subscription s = sub("09:00", EnumSet.allOf(DayOfWeek.class), "Europe/London", LocalDate.of(2026, 12, 1));
        assertThat(Schedule.nextAfter(s, ZoneId.of("Europe/London"), Instant.parse("2026-11-23T00:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
    }
}
