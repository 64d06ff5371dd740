package coach.slack;

import coach.comp.CompPhraser;
import coach.comp.CompService;
import coach.comp.WatchedChannels;
import coach.config.AppConfig;
import coach.practice.PracticeService;
import coach.practice.ReminderSender;
import coach.config.StageCatalog;
import coach.grading.GradingJobs;
import coach.grading.GradingService;
import coach.grading.ReportDelivery;
import coach.interview.InterviewService;
import coach.store.EventLog;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.builtin.RequestVerification;
import com.slack.api.bolt.response.Response;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the Bolt app: request verification, the listeners, and an ack for everything else. */
public final class SlackApp {
    private static final Logger log = LoggerFactory.getLogger(SlackApp.class);

    private final App app;
    private final SlackPoster poster;

    /** The parts of the Slack adapter other features plug into. */
    public record Parts(Slack slack, SlackPoster poster, ReportDelivery reports) {}

    public static Parts parts(AppConfig config, StageCatalog stages) {
        SlackConfig slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(config.slackApiUrl());
        slackConfig.setPrettyResponseLoggingEnabled(false);
        Slack slack = Slack.getInstance(slackConfig);
        SlackPoster poster = new SlackPoster(slack.methods(config.slackBotToken().orElseThrow()));
        return new Parts(slack, poster, new SlackReports(poster, stages));
    }

    /** The core services the Slack listeners call. */
    public record Services(StageCatalog stages, InterviewService interviews, GradingService grading,
                           GradingJobs gradingJobs, EventLog events, CompService comp, Optional<CompPhraser> compPhraser,
                           WatchedChannels watched, PracticeService practice, ReminderSender reminderSender) {}

    public SlackApp(AppConfig config, Parts parts, Services services, SlackWork work) {
        this.poster = parts.poster();
        String secret = config.slackSigningSecret().orElse("");
        com.slack.api.bolt.AppConfig boltConfig = com.slack.api.bolt.AppConfig.builder()
                .slack(parts.slack())
                .singleTeamBotToken(config.slackBotToken().orElseThrow())
                .signingSecret(secret.isEmpty() ? null : secret)
                // replaced below by the same middleware with a UTF-8 signature generator
                .requestVerificationEnabled(false)
                .unmatchedRequestHandler(req -> {
                    // Slack retries anything but a 2xx: an event or action we have no use for is simply acked
                    log.debug("no listener for a {} request; acked", req.getRequestType());
                    return Response.ok();
                })
                .build();
        this.app = new App(boltConfig) {
            @Override
            protected List<Middleware> buildDefaultMiddlewareList(com.slack.api.bolt.AppConfig c) {
                List<Middleware> list = super.buildDefaultMiddlewareList(c);
                if (!config.socketMode()) {
                    if (secret.isEmpty()) {
                        throw new IllegalStateException("SLACK_SIGNING_SECRET is required to serve Slack over HTTP");
                    }
                    list.add(0, new RequestVerification(new SlackSignature.Verifier(new Utf8SignatureGenerator(secret))));
                }
                list.add(0, SlackApp::neverFail);
                return list;
            }
        };
        CompHandlers compHandlers = new CompHandlers(services.comp(), services.compPhraser(), services.watched(),
                services.events(), poster, work);
        compHandlers.register(app);
        new MockHandlers(services.stages(), services.interviews(), services.grading(), services.gradingJobs(),
                services.events(), poster, work, compHandlers::onMessage, services.practice()::claimChannelQuestion).register(app);
        new PracticeHandlers(services.practice(), services.reminderSender(), work).register(app);
    }

    /**
     * Outermost middleware: a listener or built-in middleware that throws (Bolt's self-event filter calls bots.info
     * and trusts its answer) must not turn into a 5xx, which Slack would retry: log and ack.
     */
    private static Response neverFail(com.slack.api.bolt.request.Request<?> req, Response resp,
                                      com.slack.api.bolt.middleware.MiddlewareChain chain) {
        try {
            return chain.next(req);
        } catch (Exception e) {
            log.warn("a {} listener failed: {}", req.getRequestType(), e.getClass().getSimpleName(), e);
            return Response.ok();
        }
    }

    public App app() {
        return app;
    }

    public SlackPoster poster() {
        return poster;
    }
}
