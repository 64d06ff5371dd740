package coach;

import coach.comp.CompPhraser;
import coach.comp.CompService;
import coach.comp.GroundingCheck;
import coach.comp.WatchedChannels;
import coach.config.AppConfig;
import coach.config.CoachSettings;
import coach.config.StageCatalog;
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
import coach.llm.RetryAfterHttpClient;
import coach.grading.SemanticMatcher;
import coach.interview.InterviewRepository;
import coach.interview.InterviewService;
import coach.interview.QuestionBank;
import coach.practice.PracticeJobs;
import coach.practice.PracticeRepository;
import coach.practice.PracticeService;
import coach.practice.ReminderService;
import coach.jobs.Jobs;
import coach.slack.SignatureFilter;
import coach.slack.SlackApp;
import coach.slack.Utf8SlackAppServlet;
import coach.store.Database;
import coach.store.EventLog;
import coach.store.SeenSignatures;
import coach.web.HttpServer;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
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
    private Scheduler scheduler;
    private HttpServer http;

    public App(AppConfig config, Clock clock, RandomGenerator random) {
        this.config = config;
        this.clock = clock;
        this.stages = StageCatalog.load(config.configDir());
        QuestionBank bank = QuestionBank.load(config.configDir(), stages);
        Rubrics rubrics = Rubrics.load(config.configDir(), stages);
        this.settings = CoachSettings.load(config.configDir());
        OfflineGrader offline = new OfflineGrader(SemanticMatcher.shared());
        GraderPrompts prompts = GraderPrompts.load(config.promptsDir());
        Optional<ChatModel> chatModel = chatModel(config);
        Grader grader = chatModel.<Grader>map(m -> new LlmGrader(m, config.openAiModel(), prompts, offline,
                settings.grading().maxConcurrentLlmCalls(), config.llmTimeout(), clock, coach.grading.LlmCalls.Sleeper.REAL)).orElse(offline);
        this.comp = CompService.load(config.configDir());
        String phrasePrompt = CompPhraser.loadPrompt(config.promptsDir());
        this.compPhraser = chatModel.map(m -> new CompPhraser(m, new GroundingCheck(comp.data()), phrasePrompt));
        this.database = Database.open(config.dbUrl());
        closeables.add(database);
        this.events = new EventLog(database.jdbi(), clock);
        this.interviewRepository = new InterviewRepository(database.jdbi());
        this.gradeRepository = new GradeRepository(database.jdbi());
        this.interviews = new InterviewService(stages, bank, interviewRepository, clock, random);
        this.grading = new GradingService(stages, bank, rubrics, grader, offline,
                settings.grading().dailyLlmGradingsPerUser(), new FollowUps(chatModel, prompts.followUp()),
                interviewRepository, gradeRepository, metrics, clock);
    }

    /** The chat model behind the LLM grader and follow-ups, when an API key is configured. */
    public static Optional<ChatModel> chatModel(AppConfig config) {
        if (!config.llmEnabled()) {
            return Optional.empty();
        }
        OpenAiChatModel.OpenAiChatModelBuilder model = OpenAiChatModel.builder()
                .apiKey(config.openAiApiKey().orElseThrow())
                .modelName(config.openAiModel())
                .temperature(0.0)
                .strictJsonSchema(true)
                .supportedCapabilities(dev.langchain4j.model.chat.Capability.RESPONSE_FORMAT_JSON_SCHEMA)
                .timeout(config.llmTimeout())
                // LangChain4j retries at fixed short intervals and cannot see Retry-After: the grader retries itself
                .maxRetries(0)
                .httpClientBuilder(new RetryAfterHttpClient.Builder());
        config.openAiBaseUrl().ifPresent(model::baseUrl);
        return Optional.of(model.build());
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
        PracticeRepository practiceRepository = new PracticeRepository(database.jdbi());
        ReminderService reminders = new ReminderService(practiceRepository, interviews, stages, parts.reminderSender(), metrics, clock);
        PracticeJobs practiceJobs = new PracticeJobs(reminders);
        GradingJobs gradingJobs = new GradingJobs(grading, parts.reports(), clock,
                Duration.ofSeconds(settings.grading().reportOrderWaitSeconds()));
        List<Task<?>> tasks = List.of(gradingJobs.task(), practiceJobs.reminderTask(), practiceJobs.snoozeTask(),
                parts.outbox().task(), parts.commands().task());
        Jobs jobs = new Jobs(database, tasks);
        gradingJobs.bind(jobs::client);
        practiceJobs.bind(jobs::client);
        parts.outbox().bind(jobs);
        parts.commands().bind(jobs);
        PracticeService practice = new PracticeService(practiceRepository, reminders, practiceJobs, stages, interviews, clock);
        SeenSignatures seen = new SeenSignatures(database.jdbi(), clock);
        SlackApp slack = new SlackApp(config, parts, new SlackApp.Services(stages, interviews, grading, gradingJobs,
                events, comp, compPhraser, new WatchedChannels(database.jdbi(), clock), practice, database, seen,
                metrics, clock));
        // Bolt checks the token (auth.test) when it starts: do it now, so a bad token stops start-up with a clear
        // message instead of failing every request later
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
        http = config.socketMode()
                ? new HttpServer(config.port(), null, null, database, metrics)
                : new HttpServer(config.port(), new Utf8SlackAppServlet(slack.app()),
                        new SignatureFilter(config.slackSigningSecret().orElseThrow(), clock, metrics), database, metrics);
        http.start();
        closeables.add(http);
        log.info("Interview Coach serving Slack on :{} ({})", http.port(), config);
        return http.port();
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
                .threads(4)
                .pollingInterval(Duration.ofSeconds(1))
                .enableImmediateExecution()
                .heartbeatInterval(Duration.ofSeconds(settings.heartbeatSeconds()))
                .missedHeartbeatsLimit(settings.missedHeartbeats())
                .shutdownMaxWait(Duration.ofSeconds(5))
                .build();
        jobs.bind(scheduler);
        scheduler.start();
        closeables.add(scheduler::stop);
    }

    @Override
    public void close() {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                log.warn("while stopping: {}", e.toString());
            }
        }
        closeables.clear();
    }
}
