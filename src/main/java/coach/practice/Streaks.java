package coach.practice;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Consecutive practice days in the person's time zone. A day counts when they answered anything; a paused day
 * neither counts nor breaks the streak; today only counts once they have answered (the day is not over).
 */
public final class Streaks {
    private Streaks() {}

    public static int current(List<Instant> answers, List<LocalDate[]> pauses, ZoneId zone, LocalDate today) {
        Set<LocalDate> practised = answers.stream().map(a -> a.atZone(zone).toLocalDate()).collect(Collectors.toSet());
        int streak = 0;
        LocalDate day = practised.contains(today) ? today : today.minusDays(1);
        for (int i = 0; i < 3660; i++, day = day.minusDays(1)) {
            if (practised.contains(day)) {
                streak++;
            } else if (!paused(day, pauses)) {
                break;
            }
        }
        return streak;
    }

    private static boolean paused(LocalDate day, List<LocalDate[]> pauses) {
        return pauses.stream().anyMatch(p -> !day.isBefore(p[0]) && day.isBefore(p[1]));
    }
}
