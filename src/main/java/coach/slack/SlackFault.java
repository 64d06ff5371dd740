package coach.slack;

import com.slack.api.methods.SlackApiException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;

/**
 * A Web API (or response_url) call that did not succeed, classified once for every caller: whether trying again
 * can help, when (Slack's Retry-After), and whether the call may nevertheless have taken effect (a timeout or a 5xx
 * after Slack received the request), which decides whether a post must be looked for before it is sent again.
 */
public final class SlackFault extends Exception {
    public enum Kind { RATE_LIMITED, TRANSIENT, PERMANENT }

    /** ok=false errors that are Slack's own trouble, not the request's: worth another try. */
    private static final Set<String> TRANSIENT_ERRORS = Set.of("internal_error", "fatal_error", "service_unavailable",
            "request_timeout", "team_added_to_org");
    /** Of those, the ones after which Slack may have done part of the work (its docs say so for fatal_error). */
    private static final Set<String> MAY_HAVE_TAKEN_EFFECT = Set.of("internal_error", "fatal_error");
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);

    private final Kind kind;
    private final String error;
    private final Duration retryAfter;
    private final boolean mayHaveTakenEffect;

    public SlackFault(Kind kind, String method, String error, Duration retryAfter, boolean mayHaveTakenEffect) {
        super(method + ": " + error, null, false, false);
        this.kind = kind;
        this.error = error;
        this.retryAfter = retryAfter;
        this.mayHaveTakenEffect = mayHaveTakenEffect;
    }

    /** Slack answered ok=false with this error code. */
    public static SlackFault ofError(String method, String error) {
        String code = error == null ? "unknown_error" : error;
        if ("ratelimited".equals(code)) {
            return new SlackFault(Kind.RATE_LIMITED, method, code, DEFAULT_RETRY_AFTER, false);
        }
        if (TRANSIENT_ERRORS.contains(code)) {
            return new SlackFault(Kind.TRANSIENT, method, code, null, MAY_HAVE_TAKEN_EFFECT.contains(code));
        }
        return new SlackFault(Kind.PERMANENT, method, code, null, false);
    }

    /** The call failed at the HTTP level: a status that is not 200, a timeout, a broken connection. */
    public static SlackFault ofException(String method, Exception e) {
        if (e instanceof SlackApiException api && api.getResponse() != null) {
            return ofStatus(method, api.getResponse().code(), api.getResponse().header("Retry-After"));
        }
        if (e instanceof ConnectException || e instanceof UnknownHostException) {
            return new SlackFault(Kind.TRANSIENT, method, e.getClass().getSimpleName(), null, false);
        }
        if (e instanceof IOException) {
            // a read timeout or a dropped connection: Slack may well have posted before the reply was lost
            return new SlackFault(Kind.TRANSIENT, method, e.getClass().getSimpleName(), null, true);
        }
        return new SlackFault(Kind.TRANSIENT, method, e.getClass().getSimpleName(), null, true);
    }

    public static SlackFault ofStatus(String method, int status, String retryAfterHeader) {
        if (status == 429) {
            return new SlackFault(Kind.RATE_LIMITED, method, "HTTP 429", parseRetryAfter(retryAfterHeader), false);
        }
        if (status >= 500) {
            return new SlackFault(Kind.TRANSIENT, method, "HTTP " + status, null, true);
        }
        return new SlackFault(Kind.PERMANENT, method, "HTTP " + status, null, false);
    }

    /** Retry-After in seconds (Slack sends seconds); a missing or odd value means Slack's usual 30 s. */
    public static Duration parseRetryAfter(String header) {
        if (header == null) {
            return DEFAULT_RETRY_AFTER;
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return seconds < 0 ? DEFAULT_RETRY_AFTER : Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            return DEFAULT_RETRY_AFTER;
        }
    }

    public Kind kind() {
        return kind;
    }

    public boolean permanent() {
        return kind == Kind.PERMANENT;
    }

    /** Slack's error code (not_in_channel, ratelimited) or "HTTP 503" / an exception class: never message text. */
    public String error() {
        return error;
    }

    /** How long Slack asked us to wait, or null when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public boolean mayHaveTakenEffect() {
        return mayHaveTakenEffect;
    }
}
