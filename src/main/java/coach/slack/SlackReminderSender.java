package coach.slack;

import coach.interview.InterviewService;
import coach.interview.Learner;
import coach.practice.ReminderSender;
import coach.practice.Subscription;
import com.slack.api.methods.SlackApiException;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/** Sends reminders through the Web API and says which Slack errors are worth retrying. */
public final class SlackReminderSender implements ReminderSender {
    /** Errors that mean nobody can be reached this way: the subscription pauses instead of retrying forever. */
    static final Set<String> UNREACHABLE = Set.of("channel_not_found", "account_inactive", "user_not_found",
            "user_disabled", "not_authed", "invalid_auth", "token_revoked", "token_expired", "app_uninstalled",
            "team_access_not_granted", "is_archived", "not_in_channel", "cannot_dm_bot", "missing_scope");

    private final SlackPoster poster;

    public SlackReminderSender(SlackPoster poster) {
        this.poster = poster;
    }

    @Override
    public Optional<ZoneId> timeZone(Learner who) throws SendFailure {
        String tz = call(() -> poster.timeZone(who.userId()));
        try {
            return tz == null || tz.isBlank() ? Optional.empty() : Optional.of(ZoneId.of(tz));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public Posted sendDm(Subscription s, InterviewService.Asked asked, int streak) throws SendFailure {
        String channel = call(() -> poster.openDm(s.userId()));
        String ts = call(() -> poster.post(channel, null, "Daily practice: " + Mrkdwn.escape(asked.asked().prompt(), 2000),
                PracticeViews.reminder(s, asked, streak)));
        return new Posted(channel, ts);
    }

    @Override
    public Posted postInChannel(Subscription s, InterviewService.Asked asked) throws SendFailure {
        String ts = call(() -> poster.post(s.channelId(), null, "Question of the day: " + Mrkdwn.escape(asked.asked().prompt(), 2000),
                PracticeViews.channelQuestion(asked)));
        return new Posted(s.channelId(), ts);
    }

    private interface Call<T> {
        T run() throws IOException, SlackApiException, SlackPoster.SlackCallException;
    }

    private static <T> T call(Call<T> call) throws SendFailure {
        try {
            return call.run();
        } catch (SlackPoster.SlackCallException e) {
            if (UNREACHABLE.contains(e.error())) {
                throw new SendFailure(Kind.UNREACHABLE, e.error(), null);
            }
            if ("ratelimited".equals(e.error())) {
                throw new SendFailure(Kind.RATE_LIMITED, e.error(), Duration.ofSeconds(30));
            }
            throw new SendFailure(Kind.TRANSIENT, e.error(), null);
        } catch (SlackApiException e) {
            if (e.getResponse() != null && e.getResponse().code() == 429) {
                String retryAfter = e.getResponse().header("Retry-After");
                long seconds = 30;
                try {
                    seconds = retryAfter == null ? 30 : Math.max(1, Long.parseLong(retryAfter.trim()));
                } catch (NumberFormatException ignored) {
                    // keep the default
                }
                throw new SendFailure(Kind.RATE_LIMITED, "HTTP 429", Duration.ofSeconds(seconds));
            }
            throw new SendFailure(Kind.TRANSIENT, "HTTP " + (e.getResponse() == null ? "?" : e.getResponse().code()), null);
        } catch (IOException e) {
            throw new SendFailure(Kind.TRANSIENT, e.getClass().getSimpleName(), null);
        }
    }
}
