package coach.jobs;

import java.time.Duration;

/**
 * Thrown by a job that failed for a passing reason (a Slack 429 or 5xx, a timeout). {@link RetryPolicy} retries it
 * no earlier than {@link #notBefore()} when the other side named a time (Retry-After), else with its own backoff. The
 * message is a reason for logs: it never quotes user text or tokens.
 */
public final class RetryLater extends RuntimeException {
    private final Duration notBefore;

    /** @param notBefore the wait the other side asked for (Retry-After), or null to use the policy's backoff */
    public RetryLater(String reason, Duration notBefore) {
        super(reason, null, false, false);
        this.notBefore = notBefore;
    }

    public Duration notBefore() {
        return notBefore;
    }

    /** The RetryLater in a chain of causes, if there is one. */
    public static RetryLater in(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof RetryLater r) {
                return r;
            }
        }
        return null;
    }
}
