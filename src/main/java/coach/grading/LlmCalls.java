package coach.grading;

import coach.llm.RetryAfterHttpClient.RetryAfterException;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LLM grader's calls: a call the endpoint refuses for now (429, 5xx) is tried again after the wait it names in
 * Retry-After, or a short backoff, as long as the wait ends within the grading's time; and why a call failed, said
 * in words a candidate understands (never an exception's class name).
 */
public final class LlmCalls {
    private static final Logger log = LoggerFactory.getLogger(LlmCalls.class);
    /** Calls per LLM request when the endpoint refuses (429, 5xx): the first and up to two retries. */
    static final int CALL_ATTEMPTS = 3;
    /** The wait before a retry when the endpoint names none. */
    static final Duration BACKOFF = Duration.ofSeconds(1);

    /** How a retry waits (tests record the waits instead of sleeping). */
    @FunctionalInterface
    public interface Sleeper {
        Sleeper REAL = d -> Thread.sleep(d.toMillis());

        void sleep(Duration d) throws InterruptedException;
    }

    /** The endpoint asked for a wait that does not fit in the grading's time. */
    static final class WaitTooLong extends RuntimeException {
        final Duration wait;

        WaitTooLong(Duration wait) {
            super(null, null, false, false);
            this.wait = wait;
        }
    }

    private final ChatModel model;
    private final Duration timeout;
    private final Clock clock;
    private final Sleeper sleeper;

    /** @param timeout how long a grading may spend on the LLM, Retry-After waits included */
    LlmCalls(ChatModel model, Duration timeout, Clock clock, Sleeper sleeper) {
        this.model = model;
        this.timeout = timeout;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    Instant deadline() {
        return clock.instant().plus(timeout);
    }

    /** One chat call, retried while the endpoint refuses it for now and the wait fits before {@code deadline}. */
    ChatResponse chat(ChatRequest request, Instant deadline) {
        return chat(request, deadline, retryAfter -> { });
    }

    /** As above; {@code onRefused} hears of every 429/5xx with the wait it asked for (null if none), to adapt the load. */
    ChatResponse chat(ChatRequest request, Instant deadline, java.util.function.Consumer<Duration> onRefused) {
        for (int attempt = 1; ; attempt++) {
            try {
                return model.chat(request);
            } catch (RateLimitException | InternalServerException e) {
                onRefused.accept(RetryAfterException.in(e));
                if (attempt >= CALL_ATTEMPTS) {
                    throw e;
                }
                Duration asked = RetryAfterException.in(e);
                Duration wait = asked != null ? asked : BACKOFF.multipliedBy(attempt);
                if (clock.instant().plus(wait).isAfter(deadline)) {
                    if (asked != null) {
                        throw new WaitTooLong(wait);
                    }
                    throw e; // no time left for our own backoff: the failure itself is the reason
                }
                log.info("LLM refused the call ({}); retrying in {} ms{}", e instanceof RateLimitException
                        ? "rate-limited" : "server error", wait.toMillis(), asked != null ? " as its Retry-After asks" : "");
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Why an LLM call failed, in words. */
    String reason(Throwable e) {
        if (e instanceof WaitTooLong w) {
            return "the LLM asked to wait " + Math.max(1, w.wait.toSeconds()) + " s before trying again, longer than the "
                    + timeout.toSeconds() + " s a grading may take";
        }
        if (e instanceof RateLimitException) return "the LLM was rate-limited and did not recover in time";
        if (e instanceof AuthenticationException) return "the LLM service refused the API key";
        if (e instanceof ModelNotFoundException) return "the LLM model was not found";
        if (isTimeout(e)) return "the LLM did not answer within " + timeout.toSeconds() + " s";
        if (causedBy(e, com.fasterxml.jackson.core.JacksonException.class)) return "the LLM's reply was not JSON";
        HttpException http = cause(e, HttpException.class);
        if (http != null) return "the LLM grader could not be reached (the service answered HTTP " + http.statusCode() + ")";
        if (e instanceof InternalServerException) return "the LLM service had an internal error";
        if (causedBy(e, java.io.IOException.class)) return "the LLM grader could not be reached (network error)";
        return "the LLM call failed unexpectedly";
    }

    private static boolean isTimeout(Throwable e) {
        return e instanceof TimeoutException || causedBy(e, java.net.http.HttpTimeoutException.class)
                || causedBy(e, java.net.SocketTimeoutException.class) || causedBy(e, java.util.concurrent.TimeoutException.class);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        return cause(e, type) != null;
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (type.isInstance(c)) return type.cast(c);
        }
        return null;
    }
}
