package coach.slack;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Outermost middleware: how long the app takes to ack each request (Slack allows 3 s), as a histogram per command
 * ({@code coach_slack_ack_seconds{command="/mock"}}); requests that are not slash commands are tagged with their
 * kind ({@code event}, {@code action}, {@code view_submission}, …). Works the same over HTTP and Socket Mode.
 */
final class AckTimer implements Middleware {
    private static final Pattern COMMAND = Pattern.compile("/[a-z0-9_-]{1,32}");
    private final MeterRegistry metrics;

    AckTimer(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        long started = System.nanoTime();
        try {
            return chain.next(req);
        } finally {
            Timer.builder("coach.slack.ack").description("time from receiving a Slack request to its ack")
                    .tag("command", command(req))
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(5))
                    .register(metrics).record(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static String command(Request<?> req) {
        if (req instanceof SlashCommandRequest c && c.getPayload() != null && c.getPayload().getCommand() != null) {
            String name = c.getPayload().getCommand().toLowerCase(Locale.ROOT);
            return COMMAND.matcher(name).matches() ? name : "other";
        }
        RequestType type = req.getRequestType();
        if (type == null) return "other";
        return switch (type) {
            case Event -> "event";
            case BlockAction, AttachmentAction, DialogSubmission, DialogCancellation, DialogSuggestion,
                 BlockSuggestion, WorkflowStepEdit, WorkflowStepSave -> "action";
            case ViewSubmission -> "view_submission";
            case ViewClosed -> "view_closed";
            case GlobalShortcut, MessageShortcut -> "shortcut";
            default -> type.name().toLowerCase(Locale.ROOT);
        };
    }
}
