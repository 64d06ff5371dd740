package coach.slack;

import coach.config.AppConfig;
import coach.install.SlackInstall;
import coach.interview.InterviewService;
import coach.jobs.Jobs;
import coach.store.Database;
import coach.store.Durability;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.response.Response;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the Bolt app: the listeners, replay protection, and an ack for everything else. */
public final class SlackApp {
    private static final Logger log = LoggerFactory.getLogger(SlackApp.class);

    private final App app;

    /**
     * The parts of the Slack adapter other features plug into.
     *
     * @param install present in multi-workspace mode (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, COACH_TOKEN_KEY)
     */
    public record Parts(Slack slack, SlackOutbox outbox, SlackCommands commands, SlackPoster poster,
                        SlackDeliveries deliveries, Optional<SlackInstall> install, Durability durability) {}

    /**
     * @param timeout how long one Web API call may take; an attempt holds its delivery for twice that, so a second
     *                attempt never overlaps a first one that is still waiting for Slack
     */
    public static Parts parts(AppConfig config, Database database, InterviewService interviews, Jobs jobs, Clock clock,
                              Duration timeout) {
        SlackConfig slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(config.slackApiUrl());
        slackConfig.setPrettyResponseLoggingEnabled(false);
        int millis = (int) timeout.toMillis();
        slackConfig.setHttpClientReadTimeoutMillis(millis);
        slackConfig.setHttpClientWriteTimeoutMillis(millis);
        slackConfig.setHttpClientCallTimeoutMillis(millis);
        Slack slack = Slack.getInstance(slackConfig);
        // multi-workspace: a wrong COACH_TOKEN_KEY stops start-up here; every post after an ack carries the token of
        // the workspace its job belongs to (Outgoing.teamId), read from the installation store
        Optional<SlackInstall> install = config.slackOAuth().map(o -> SlackInstall.open(o, database.jdbi(), clock));
        SlackPoster poster = install.isPresent()
                ? new SlackPoster(slack, install.get()::botToken)
                : new SlackPoster(slack, slack.methods(config.slackBotToken().orElseThrow()));
        Durability durability = database.durability();
        SlackDeliveries deliveries = new SlackDeliveries(poster, new DeliveryLog(database.jdbi(), clock), clock,
                timeout.multipliedBy(2), durability);
        return new Parts(slack, new SlackOutbox(deliveries, poster, interviews, clock, jobs, durability),
                new SlackCommands(clock, jobs), poster, deliveries, install, durability);
    }

    /**
     * The Bolt app with the shared middleware (ack timing, no 5xx, replay protection) and the install flow; each
     * surface (slack.mock, slack.comp, slack.practice, slack.progress) registers its listeners on {@link #app()}.
     */
    public SlackApp(AppConfig config, Parts parts, SeenSignatures seen, MeterRegistry metrics) {
        com.slack.api.bolt.AppConfig.AppConfigBuilder builder = com.slack.api.bolt.AppConfig.builder();
        if (parts.install().isPresent()) {
            parts.install().get().configure(builder);
        } else {
            // Bolt's builder reads SLACK_CLIENT_ID/SECRET from the process environment by default: single-workspace
            // mode must not turn into Bolt's multi-workspace mode because of them
            builder.singleTeamBotToken(config.slackBotToken().orElseThrow()).clientId(null).clientSecret(null);
        }
        com.slack.api.bolt.AppConfig boltConfig = builder
                .slack(parts.slack())
                // SignatureFilter checks every HTTP request before Bolt reads it; Socket Mode needs no signature
                .requestVerificationEnabled(false)
                .unmatchedRequestHandler(req -> {
                    // Slack retries anything but a 2xx: an event or action we have no use for is simply acked
                    log.debug("no listener for a {} request; acked", req.getRequestType());
                    return Response.ok();
                })
                .build();
        ReplayGuard replays = new ReplayGuard(seen, metrics);
        AckTimer ackTimer = new AckTimer(metrics);
        Middleware durableAck = durableAck(parts.durability());
        this.app = new App(boltConfig) {
            @Override
            protected List<Middleware> buildDefaultMiddlewareList(com.slack.api.bolt.AppConfig c) {
                List<Middleware> list = super.buildDefaultMiddlewareList(c);
                list.add(0, replays);
                list.add(0, durableAck);
                list.add(0, SlackApp::neverFail);
                list.add(0, ackTimer);
                return list;
            }
        };
        parts.install().ifPresent(install -> install.register(app));
    }

    /**
     * An ack means stored: what the request committed (the seen signature, what the user sent and the jobs that carry
     * on from it) is on disk before the ack leaves. Inside {@link #neverFail}, so a failed write is answered as one.
     */
    private static Middleware durableAck(Durability durability) {
        return (req, resp, chain) -> {
            Response response = chain.next(req);
            durability.await();
            return response;
        };
    }

    /**
     * Slack signs the UTF-8 bytes of a request, and Slack's signature check (used by {@link SignatureFilter}) hashes
     * strings in the JVM's default charset: on any other default, every request with non-ASCII text would be refused.
     */
    public static void requireUtf8(Charset defaultCharset) {
        if (!StandardCharsets.UTF_8.equals(defaultCharset)) {
            throw new IllegalStateException("the JVM's default charset is " + defaultCharset + ", and Slack's signature "
                    + "check needs UTF-8: start Java with -Dfile.encoding=UTF-8 (as the README's command does)");
        }
    }

    /**
     * Outermost middleware. A listener or built-in middleware that throws (Bolt's self-event filter calls bots.info
     * and trusts its answer) must not turn into a 5xx, which Slack would retry: log and ack. Except when the database
     * could not store what the user sent: an ack would claim it was kept, so an event gets a 503 (Slack delivers it
     * again) and a command an honest "not saved, try again".
     */
    private static Response neverFail(com.slack.api.bolt.request.Request<?> req, Response resp,
                                      com.slack.api.bolt.middleware.MiddlewareChain chain) {
        try {
            return chain.next(req);
        } catch (Exception e) {
            log.warn("a {} listener failed: {}", req.getRequestType(), e.getClass().getSimpleName());
            if (!isStorageFailure(e)) {
                return Response.ok();
            }
            if (req.getRequestType() == com.slack.api.bolt.request.RequestType.Command) {
                return Response.json(200, java.util.Map.of("response_type", "ephemeral",
                        "text", "I could not save that just now. Nothing was kept; please try again in a moment."));
            }
            return Response.builder().statusCode(503).contentType("text/plain").body("Could not store the request").build();
        }
    }

    private static boolean isStorageFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException || t instanceof org.jdbi.v3.core.JdbiException) {
                return true;
            }
        }
        return false;
    }

    public App app() {
        return app;
    }
}
