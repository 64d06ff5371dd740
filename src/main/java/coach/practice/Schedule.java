package coach.practice;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a subscription's next reminder is due. Computed in the person's zone each time, so 09:00 stays 09:00 local
 * across DST changes; a local time that does not exist on a spring-forward day (02:30) moves forward by the gap
 * (03:30), as {@link ZonedDateTime#of} does; an ambiguous one (autumn) takes the earlier offset.
 */
public final class Schedule {
    private Schedule() {}

    /** The first due moment strictly after {@code after} on a subscribed day that is not paused. */
    public static Instant nextAfter(Subscription s, ZoneId zone, Instant after) {
        LocalDate date = after.atZone(zone).toLocalDate().minusDays(1);
        for (int i = 0; i < 400; i++, date = date.plusDays(1)) {
            if (!s.days().contains(date.getDayOfWeek())) continue;
            if (s.pausedUntil() != null && date.isBefore(s.pausedUntil())) continue;
            Instant at = ZonedDateTime.of(date, s.time(), zone).toInstant();
            if (at.isAfter(after)) {
                return at;
            }
        }
        throw new IllegalStateException("no practice day within a year for subscription " + s.id());
    }

    /** The local date a due moment belongs to: the key that makes a day's reminder go out once. */
    public static LocalDate localDate(Instant dueAt, ZoneId zone) {
        return dueAt.atZone(zone).toLocalDate();
    }
}
