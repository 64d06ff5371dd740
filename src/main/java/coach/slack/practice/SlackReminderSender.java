package coach.slack.practice;

import coach.slack.Mrkdwn;
import coach.slack.Outgoing;
import coach.slack.SlackDeliveries;
import coach.slack.SlackFault;
import coach.slack.SlackJson;
import coach.slack.SlackPoster;
import coach.interview.InterviewService;
import coach.interview.Learner;
import coach.jobs.RetryLater;
import coach.practice.ReminderSender;
import coach.practice.Subscription;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * Sends reminders through the delivery path ({@link SlackDeliveries}: posted once per delivery key, found again
 * after a lost reply) and says which Slack errors are worth retrying.
 */
public final class SlackReminderSender implements ReminderSender {
    /** Errors that mean nobody can be reached this way: the subscription pauses instead of retrying forever. */
    static final Set<String> UNREACHABLE = Set.of("channel_not_found", "account_inactive", "user_not_found",
            "user_disabled", "not_authed", "invalid_auth", "token_revoked", "token_expired", "app_uninstalled",
            "team_access_not_granted", "is_archived", "not_in_channel", "cannot_dm_bot", "missing_scope");

    private final SlackPoster poster;
    private final SlackDeliveries deliveries;

    public SlackReminderSender(SlackPoster poster, SlackDeliveries deliveries) {
        this.poster = poster;
        this.deliveries = deliveries;
    }

    @Override
    public Optional<ZoneId> timeZone(Learner who) throws SendFailure {
        String tz = call(() -> poster.forTeam(who.teamId()).timeZone(who.userId()));
        try {
            return tz == null || tz.isBlank() ? Optional.empty() : Optional.of(ZoneId.of(tz));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public Posted sendDm(Subscription s, InterviewService.Asked asked, int streak, String deliveryKey) throws SendFailure {
        String channel = call(() -> poster.forTeam(s.teamId()).openDm(s.userId()));
        String ts = call(() -> deliveries.postOnce(Outgoing.message(deliveryKey, s.teamId(), s.userId(), channel, null,
                "Daily practice: " + Mrkdwn.escape(asked.asked().prompt(), 2000), SlackJson.blocks(PracticeViews.reminder(s, asked, streak)))));
        return new Posted(channel, ts);
    }

    @Override
    public Posted postInChannel(Subscription s, InterviewService.Asked asked, String deliveryKey) throws SendFailure {
        String ts = call(() -> deliveries.postOnce(Outgoing.message(deliveryKey, s.teamId(), s.userId(), s.channelId(), null,
                "Question of the day: " + Mrkdwn.escape(asked.asked().prompt(), 2000), SlackJson.blocks(PracticeViews.channelQuestion(asked)))));
        return new Posted(s.channelId(), ts);
    }

    private interface Call<T> {
        T run() throws SlackFault;
    }

    private static <T> T call(Call<T> call) throws SendFailure {
        try {
            return call.run();
        } catch (SlackFault f) {
            if (f.permanent()) {
                throw new SendFailure(UNREACHABLE.contains(f.error()) ? Kind.UNREACHABLE : Kind.TRANSIENT, f.error(), null);
            }
            if (f.kind() == SlackFault.Kind.RATE_LIMITED) {
                throw new SendFailure(Kind.RATE_LIMITED, f.error(), f.retryAfter());
            }
            throw new SendFailure(Kind.TRANSIENT, f.error(), null);
        } catch (RetryLater r) {
            // another attempt holds this delivery: try again when its lease ends
            throw new SendFailure(Kind.RATE_LIMITED, r.getMessage(), r.notBefore());
        }
    }
}
