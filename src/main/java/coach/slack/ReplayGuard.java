package coach.slack;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A signed request is only accepted once: a copy with the same signature (same timestamp and body) within the
 * window is answered 200 and not processed, on whichever instance it arrives. Runs after {@link SignatureFilter}
 * verified the signature, so only genuine signatures are stored; Socket Mode requests carry none and pass.
 */
final class ReplayGuard implements Middleware {
    private final SeenSignatures seen;
    private final MeterRegistry metrics;

    ReplayGuard(SeenSignatures seen, MeterRegistry metrics) {
        this.seen = seen;
        this.metrics = metrics;
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        String signature = req.getHeaders() == null ? null
                : req.getHeaders().getFirstValue(SlackSignature.HeaderNames.X_SLACK_SIGNATURE);
        if (signature == null || req.isSocketMode()) {
            return chain.next(req);
        }
        String team = req.getContext() == null ? null : req.getContext().getTeamId();
        String user = req.getContext() == null ? null : req.getContext().getRequestUserId();
        if (!seen.firstTime(signature, team, user)) {
            metrics.counter("coach.slack.rejected", "reason", "replay").increment();
            return Response.ok();
        }
        return chain.next(req);
    }
}
