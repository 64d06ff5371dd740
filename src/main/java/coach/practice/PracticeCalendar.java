package coach.practice;

import coach.interview.AnswerStamp;
import coach.interview.InterviewService;
import coach.interview.Learner;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The practice days another package may ask about: a learner's zone (their reminder's, else UTC) and current streak,
 * counted the same way as in reminders and /practice status.
 */
public final class PracticeCalendar {
    private final PracticeRepository repository;
    private final InterviewService interviews;
    private final Clock clock;

    public PracticeCalendar(PracticeRepository repository, InterviewService interviews, Clock clock) {
        this.repository = repository;
        this.interviews = interviews;
        this.clock = clock;
    }

    /** The zone of the learner's reminder (read from their Slack profile), or UTC when they have none. */
    public ZoneId zone(Learner who) {
        return repository.current(who).map(Subscription::zone).orElse(ZoneOffset.UTC);
    }

    public int streak(Learner who) {
        ZoneId zone = zone(who);
        return Streaks.current(interviews.answerStamps(who).stream().map(AnswerStamp::answeredAt).toList(),
                 repository.pauses(who), zone, LocalDate.now(clock.withZone(zone)));
    }

    /**
     * Deletes every practice row of the learner; counts by table. A reminder job still scheduled finds no
     * subscription when it runs and ends.
     */
    public Map<String, Integer> forget(Learner who) {
        return repository.forget(who);
    }
}
