package coach.grading;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grading as persistent db-scheduler jobs: an answer is stored, then a job grades it and delivers the report.
 * A restart loses nothing (the job is in the database), and a retried job neither grades twice nor reports twice.
 */
public final class GradingJobs {
    private static final Logger log = LoggerFactory.getLogger(GradingJobs.class);
    public static final TaskDescriptor<Long> GRADE_ANSWER = TaskDescriptor.of("grade-answer", Long.class);

    private final GradingService grading;
    private final ReportDelivery delivery;
    private final Clock clock;
    private final OneTimeTask<Long> task;
    private Supplier<SchedulerClient> scheduler = () -> {
        throw new IllegalStateException("scheduler not started");
    };

    public GradingJobs(GradingService grading, ReportDelivery delivery, Clock clock) {
        this.grading = grading;
        this.delivery = delivery;
        this.clock = clock;
        this.task = Tasks.oneTime(GRADE_ANSWER)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(6,
                        new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(5), 2.0)))
                .execute((instance, ctx) -> run(instance.getData()));
    }

    public OneTimeTask<Long> task() {
        return task;
    }

    public void bind(Supplier<SchedulerClient> schedulerClient) {
        this.scheduler = schedulerClient;
    }

    /** Queues grading of a stored answer (idempotent: one job per answer). */
    public void enqueue(long answerId) {
        scheduler.get().scheduleIfNotExists(GRADE_ANSWER.instance(String.valueOf(answerId)).data(answerId).scheduledTo(clock.instant()));
    }

    void run(long answerId) {
        GradedAnswer graded = grading.gradeOnce(answerId);
        if (grading.isReported(answerId)) {
            return;
        }
        try {
            delivery.deliver(graded);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("report delivery failed: " + e.getMessage(), e);
        }
        grading.markReported(graded);
        log.info("graded answer {} ({}): {}/100", answerId, graded.grade().grader(), graded.grade().overall());
    }
}
