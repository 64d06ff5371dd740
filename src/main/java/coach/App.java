package coach;

import coach.comp.CompPhraser;
import coach.comp.CompService;
import coach.comp.GroundingCheck;
import coach.slack.comp.WatchedChannels;
import coach.config.AppConfig;
import coach.config.CoachSettings;
import coach.config.StageCatalog;
import coach.grading.ChatModels;
import coach.grading.GradeRepository;
import coach.grading.Grader;
import coach.grading.GraderPrompts;
import coach.grading.GradingJobs;
import coach.grading.FollowUps;
import coach.grading.GradingService;
import coach.grading.LlmGrader;
import coach.grading.OfflineGrader;
import coach.grading.ReportDelivery;
import coach.grading.Rubrics;
import coach.grading.SemanticMatcher;
import coach.interview.InterviewRepository;
import coach.interview.InterviewService;
import coach.interview.QuestionBank;
import coach.practice.PracticeCalendar;
import coach.practice.PracticeJobs;
import coach.practice.PracticeRepository;
import coach.practice.PracticeService;
import coach.practice.ReminderService;
import coach.jobs.JobMetrics;
import coach.jobs.Jobs;
import coach.install.SlackInstall;
import coach.slack.SignatureFilter;
import coach.progress.ProgressService;
import coach.progress.SelfRatings;
import coach.progress.TeamView;
import coach.progress.WeaknessFocus;
import coach.slack.SlackApp;
import coach.slack.SlackCheck;
import coach.slack.Utf8SlackAppServlet;
import coach.store.Database;
import coach.store.EventLog;
import coach.store.SeenSignatures;
import coach.web.HttpServer;
import coach.web.OpsMetrics;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import dev.langchain4j.model.chat.ChatModel;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the app together, in one place, by plain constructors. Config files are loaded (and validated) before
 * anything starts, so a bad file stops start-up with its name, field and reason.
 */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);

    public final AppConfig config;
    public final StageCatalog stages;
    public final Database database;
    public final InterviewService interviews;
    public final GradingService grading;
    public final CompService comp;
    private final Optional<CompPhraser> compPhraser;
    public final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final Clock clock;
    private final CoachSettings settings;
    private final EventLog events;
    private final InterviewRepository interviewRepository;
    private final GradeRepository gradeRepository;
    private final SemanticMatcher semantic;
    private final PracticeRepository practiceRepository;
    public final ProgressService progress;
    private volatile Scheduler scheduler;
    private HttpServer http;
    private boolean serving;

    public App(AppConfig config, Clock clock, RandomGenerator random) {
        this.config = config;
        this.clock = clock;
        this.stages = StageCatalog.load(config.configDir());
        QuestionBank bank = QuestionBank.load(config.configDir(), stages);
        Rubrics rubrics = Rubrics.load(config.configDir(), stages);
        this.settings = CoachSettings.load(config.configDir());
        this.semantic = SemanticMatcher.shared();
        OfflineGrader offline = new OfflineGrader(semantic);
        GraderPrompts prompts = GraderPrompts.load(config.promptsDir());
        Optional<ChatModel> chatModel = ChatModels.fromConfig(config);
        Grader grader = chatModel.<Grader>map(m -> new LlmGrader(m, config.openAiModel(), prompts, offline,
                settings.grading().initialLlmCalls(), settings.grading().maxConcurrentLlmCalls(), config.llmTimeout(), clock,
                coach.grading.LlmCalls.Sleeper.REAL)).orElse(offline);
        this.comp = CompService.load(config.configDir());
        String phrasePrompt = CompPhraser.loadPrompt(config.promptsDir());
        this.compPhraser = chatModel.map(m -> new CompPhraser(m, new GroundingCheck(comp.data()), phrasePrompt));
        this.database = Database.open(config.dbUrl());
        closeables.add(database);
        this.events = new EventLog(database.jdbi(), clock);
        this.interviewRepository = new InterviewRepository(database.jdbi());
        this.gradeRepository = new GradeRepository(database.jdbi());
        this.practiceRepository = new PracticeRepository(database.jdbi());
        // the next question of a stage favours the learner's weakest criterion there (grading's scores, progress's rule)
        this.interviews = new InterviewService(stages, bank, interviewRepository, clock, random,
                new WeaknessFocus((who, stage) -> gradeRepository.criterionAverages(who.teamId(), who.userId(), stage),
                        rubrics));
        this.grading = new GradingService(stages, bank, rubrics, grader, offline,
                settings.grading().dailyLlmGradingsPerUser(), new FollowUps(chatModel, prompts.followUp()),
                interviews, gradeRepository, metrics, clock);
        this.progress = new ProgressService(grading, interviews, stages, new PracticeCalendar(practiceRepository, clock),
                new SelfRatings(database.jdbi()), new TeamView(database.jdbi(), grading, stages, clock), clock);
    }

    /**
     * Waits for the offline grader's embedding model (about a second): the app takes no answers before it is ready,
     * so no answer is ever graded by a stand-in matcher. False only if the model could not be loaded at all.
     */
    public boolean awaitGraderReady() {
        boolean ready = semantic.awaitReady(120);
        if (!ready) log.warn("the grader's embedding model did not load; key points are matched by word overlap");
        return ready;
    }

    /**
     * Serves Slack (HTTP or Socket Mode) and runs the scheduler. Returns the HTTP port. The listeners are registered
     * before the scheduler starts, so jobs left by an earlier run find their handlers.
     */
    public int startSlack() throws Exception {
        if (!config.socketMode()) {
            SlackApp.requireUtf8(Charset.defaultCharset());
            if (config.slackSigningSecret().isEmpty()) {
                throw new IllegalStateException("SLACK_SIGNING_SECRET is required to serve Slack over HTTP");
            }
        }
        SlackApp.Parts parts = SlackApp.parts(config, stages, database, interviews, clock, config.slackTimeout());
        ReminderService reminders = new ReminderService(practiceRepository, interviews, stages, parts.reminderSender(),
                metrics, clock, progress::nextReview);
        PracticeJobs practiceJobs = new PracticeJobs(reminders);
        GradingJobs gradingJobs = new GradingJobs(grading, parts.reports(), clock,
                Duration.ofSeconds(settings.grading().reportOrderWaitSeconds()));
        List<Task<?>> tasks = List.of(gradingJobs.task(), practiceJobs.reminderTask(), practiceJobs.snoozeTask(),
                parts.outbox().task(), parts.commands().task());
        Jobs jobs = new Jobs(database, tasks);
        registerOpsMetrics(tasks);
        gradingJobs.bind(jobs::client);
        practiceJobs.bind(jobs::client);
        parts.outbox().bind(jobs);
        parts.commands().bind(jobs);
        PracticeService practice = new PracticeService(practiceRepository, reminders, practiceJobs, stages, interviews, clock);
        SeenSignatures seen = new SeenSignatures(database.jdbi(), clock);
        SlackApp slack = new SlackApp(config, parts, new SlackApp.Services(stages, interviews, grading, gradingJobs,
                events, comp, compPhraser, new WatchedChannels(database.jdbi(), clock), practice, database, seen,
                metrics, clock, progress));
        // Bolt checks the token (auth.test) when it starts: do it now, so a bad token stops start-up with a clear
        // message instead of failing every request later
        // (multi-workspace mode has no single token: each installation's is checked when it is installed)
        if (config.slackBotToken().isPresent()) {
            SlackCheck.checkBotToken(config.slackApiUrl(), config.slackBotToken().get(), config.slackTimeout());
        }
        slack.app().start();
        startScheduler(tasks, jobs, seen);
        // answers stored but never reported (stored before the grading job existed, by an older version) are picked up
        interviewRepository.answersWithoutReport().forEach(gradingJobs::enqueue);
        if (config.socketMode()) {
            SocketModeApp socket = new SocketModeApp(config.slackAppToken().orElseThrow(), slack.app());
            socket.startAsync();
            closeables.add(socket::close);
            log.info("Slack Socket Mode connected");
        }
        // /health answers 200 only once the server listens: not before the grader is ready
        awaitGraderReady();
        http = config.socketMode()
                ? new HttpServer(config.port(), null, null, database, metrics)
                : new HttpServer(config.port(), new Utf8SlackAppServlet(slack.app()),
                        new SignatureFilter(config.slackSigningSecret().orElseThrow(), clock, metrics), database, metrics);
        http.addHealthCheck("scheduler", this::schedulerRunning);
        // multi-workspace: the install pages (GETs from a browser, not signed by Slack) beside the signed endpoint
        parts.install().ifPresent(install -> http.route("slack-install", SlackInstall.servlet(slack.app()),
                SlackInstall.INSTALL_PATH, SlackInstall.REDIRECT_PATH));
        http.start();
        closeables.add(http);
        serving = true;
        log.info("Interview Coach serving Slack on :{} ({})", http.port(), config);
        return http.port();
    }

    /** /metrics: JVM memory and the like, installations, job queue depth, reminders by outcome (at 0 until the first). */
    private void registerOpsMetrics(List<Task<?>> tasks) {
        closeables.add(OpsMetrics.bindJvm(metrics));
        OpsMetrics.installations(metrics, () -> 1); // one bot token: one workspace
        JobMetrics.register(metrics, database, tasks.stream().map(Task::getName).toList(), clock);
        OpsMetrics.zeroCounters(metrics, "coach.practice.reminders", "outcome",
                List.of("sent", "snoozed_sent", "skipped_late", "unreachable", "failed"));
    }

    /** For /health: the scheduler is started and neither paused nor stopping. */
    private boolean schedulerRunning() {
        Scheduler s = scheduler;
        if (s == null) return false;
        var state = s.getSchedulerState();
        return state.isStarted() && !state.isShuttingDown() && !state.isPaused();
    }

    /**
     * db-scheduler on the app's database. An instance that dies (kill -9) stops its heartbeats; after the configured
     * number of missed heartbeats (within 30 s) another instance, or this one restarted, runs its jobs again.
     */
    private void startScheduler(List<Task<?>> tasks, Jobs jobs, SeenSignatures seen) {
        // a retry arrives within minutes (Slack gives up after about 5): a day of event ids is plenty; a signature
        // is only accepted within 5 minutes of its timestamp, so an hour of them covers every possible replay
        RecurringTask<Void> purge = Tasks.recurring("purge-processed-events", FixedDelay.ofMinutes(10))
                .execute((instance, ctx) -> {
                    events.purgeOlderThan(Duration.ofDays(1));
                    seen.purgeOlderThan(Duration.ofHours(1));
                });
        CoachSettings.Jobs settings = this.settings.jobs();
        scheduler = Scheduler.create(database.dataSource(), tasks)
                .startTasks(purge)
                // grading jobs wait on the LLM, not the CPU: give them as many threads as calls may be in flight
                .threads(config.llmEnabled() ? this.settings.grading().maxConcurrentLlmCalls() + 4 : 4)
                .pollingInterval(Duration.ofSeconds(1))
                .enableImmediateExecution()
                .heartbeatInterval(Duration.ofSeconds(settings.heartbeatSeconds()))
                .missedHeartbeatsLimit(settings.missedHeartbeats())
                .shutdownMaxWait(Duration.ofSeconds(4))
                .build();
        jobs.bind(scheduler);
        scheduler.start();
        closeables.add(scheduler::stop);
    }

    /**
     * Stops in order, newest part first: HTTP (no new requests; those in flight finish, for at most 3 s), Socket Mode,
     * the scheduler (running jobs get a few seconds; unfinished and queued ones stay in the database for the next
     * start), then the database. Safe to call twice (the signal handler, then the shutdown hook).
     */
    @Override
    public synchronized void close() {
        boolean stopping = serving && !closeables.isEmpty();
        long started = System.nanoTime();
        if (stopping) log.info("stopping: no new requests; requests in flight finish, queued jobs stay in the database");
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                log.warn("while stopping: {}", e.toString());
            }
        }
        closeables.clear();
        if (stopping) log.info("stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
    }
}
