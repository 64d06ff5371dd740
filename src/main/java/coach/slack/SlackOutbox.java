package coach.slack;

import coach.interview.InterviewService;
import coach.interview.Learner;
import coach.jobs.Jobs;
import coach.jobs.RetryLater;
import coach.jobs.RetryPolicy;
import coach.store.Durability;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way the app sends to Slack after an ack: each {@link Outgoing} is a persistent db-scheduler job, so it
 * survives a crash; a 429 is retried after Slack's Retry-After and a 5xx or timeout with backoff (the retry time is
 * in the job's row); posts are idempotent ({@link SlackDeliveries}). Errors that retrying cannot fix (not_in_channel)
 * end it at once; a question that cannot be posted is reported to the user through the command's response_url.
 */
public final class SlackOutbox {
    private static final Logger log = LoggerFactory.getLogger(SlackOutbox.class);
    public static final TaskDescriptor<Outgoing> SEND = TaskDescriptor.of("slack-send", Outgoing.class);
    public static final int MAX_ATTEMPTS = 6;

    private final SlackDeliveries deliveries;
    private final SlackPoster poster;
    private final InterviewService interviews;
    private final Clock clock;
    private final OneTimeTask<Outgoing> task;
    private final Jobs jobs;

    private final Durability durability;

    /** @param durability waited for before a reply or modal goes out, as {@link SlackDeliveries} does before a post */
    public SlackOutbox(SlackDeliveries deliveries, SlackPoster poster, InterviewService interviews, Clock clock, Jobs jobs,
                       Durability durability) {
        this.jobs = jobs;
        this.durability = durability;
        this.deliveries = deliveries;
        this.poster = poster;
        this.interviews = interviews;
        this.clock = clock;
        this.task = Tasks.oneTime(SEND)
                .onFailure(new RetryPolicy<>(MAX_ATTEMPTS, Duration.ofSeconds(2), Duration.ofMinutes(1),
                        (o, failure) -> gaveUp(o, failure instanceof RetryLater r ? r.getMessage() : "repeated failures")))
                .execute((instance, ctx) -> {
                    try {
                        run(instance.getData());
                    } catch (RetryLater e) {
                        throw e;
                    } catch (RuntimeException e) {
                        // the class only: a database error's message can quote bound values (the text being sent)
                        throw new IllegalStateException(instance.getId() + " failed: " + e.getClass().getSimpleName());
                    }
                });
    }

    public OneTimeTask<Outgoing> task() {
        return task;
    }

    /** Queues it (in the caller's transaction, if any); the same delivery id queued twice is sent once. */
    public void send(Outgoing o) {
        jobs.scheduleIfNotExists(SEND.instance(o.id()).data(o).scheduledTo(clock.instant()));
    }

    public void run(Outgoing o) {
        if (o.notAfter() != null && clock.instant().isAfter(o.notAfter())) {
            log.info("{} dropped: its moment has passed", o.id());
            return;
        }
        try {
            switch (o.kind()) {
                case MESSAGE, PRIVATE -> {
                    // which message holds the question is recorded in the same commit as the post itself
                    deliveries.postOnce(o, ts -> {
                        if (o.askedId() != null && ts != null) {
                            interviews.attachMessage(new Learner(o.teamId(), o.userId()), o.askedId(), o.channel(), ts);
                        }
                    });
                }
                case RESPONSE -> {
                    durability.await();
                    poster.respond(o.responseUrl(), o.text(), o.replaceOriginal());
                }
                case MODAL -> {
                    durability.await();
                    poster.forTeam(o.teamId()).openModal(o.triggerId(), o.blocksJson());
                }
            }
        } catch (SlackFault f) {
            if (f.permanent()) {
                log.info("{} not delivered: {}", o.id(), f.error());
                gaveUp(o, f.error());
                return;
            }
            throw new RetryLater(f.getMessage(), f.retryAfter());
        }
    }

    private void gaveUp(Outgoing o, String reason) {
        if (o.notifyUrl() == null) {
            log.warn("{} given up ({})", o.id(), reason);
            return;
        }
        send(Outgoing.response(o.id() + ":not-posted", o.teamId(), o.userId(), o.notifyUrl(), cannotPost(reason), false));
    }

    public static String cannotPost(String reason) {
        if (reason != null && (reason.contains("not_in_channel") || reason.contains("channel_not_found"))) {
            return "I can't post in this channel. Invite me with `/invite @Interview Coach`, or run `/mock` in a DM with me.";
        }
        return "I couldn't post your question: Slack kept refusing it (" + Mrkdwn.escape(reason, 80)
                + "). Try `/mock` again in a minute, or run it in a DM with me.";
    }
}
