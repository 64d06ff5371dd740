package coach.jobs;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a failed db-scheduler job is retried: the retry time is written to the job's row (so it survives restarts),
 * honouring the wait the other side asked for ({@link RetryLater#notBefore()}, e.g. Slack's Retry-After) and otherwise
 * backing off exponentially; after {@code maxAttempts} the job is removed and {@code giveUp} is told.
 */
public final class RetryPolicy<T> implements FailureHandler<T> {
    private static final Logger log = LoggerFactory.getLogger(RetryPolicy.class);

    /** Called once when a job gives up, with its data and the last failure. */
    @FunctionalInterface
    public interface GiveUp<T> {
        void giveUp(T data, Throwable lastFailure);
    }

    private final int maxAttempts;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final GiveUp<T> giveUp;

    public RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxBackoff, GiveUp<T> giveUp) {
        this.maxAttempts = maxAttempts;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.giveUp = giveUp;
    }

    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<T> ops) {
        int failures = complete.getExecution().consecutiveFailures + 1;
        Throwable cause = complete.getCause().orElse(null);
        @SuppressWarnings("unchecked")
        T data = (T) complete.getExecution().taskInstance.getData();
        String task = complete.getExecution().taskInstance.getTaskAndInstance();
        if (failures >= maxAttempts) {
            log.warn("{} failed {} times ({}); giving up", task, failures, reason(cause));
            ops.stop();
            try {
                giveUp.giveUp(data, cause);
            } catch (RuntimeException e) {
                log.warn("{}: giving up failed too: {}", task, e.getClass().getSimpleName());
            }
            return;
        }
        Instant next = nextAttempt(complete.getTimeDone(), failures, cause);
        log.info("{} failed ({}); attempt {} of {} at {}", task, reason(cause), failures + 1, maxAttempts, next);
        ops.reschedule(complete, next);
    }

    /** When to try again after the {@code failures}-th failure ending at {@code failedAt}. */
    public Instant nextAttempt(Instant failedAt, int failures, Throwable cause) {
        Duration backoff = firstBackoff.multipliedBy(1L << Math.min(failures - 1, 20));
        if (backoff.compareTo(maxBackoff) > 0) {
            backoff = maxBackoff;
        }
        RetryLater retry = RetryLater.in(cause);
        if (retry != null && retry.notBefore() != null) {
            backoff = retry.notBefore(); // the other side said when: neither sooner (refused again) nor later
        }
        return failedAt.plus(backoff);
    }

    private static String reason(Throwable cause) {
        if (cause == null) return "unknown";
        RetryLater retry = RetryLater.in(cause);
        return retry != null ? retry.getMessage() : cause.getClass().getSimpleName();
    }
}
