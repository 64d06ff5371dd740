package coach.practice;

import coach.interview.InterviewService;
import coach.interview.Learner;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/** How reminders reach people (the Slack adapter implements it); failures say whether to retry. */
public interface ReminderSender {

    /** The person's current time zone from their profile; empty when it is not known. */
    Optional<ZoneId> timeZone(Learner who) throws SendFailure;

    /**
     * DMs a practice question; returns where it was posted (its thread takes the answer). {@code deliveryKey} is the
     * same for every attempt at one reminder: a reminder already posted by an earlier attempt is not posted again.
     */
    Posted sendDm(Subscription subscription, InterviewService.Asked asked, int streak, String deliveryKey) throws SendFailure;

    /** Posts a channel's question of the day, once per {@code deliveryKey}. */
    Posted postInChannel(Subscription subscription, InterviewService.Asked asked, String deliveryKey) throws SendFailure;

    record Posted(String channelId, String ts) {}

    enum Kind {
        /** The person or channel cannot be reached (deactivated, channel gone, app uninstalled): stop trying. */
        UNREACHABLE,
        /** Slack asked us to slow down: try again after {@link SendFailure#retryAfter()}. */
        RATE_LIMITED,
        /** Anything else: retry with backoff, a bounded number of times. */
        TRANSIENT
    }

    final class SendFailure extends Exception {
        private final Kind kind;
        private final Duration retryAfter;

        public SendFailure(Kind kind, String message, Duration retryAfter) {
            super(message);
            this.kind = kind;
            this.retryAfter = retryAfter;
        }

        public Kind kind() {
            return kind;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }
}
