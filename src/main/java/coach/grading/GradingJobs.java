package coach.grading;

import coach.jobs.RetryLater;
import coach.jobs.RetryPolicy;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grading as persistent db-scheduler jobs: an answer is stored, then a job grades it and delivers the report.
 * A restart loses nothing (the job is in the database), and a retried job neither grades twice nor reports twice.
 */
public final class GradingJobs {
    private static final Logger log = LoggerFactory.getLogger(GradingJobs.class);
    static final int MAX_ATTEMPTS = 6;
    public static final TaskDescriptor<Long> GRADE_ANSWER = TaskDescriptor.of("grade-answer", Long.class);

    private final GradingService grading;
    private final ReportDelivery delivery;
    private final Clock clock;
    private final Duration orderWait;
    private final ConcurrentHashMap<String, Object> userLocks = new ConcurrentHashMap<>();
    private final CustomTask<Long> task;
    private final SchedulerClient scheduler;

    /**
     * @param orderWait how long a report waits for a report of the same user's earlier answer
     * @param scheduler where {@link #enqueue} stores the job (the scheduler running {@link #task()} picks it up)
     */
    public GradingJobs(GradingService grading, ReportDelivery delivery, Clock clock, Duration orderWait,
                       SchedulerClient scheduler) {
        this.grading = grading;
        this.scheduler = scheduler;
        this.delivery = delivery;
        this.clock = clock;
        this.orderWait = orderWait;
        // a failed delivery waits as long as Slack asked (Retry-After), other failures back off; the retry time is in
        // the job's row, so it survives restarts
        this.task = Tasks.custom(GRADE_ANSWER)
                .onFailure(new RetryPolicy<>(MAX_ATTEMPTS, Duration.ofSeconds(5), Duration.ofMinutes(5), (id, e) -> gaveUp(id)))
                .execute((instance, ctx) -> {
                    Optional<Instant> again;
                    try {
                        again = run(instance.getData());
                    } catch (RetryLater e) {
                        throw e;
                    } catch (RuntimeException e) {
                        // db-scheduler logs the failure: give it no message that could quote the answer
                        throw new IllegalStateException("grading answer " + instance.getData() + " failed: "
                                + e.getClass().getSimpleName());
                    }
                    return again.<CompletionHandler<Long>>map(at -> (complete, ops) -> ops.reschedule(complete, at))
                            .orElseGet(CompletionHandler.OnCompleteRemove::new);
                });
    }

    public CustomTask<Long> task() {
        return task;
    }

    /** Queues grading of a stored answer (idempotent: one job per answer). */
    public void enqueue(long answerId) {
        scheduler.scheduleIfNotExists(GRADE_ANSWER.instance(String.valueOf(answerId)).data(answerId).scheduledTo(clock.instant()));
    }

    /** The answer stays stored; the user hears that it could not be graded instead of waiting forever. */
    void gaveUp(long answerId) {
        log.error("grading answer {} failed {} times; giving up and telling the user", answerId, MAX_ATTEMPTS);
        try {
            grading.answerAndQuestion(answerId).ifPresent(aq -> {
                try {
                    delivery.gradingFailed(aq.answer(), aq.asked());
                } catch (Exception e) {
                    log.warn("could not tell the user about answer {}: {}", answerId, e.getClass().getSimpleName());
                }
            });
        } catch (RuntimeException e) {
            log.warn("could not tell the user about answer {}: {}", answerId, e.getClass().getSimpleName());
        }
    }

    /** Grades and reports; returns when to look again if a report is waiting for an earlier one. */
    Optional<Instant> run(long answerId) {
        if (grading.answerAndQuestion(answerId).isEmpty()) {
            // the learner deleted their data (forget-me) while this job waited: nothing to grade, nothing to report
            log.info("answer {} no longer exists; its grading job ends", answerId);
            return Optional.empty();
        }
        GradedAnswer graded = grading.gradeOnce(answerId);
        log.info("graded answer {} ({}): {}/100", answerId, graded.grade().grader(), graded.grade().overall());
        return deliverInOrder(graded.answer().teamId(), graded.answer().userId());
    }

    /**
     * Sends this user's finished reports oldest first. Gradings run in parallel, so a later answer may be graded
     * first: its report then waits until the earlier one is graded (that job sends both), but never longer than
     * {@code orderWait} after the earlier answer: this job comes back then (the returned time) and sends what is
     * ready, so a stuck earlier answer holds nothing back for long. The lock keeps two jobs of one user from sending
     * the same report twice within this instance; the reported_at mark and the idempotent delivery cover the rest.
     */
    private Optional<Instant> deliverInOrder(String teamId, String userId) {
        synchronized (userLocks.computeIfAbsent(teamId + "/" + userId, k -> new Object())) {
            for (GradeRepository.Pending pending : grading.unreported(teamId, userId)) {
                if (!pending.graded()) {
                    Instant waitEnds = pending.answeredAt().plus(orderWait);
                    if (waitEnds.isAfter(clock.instant())) {
                        return Optional.of(waitEnds); // its own job will deliver it, then the ones after it
                    }
                    continue;
                }
                GradedAnswer next = grading.gradeOnce(pending.answerId());
                try {
                    delivery.deliver(next);
                } catch (RetryLater e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    // delivery errors carry the channel's error code (e.g. not_in_channel), never the report's text
                    throw new IllegalStateException("report delivery failed: " + e.getMessage());
                }
                grading.markReported(next);
            }
            return Optional.empty();
        }
    }
}
