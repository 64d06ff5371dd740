package coach;

import coach.comp.CompPhraser;
import coach.comp.CompService;
import coach.comp.GroundingCheck;
import coach.comp.WatchedChannels;
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
import coach.practice.PracticeJobs;
import coach.practice.PracticeRepository;
import coach.practice.PracticeService;
import coach.practice.ReminderService;
import coach.slack.SlackApp;
import coach.slack.SlackReminderSender;
import coach.slack.SlackWork;
import coach.slack.Utf8SlackAppServlet;
import coach.store.Database;
import coach.store.EventLog;
import coach.web.HttpServer;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import dev.langchain4j.model.chat.ChatModel;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
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
    private Scheduler scheduler;
    private HttpServer http;

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
                settings.grading().maxConcurrentLlmCalls())).orElse(offline);
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

    /**
     * Waits for the offline grader's embedding model (about a second): the app takes no answers before it is ready,
     * so no answer is ever graded by a stand-in matcher. False only if the model could not be loaded at all.
     */
    public boolean awaitGraderReady() {
        boolean ready = semantic.awaitReady(120);
        if (!ready) log.warn("the grader's embedding model did not load; key points are matched by word overlap");
        return ready;
    }

    /** Serves Slack (HTTP or Socket Mode) and runs the scheduler. Returns the HTTP port. */
    public int startSlack() throws Exception {
        SlackApp.Parts parts = SlackApp.parts(config, stages);
        SlackReminderSender reminderSender = new SlackReminderSender(parts.poster());
        PracticeRepository practiceRepository = new PracticeRepository(database.jdbi());
        ReminderService reminders = new ReminderService(practiceRepository, interviews, stages, reminderSender, metrics, clock);
        PracticeJobs practiceJobs = new PracticeJobs(reminders);
        GradingJobs gradingJobs = startScheduler(parts.reports(), practiceJobs);
        PracticeService practice = new PracticeService(practiceRepository, reminders, practiceJobs, stages, interviews, clock);
        SlackWork work = new SlackWork(8, 2_000);
        closeables.add(work);
        SlackApp slack = new SlackApp(config, parts, new SlackApp.Services(stages, interviews, grading, gradingJobs,
                events, comp, compPhraser, new WatchedChannels(database.jdbi(), clock), practice, reminderSender), work);
        // Bolt checks the token (auth.test) when it starts: do it now, so a bad token stops start-up with a clear
        // message instead of failing every request later
        slack.app().start();
        if (config.socketMode()) {
            SocketModeApp socket = new SocketModeApp(config.slackAppToken().orElseThrow(), slack.app());
            socket.startAsync();
            closeables.add(socket::close);
            log.info("Slack Socket Mode connected");
        }
        // /health answers 200 only once the server listens: not before the grader is ready
        awaitGraderReady();
        http = new HttpServer(config.port(), config.socketMode() ? null : new Utf8SlackAppServlet(slack.app()),
                database, metrics);
        http.start();
        closeables.add(http);
        log.info("Interview Coach serving Slack on :{} ({})", http.port(), config);
        return http.port();
    }

    private GradingJobs startScheduler(ReportDelivery reports, PracticeJobs practiceJobs) {
        GradingJobs gradingJobs = new GradingJobs(grading, reports, clock,
                Duration.ofMinutes(settings.grading().reportOrderWaitMinutes()));
        // a retry arrives within minutes (Slack gives up after about 5): a day of event ids is plenty
        RecurringTask<Void> purgeEvents = Tasks.recurring("purge-processed-events", FixedDelay.ofHours(1))
                .execute((instance, ctx) -> events.purgeOlderThan(Duration.ofDays(1)));
        scheduler = Scheduler.create(database.dataSource(),
                        List.of(gradingJobs.task(), practiceJobs.reminderTask(), practiceJobs.snoozeTask()))
                .startTasks(purgeEvents)
                .threads(4)
                .pollingInterval(Duration.ofSeconds(2))
                .enableImmediateExecution()
                .heartbeatInterval(Duration.ofSeconds(30))
                .shutdownMaxWait(Duration.ofSeconds(5))
                .build();
        gradingJobs.bind(() -> scheduler);
        practiceJobs.bind(() -> scheduler);
        scheduler.start();
        // answers stored but never reported (a crash between storing and scheduling) are picked up again
        interviewRepository.answersWithoutReport().forEach(gradingJobs::enqueue);
        closeables.add(scheduler::stop);
        return gradingJobs;
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
