package coach;

import coach.comp.CompPhraser;
import coach.slack.comp.CompHandlers;
import coach.slack.comp.WatchedChannels;
import coach.slack.mock.MockHandlers;
import coach.slack.mock.SlackReports;
import coach.slack.practice.PracticeHandlers;
import coach.slack.practice.SlackReminderSender;
import coach.slack.progress.ProgressHandlers;
import coach.config.AppConfig;
import coach.config.CoachSettings;
import coach.grading.GradingJobs;
import coach.install.SlackInstall;
import coach.jobs.JobMetrics;
import coach.jobs.Jobs;
import coach.practice.PracticeJobs;
import coach.practice.PracticeRepository;
import coach.practice.PracticeService;
import coach.practice.ReminderService;
import coach.slack.SignatureFilter;
import coach.slack.SlackApp;
import coach.slack.SlackCheck;
import coach.slack.SlackCommands;
import coach.slack.SlackOutbox;
import coach.slack.Utf8SlackAppServlet;
import coach.slack.EventLog;
import coach.slack.SeenSignatures;
import coach.web.HttpServer;
import coach.web.OpsMetrics;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack side of {@link App}, built in one pass: the job client first (it needs only the kinds of job), then the
 * Slack adapter and the services that schedule jobs through it, then the scheduler that runs those jobs and the HTTP
 * server. {@link #start} starts them in order; {@link #close()} stops them in reverse.
 */
final class SlackWiring implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SlackWiring.class);
    /** Every kind of persistent job: what the job client schedules and reads back. */
    private static final List<com.github.kagkarlsson.scheduler.task.TaskDescriptor<?>> JOB_KINDS = List.of(
            GradingJobs.GRADE_ANSWER, PracticeJobs.REMINDER, PracticeJobs.SNOOZE, SlackOutbox.SEND, SlackCommands.RUN);

    private final App.Components core;
    private final Scheduler scheduler;
    private final GradingJobs gradingJobs;
    private final SlackApp slack;
    private final Optional<SocketModeApp> socket;
    private final HttpServer http;
    private final List<AutoCloseable> started = new ArrayList<>();
    private volatile boolean serving;

    SlackWiring(App.Components core, CoachSettings settings, Optional<CompPhraser> compPhraser,
                PracticeRepository practiceRepository, Clock clock) {
        AppConfig config = core.config();
        if (!config.socketMode()) {
            SlackApp.requireUtf8(Charset.defaultCharset());
            if (config.slackSigningSecret().isEmpty()) {
                throw new IllegalStateException("SLACK_SIGNING_SECRET is required to serve Slack over HTTP");
            }
        }
        this.core = core;
        var database = core.database();
        // the client needs only the kinds of job; after a commit it wakes the scheduler built below (a no-op until
        // start() has started it: a job scheduled before then runs at the scheduler's first poll)
        Jobs jobs = new Jobs(database, JOB_KINDS, this::wakeScheduler);
        SlackApp.Parts parts = SlackApp.parts(config, database, core.interviews(), jobs, clock, config.slackTimeout());
        SlackReminderSender reminderSender = new SlackReminderSender(parts.poster(), parts.deliveries());
        ReminderService reminders = new ReminderService(practiceRepository, core.interviews(), core.stages(),
                reminderSender, core.metrics(), clock, core.progress()::nextReview, core.grading()::averageByStage);
        PracticeJobs practiceJobs = new PracticeJobs(reminders, jobs.client());
        this.gradingJobs = new GradingJobs(core.grading(), new SlackReports(parts.deliveries(), core.stages()), clock,
                Duration.ofSeconds(settings.grading().reportOrderWaitSeconds()), jobs.client());
        List<Task<?>> tasks = List.of(gradingJobs.task(), practiceJobs.reminderTask(), practiceJobs.snoozeTask(),
                parts.outbox().task(), parts.commands().task());
        PracticeService practice = new PracticeService(practiceRepository, reminders, practiceJobs, core.stages(),
                core.interviews(), clock);
        EventLog events = new EventLog(database.jdbi(), clock);
        SeenSignatures seen = new SeenSignatures(database.jdbi(), clock);
        this.slack = new SlackApp(config, parts, seen, core.metrics());
        registerSurfaces(slack.app(), parts, practice, reminderSender, events, seen, compPhraser, clock);
        this.scheduler = scheduler(database, config, settings, tasks, purge(events, seen));
        this.socket = config.socketMode() ? Optional.of(socketMode(config)) : Optional.empty();
        this.http = config.socketMode()
                ? new HttpServer(config.port(), null, null, database, core.metrics())
                : new HttpServer(config.port(), new Utf8SlackAppServlet(slack.app()),
                        new SignatureFilter(config.slackSigningSecret().orElseThrow(), clock, core.metrics()), database,
                        core.metrics());
        http.addHealthCheck("scheduler", this::schedulerRunning);
        // multi-workspace: the install pages (GETs from a browser, not signed by Slack) beside the signed endpoint
        parts.install().ifPresent(install -> http.route("slack-install", SlackInstall.servlet(slack.app()),
                SlackInstall.INSTALL_PATH, SlackInstall.REDIRECT_PATH));
        registerOpsMetrics(tasks, parts.install(), clock);
    }

    /**
     * Each Slack surface's listeners on the Bolt app. Mock reaches comp (a channel message may be a pay question),
     * practice (a reminder's question) and progress (stats and the Home tab) through the ports it declares.
     */
    private void registerSurfaces(com.slack.api.bolt.App app, SlackApp.Parts parts, PracticeService practice,
                                  SlackReminderSender reminderSender, EventLog events, SeenSignatures seen, Optional<CompPhraser> compPhraser, Clock clock) {
        var database = core.database();
        WatchedChannels watched = new WatchedChannels(database.jdbi(), clock);
        CompHandlers comp = new CompHandlers(core.comp(), compPhraser, watched, events, database, parts.outbox(),
                parts.commands());
        comp.register(app);
        // forget-me deletes the Slack-only rows of the learner too
        ProgressHandlers progress = new ProgressHandlers(core.progress(), core.interviews(), core.stages(), database, parts,
                who -> Map.of("comp_watch", watched.forget(who.teamId(), who.userId()),
                        "seen_signature", seen.forget(who.teamId(), who.userId()),
                        "slack_delivery", parts.deliveries().forget(who.teamId(), who.userId())));
        progress.register(app);
        new MockHandlers(new MockHandlers.Deps(core.stages(), core.interviews(), core.grading(), gradingJobs, database,
                parts.outbox(), parts.commands(), clock), comp::onMessage, practice::claimChannelQuestion, progress)
                .register(app);
        new PracticeHandlers(practice, reminderSender, database,
                parts.outbox(), parts.commands()).register(app);
    }

    private SocketModeApp socketMode(AppConfig config) {
        try {
            return new SocketModeApp(config.slackAppToken().orElseThrow(), slack.app());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot set up Slack Socket Mode: " + e.getMessage(), e);
        }
    }

    /**
     * db-scheduler on the app's database. An instance that dies (kill -9) stops its heartbeats; after the configured
     * number of missed heartbeats (within 30 s) another instance, or this one restarted, runs its jobs again.
     */
    private static Scheduler scheduler(coach.store.Database database, AppConfig config, CoachSettings settings,
                                       List<Task<?>> tasks, RecurringTask<Void> purge) {
        return Scheduler.create(database.dataSource(), tasks)
                .startTasks(purge)
                // grading jobs wait on the LLM, not the CPU: give them as many threads as calls may be in flight
                .threads(config.llmEnabled() ? settings.grading().maxConcurrentLlmCalls() + 4 : 4)
                .pollingInterval(Duration.ofSeconds(1))
                .enableImmediateExecution()
                .heartbeatInterval(Duration.ofSeconds(settings.jobs().heartbeatSeconds()))
                .missedHeartbeatsLimit(settings.jobs().missedHeartbeats())
                .shutdownMaxWait(Duration.ofSeconds(4))
                .build();
    }

    /**
     * A retry arrives within minutes (Slack gives up after about 5): a day of event ids is plenty; a signature is
     * only accepted within 5 minutes of its timestamp, so an hour of them covers every possible replay.
     */
    private static RecurringTask<Void> purge(EventLog events, SeenSignatures seen) {
        return Tasks.recurring("purge-processed-events", FixedDelay.ofMinutes(10))
                .execute((instance, ctx) -> {
                    events.purgeOlderThan(Duration.ofDays(1));
                    seen.purgeOlderThan(Duration.ofHours(1));
                });
    }

    /** /metrics: JVM memory and the like, installations, job queue depth, reminders by outcome (at 0 until the first). */
    private void registerOpsMetrics(List<Task<?>> tasks, Optional<SlackInstall> install, Clock clock) {
        started.add(OpsMetrics.bindJvm(core.metrics()));
        // one bot token: one workspace; multi-workspace: the installations stored now
        OpsMetrics.installations(core.metrics(),
                install.<java.util.function.IntSupplier>map(i -> i.installations()::count).orElse(() -> 1));
        JobMetrics.register(core.metrics(), core.database(), tasks.stream().map(Task::getName).toList(), clock);
        OpsMetrics.zeroCounters(core.metrics(), "coach.practice.reminders", "outcome",
                List.of("sent", "snoozed_sent", "skipped_late", "unreachable", "failed"));
    }

    /**
     * Starts what the constructor built. The listeners are registered before the scheduler starts, so jobs left by an
     * earlier run find their handlers; /health answers 200 only once the server listens, not before the grader is
     * ready.
     */
    int start(BooleanSupplier awaitGraderReady) throws Exception {
        AppConfig config = core.config();
        // Bolt checks the token (auth.test) when it starts: do it now, so a bad token stops start-up with a clear
        // message instead of failing every request later
        // (multi-workspace mode has no single token: each installation's is checked when it is installed)
        if (config.slackBotToken().isPresent()) {
            SlackCheck.checkBotToken(config.slackApiUrl(), config.slackBotToken().get(), config.slackTimeout());
        }
        slack.app().start();
        scheduler.start();
        started.add(scheduler::stop);
        // answers stored but never reported (stored before the grading job existed, by an older version) are picked up
        core.grading().answersWithoutReport().forEach(gradingJobs::enqueue);
        if (socket.isPresent()) {
            socket.get().startAsync();
            started.add(socket.get()::close);
            log.info("Slack Socket Mode connected");
        }
        awaitGraderReady.getAsBoolean();
        http.start();
        started.add(http);
        serving = true;
        log.info("Interview Coach serving Slack on :{} ({})", http.port(), config);
        return http.port();
    }

    boolean serving() {
        return serving;
    }

    /** After a commit that scheduled a job: run it now rather than at the next poll (once the scheduler runs). */
    private void wakeScheduler() {
        Scheduler s = scheduler;
        if (s != null && s.getSchedulerState().isStarted()) {
            s.triggerCheckForDueExecutions();
        }
    }

    /** For /health: the scheduler is started and neither paused nor stopping. */
    private boolean schedulerRunning() {
        var state = scheduler.getSchedulerState();
        return state.isStarted() && !state.isShuttingDown() && !state.isPaused();
    }

    /** Newest first: HTTP, Socket Mode, the scheduler, the JVM metrics. */
    @Override
    public void close() {
        NewestFirst.close(started, log);
    }
}
