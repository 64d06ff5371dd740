package coach.practice;

import coach.interview.Learner;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

/**
 * A practice reminder: a DM to one person, or a question of the day in a channel, at a local time on some days.
 *
 * @param status active, paused, stopped, or unreachable (Slack said the person or channel cannot be reached)
 */
public record Subscription(long id, String teamId, String userId, String kind, String channelId, LocalTime time,
                           Set<DayOfWeek> days, String stage, ZoneId zone, String status, LocalDate pausedUntil) {
    public static final String DM = "dm";
    public static final String CHANNEL = "channel";
    public static final String ACTIVE = "active";
    public static final String PAUSED = "paused";
    public static final String STOPPED = "stopped";
    public static final String UNREACHABLE = "unreachable";

    public Learner learner() {
        return new Learner(teamId, userId);
    }

    public boolean isChannel() {
        return CHANNEL.equals(kind);
    }
}
