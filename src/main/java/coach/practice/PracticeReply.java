package coach.practice;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * What /practice answers, as data: the Slack adapter renders it as mrkdwn. No formatting here; a moment carries the
 * user's zone and their "today", so a renderer can say "tomorrow at 09:00".
 */
public sealed interface PracticeReply {
    /** The commands, with examples. */
    record Help() implements PracticeReply {}

    /** The command could not be read; {@code message} says why (the grammar's words, commands in backticks). */
    record Invalid(String message) implements PracticeReply {}

    /** A channel question of the day was asked for outside a channel. */
    record NeedsChannel() implements PracticeReply {}

    /** Reminders set up (replacing any earlier ones); {@code first} is when the first one comes. */
    record Subscribed(Plan plan, Moment first) implements PracticeReply {}

    /** The learner's schedule (none when empty) and streak. */
    record Status(Optional<Plan> plan, State state, int streak) implements PracticeReply {}

    record Paused(LocalDate until) implements PracticeReply {}

    record Resumed(Moment next) implements PracticeReply {}

    record Stopped() implements PracticeReply {}

    /** Pause, resume or stop with no daily practice set up. */
    record NothingToChange(Change change) implements PracticeReply {}

    /** Another reminder comes {@code at} then; or, when empty, the regular one comes tomorrow at {@code regularTime} anyway. */
    record Snoozed(Optional<Moment> at, LocalTime regularTime) implements PracticeReply {}

    /** A snooze button of someone else's reminder. */
    record NotYours() implements PracticeReply {}

    enum Change { PAUSE, RESUME, STOP }

    /** A schedule as the user set it: {@code stage} is a stage id or {@link PracticeCommand#MIX}. */
    record Plan(boolean channel, LocalTime time, Set<DayOfWeek> days, ZoneId zone, String stage) {
        static Plan of(Subscription s) {
            return new Plan(Subscription.CHANNEL.equals(s.kind()), s.time(), s.days(), s.zone(), s.stage());
        }

        public boolean mix() {
            return stage.equals(PracticeCommand.MIX);
        }
    }

    /** A moment in the user's zone, with the user's today (for "today", "tomorrow" or the weekday and date). */
    record Moment(Instant at, ZoneId zone, LocalDate today) {}

    /** Where a schedule stands: the next reminder, paused until a date, stopped because Slack cannot reach them; none without one. */
    sealed interface State {
        record Next(Moment at) implements State {}

        record PausedUntil(LocalDate until) implements State {}

        record Unreachable() implements State {}

        record None() implements State {}
    }
}
