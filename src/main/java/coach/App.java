package coach;

import coach.comp.CompPhraser;
import coach.comp.CompService;
import coach.comp.GroundingCheck;
import coach.config.AppConfig;
import coach.config.CoachSettings;
import coach.config.StageCatalog;
import coach.grading.ChatModels;
import coach.grading.FollowUps;
import coach.grading.GradeRepository;
import coach.grading.Grader;
import coach.grading.GraderPrompts;
import coach.grading.GraderComparison;
import coach.grading.GradingService;
import coach.grading.LlmCalls;
import coach.grading.LlmGrader;
import coach.grading.OfflineGrader;
import coach.grading.Rubrics;
import coach.grading.SemanticMatcher;
import coach.interview.InterviewRepository;
import coach.interview.InterviewService;
import coach.interview.QuestionBank;
import coach.practice.PracticeCalendar;
import coach.practice.PracticeRepository;
import coach.progress.ProgressService;
import coach.progress.SelfRatings;
import coach.progress.TeamView;
import coach.progress.WeaknessFocus;
import coach.store.Database;
import dev.langchain4j.model.chat.ChatModel;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the app together, in one place and in one pass, by plain constructors: the constructor builds every part
 * (the core services, and in Slack mode the Slack adapter, the jobs and the HTTP server, see {@link SlackWiring});
 * {@link #start()} only starts them. Config files are loaded (and validated) first, so a bad file stops start-up
 * with its name, field and reason.
 */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);

    /**
     * The core, as the adapters (and tests) see it: read-only handles, all built by the constructor.
     *
     * @param metrics the registry /metrics serves
     */
    public record Components(AppConfig config, StageCatalog stages, Database database, InterviewService interviews,
                             GradingService grading, CompService comp, ProgressService progress,
                             PrometheusMeterRegistry metrics) {}

    private final Components components;
    private final SemanticMatcher semantic;
    private final Optional<SlackWiring> slack;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    public App(AppConfig config, Clock clock, RandomGenerator random) {
        StageCatalog stages = StageCatalog.load(config.configDir());
        QuestionBank bank = QuestionBank.load(config.configDir(), stages);
        Rubrics rubrics = Rubrics.load(config.configDir(), stages);
        CoachSettings settings = CoachSettings.load(config.configDir());
        this.semantic = SemanticMatcher.shared();
        OfflineGrader offline = new OfflineGrader(semantic, bank.topicTexts());
        GraderPrompts prompts = GraderPrompts.load(config.promptsDir());
        Optional<ChatModel> chatModel = ChatModels.fromConfig(config);
        Grader grader = chatModel.<Grader>map(m -> new LlmGrader(m, config.openAiModel(), prompts, offline,
                settings.grading().initialLlmCalls(), settings.grading().maxConcurrentLlmCalls(), config.llmTimeout(), clock,
                LlmCalls.Sleeper.REAL)).orElse(offline);
        CompService comp = CompService.load(config.configDir());
        String phrasePrompt = CompPhraser.loadPrompt(config.promptsDir());
        Optional<CompPhraser> compPhraser = chatModel.map(m -> new CompPhraser(m, new GroundingCheck(comp.data()), phrasePrompt));
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Database database = Database.open(config.dbUrl());
        closeables.add(database);
        try {
            InterviewRepository interviewRepository = new InterviewRepository(database.jdbi());
            GradeRepository gradeRepository = new GradeRepository(database.jdbi());
            PracticeRepository practiceRepository = new PracticeRepository(database.jdbi());
            // the next question of a stage favours the learner's weakest criterion there (grading's scores, progress's rule)
            InterviewService interviews = new InterviewService(stages, bank, interviewRepository, clock, random,
                    new WeaknessFocus((who, stage) -> gradeRepository.criterionAverages(who.teamId(), who.userId(), stage),
                            rubrics));
            // the offline grader's comparison with each LLM grade runs in the background, after the grade is stored
            GraderComparison comparison = GraderComparison.inBackground(offline, metrics);
            closeables.add(comparison);
            GradingService grading = new GradingService(stages, bank, rubrics, grader, offline,
                    settings.grading().dailyLlmGradingsPerUser(), new FollowUps(chatModel, prompts.followUp()),
                    interviews, gradeRepository, comparison, metrics, clock);
            ProgressService progress = new ProgressService(grading, interviews, stages,
                    new PracticeCalendar(practiceRepository, interviews, clock), new SelfRatings(database.jdbi()),
                    new TeamView(database.jdbi(), grading, stages, clock), clock);
            this.components = new Components(config, stages, database, interviews, grading, comp, progress, metrics);
            this.slack = config.slackMode()
                    ? Optional.of(new SlackWiring(components, settings, compPhraser, practiceRepository, clock))
                    : Optional.empty();
            slack.ifPresent(closeables::add);
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /** The core services (the console coach runs on them; tests read and arrange through them). */
    public Components components() {
        return components;
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
     * Serves Slack (HTTP or Socket Mode) and runs the scheduler: starts what the constructor built. Returns the HTTP
     * port.
     */
    public int start() throws Exception {
        SlackWiring wiring = slack.orElseThrow(() -> new IllegalStateException(
                "not in Slack mode: set SLACK_BOT_TOKEN (or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET)"));
        return wiring.start(this::awaitGraderReady);
    }

    /**
     * Stops in order, newest part first: HTTP (no new requests; those in flight finish, for at most 3 s), Socket Mode,
     * the scheduler (running jobs get a few seconds; unfinished and queued ones stay in the database for the next
     * start), then the database. Safe to call twice (the signal handler, then the shutdown hook).
     */
    @Override
    public synchronized void close() {
        boolean stopping = slack != null && slack.map(SlackWiring::serving).orElse(false) && !closeables.isEmpty();
        long started = System.nanoTime();
        if (stopping) log.info("stopping: no new requests; requests in flight finish, queued jobs stay in the database");
        NewestFirst.close(closeables, log);
        if (stopping) log.info("stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
    }
}
