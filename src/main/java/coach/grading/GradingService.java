package coach.grading;

import coach.config.StageCatalog;
import coach.interview.Answer;
import coach.interview.AnswerOf;
import coach.interview.AskedQuestion;
import coach.interview.InterviewService;
import coach.interview.Question;
import coach.interview.QuestionBank;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import coach.interview.Learner;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Grades stored answers exactly once and keeps the result; the answer is always stored before grading starts. */
public final class GradingService {
    private static final Logger log = LoggerFactory.getLogger(GradingService.class);
    private final StageCatalog stages;
    private final QuestionBank bank;
    private final Rubrics rubrics;
    private final Grader grader;
    private final Grader offline;
    private final int dailyLlmLimit;
    private final InterviewService interviews;
    private final GradeRepository grades;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final FollowUps followUps;
    private final GraderComparison comparison;

    /**
     * @param grader        the grader to use (the LLM grader when configured)
     * @param offline       the grader used once a user reaches the daily LLM limit
     * @param dailyLlmLimit LLM gradings per user per UTC day
     * @param comparison    records how far the offline grader's score is from each LLM grade
     */
    public GradingService(StageCatalog stages, QuestionBank bank, Rubrics rubrics, Grader grader, Grader offline,
                          int dailyLlmLimit, FollowUps followUps, InterviewService interviews, GradeRepository grades,
                          GraderComparison comparison, MeterRegistry metrics, Clock clock) {
        this.comparison = comparison;
        this.followUps = followUps;
        this.stages = stages;
        this.bank = bank;
        this.rubrics = rubrics;
        this.grader = grader;
        this.offline = offline;
        this.dailyLlmLimit = dailyLlmLimit;
        this.interviews = interviews;
        this.grades = grades;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Grades the answer unless it already has a grade; returns the stored grade with its answer and question. */
    public GradedAnswer gradeOnce(long answerId) {
        Answer answer = interviews.answerById(answerId)
                .orElseThrow(() -> new IllegalArgumentException("no answer " + answerId));
        AskedQuestion asked = interviews.askedById(answer.askedQuestionId()).orElseThrow();
        GradeRepository.StoredGrade stored = grades.forAnswer(answerId).orElseGet(() -> gradeAndStore(answer, asked));
        Learner who = new Learner(answer.teamId(), answer.userId());
        GradeRepository.Earlier earlier = grades.earlierAttempts(answer.teamId(), answer.userId(),
                interviews.earlierAnswerIds(who, asked.id(), answer.id()));
        return new GradedAnswer(stored.id(), answer, asked, stored.grade(), earlier.attemptsBefore() + 1,
                earlier.latest().orElse(null));
    }

    private GradeRepository.StoredGrade gradeAndStore(Answer answer, AskedQuestion asked) {
        GradingRequest request = request(asked, answer.body());
        long started = System.nanoTime();
        Grade grade;
        String outcome;
        if (grader == offline) {
            grade = offline.grade(request);
            outcome = "offline";
        } else if (grades.llmGradingsSince(answer.teamId(), answer.userId(), startOfUtcDay()) >= dailyLlmLimit) {
            grade = offline.grade(request).withNote("You have reached today's limit of " + dailyLlmLimit
                    + " LLM gradings, so the LLM grader did not grade this one. The limit resets at 00:00 UTC.");
            outcome = "limit";
        } else {
            grade = grader.grade(request);
            outcome = grade.grader().equals(offline.name()) ? "fallback" : "llm";
            if (outcome.equals("llm")) comparison.compare(grade, request, asked.stageId());
        }
        long latencyMs = (System.nanoTime() - started) / 1_000_000;
        Timer.builder("coach.grading").tag("outcome", outcome).register(metrics).record(Duration.ofMillis(latencyMs));
        metrics.counter("coach.gradings", "grader", grade.grader(), "outcome", outcome).increment();
        metrics.counter("coach.llm.tokens", "direction", "input").increment(grade.usage().inputTokens());
        metrics.counter("coach.llm.tokens", "direction", "output").increment(grade.usage().outputTokens());
        return grades.save(answer.id(), answer.teamId(), answer.userId(), asked.stageId(), grade, outcome, latencyMs,
                clock.instant());
    }

    private Instant startOfUtcDay() {
        return clock.instant().truncatedTo(ChronoUnit.DAYS);
    }

    /** This user's answers whose report has not gone out yet (graded or not), oldest first. */
    public List<GradeRepository.Pending> unreported(String teamId, String userId) {
        Map<Long, Boolean> reported = grades.reportedByAnswer(teamId, userId);
        return interviews.answerStamps(new Learner(teamId, userId)).stream()
                .filter(a -> !reported.getOrDefault(a.answerId(), false))
                .map(a -> new GradeRepository.Pending(a.answerId(), a.answeredAt(), reported.containsKey(a.answerId())))
                .toList();
    }

    /** Every answer (of anyone) whose report has not gone out: read in pages, so memory stays flat. */
    public List<Long> answersWithoutReport() {
        List<Long> out = new java.util.ArrayList<>();
        long after = 0;
        for (List<Long> page; !(page = interviews.answerIdsAfter(after, 500)).isEmpty(); after = page.get(page.size() - 1)) {
            java.util.Set<Long> reported = grades.reportedAmong(page);
            page.stream().filter(id -> !reported.contains(id)).forEach(out::add);
        }
        return out;
    }

    /** A stored answer with the question it answers (no grade needed). */
    public record AnswerAndQuestion(Answer answer, AskedQuestion asked) {}

    public Optional<AnswerAndQuestion> answerAndQuestion(long answerId) {
        return interviews.answerById(answerId).flatMap(a -> interviews.askedById(a.askedQuestionId())
                .map(q -> new AnswerAndQuestion(a, q)));
    }

    public void markReported(GradedAnswer graded) {
        grades.markReported(graded.gradeId(), clock.instant());
    }

    GradingRequest request(AskedQuestion asked, String answer) {
        List<String> keyPoints = bank.byId(asked.questionId()).map(Question::keyPoints).orElse(List.of());
        return new GradingRequest(stages.get(asked.stageId()), asked.prompt(), keyPoints,
                rubrics.forStage(asked.stageId()), answer, asked.teamId());
    }

    /** A follow-up to put to the user after a graded answer, and the question it follows. */
    public record FollowUpPlan(AskedQuestion parent, String text) {}

    /** Empty when the answer is not this user's or is not graded yet. */
    public Optional<FollowUpPlan> followUp(Learner who, long answerId) {
        Optional<Answer> answer = interviews.answer(who, answerId);
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        Optional<GradeRepository.StoredGrade> grade = grades.forAnswer(answerId);
        AskedQuestion asked = interviews.asked(who, answer.get().askedQuestionId()).orElseThrow();
        Optional<Question> question = bank.byId(asked.questionId());
        if (grade.isEmpty() || question.isEmpty()) {
            return Optional.empty();
        }
        int before = interviews.countFollowUps(who, asked.sessionId(), asked.questionId());
        String text = followUps.next(request(asked, answer.get().body()), question.get(), grade.get().grade(), before);
        return Optional.of(new FollowUpPlan(asked, text));
    }

    /** The user's open sessions, summed up: what they answered, how it scored, what to work on. */
    public SessionSummary summary(Learner who) {
        return SessionSummary.of(grades.scoresOf(who.teamId(), who.userId(), interviews.openSessionAnswerIds(who)),
                rubrics, stages);
    }

    /** This learner's average score per criterion in a stage. */
    public Map<String, Double> criterionAverages(Learner who, String stageId) {
        return grades.criterionAverages(who.teamId(), who.userId(), stageId);
    }

    /** Every graded answer of this learner, oldest first, with criterion scores: for progress and review. */
    public List<ScoredAnswer> history(Learner who) {
        Map<Long, AnswerOf> questions = interviews.questionsAnswered(who);
        return grades.grades(who.teamId(), who.userId()).stream()
                .filter(g -> questions.containsKey(g.answerId()))
                .map(g -> {
                    AnswerOf q = questions.get(g.answerId());
                    return new ScoredAnswer(g.answerId(), q.askedQuestionId(), q.questionId(), q.kind(), g.stageId(),
                            g.overall(), g.criteria(), g.gradedAt());
                })
                .toList();
    }

    /** This learner's average overall score per stage practised (what "mix" reminders pick the weakest stage by). */
    public Map<String, Double> averageByStage(Learner who) {
        return grades.averageByStage(who.teamId(), who.userId());
    }

    public Rubrics rubrics() {
        return rubrics;
    }

    public String graderName() {
        return grader.name();
    }

    /** Deletes every grade of the learner; counts by table. */
    public Map<String, Integer> forget(Learner who) {
        return grades.forget(who.teamId(), who.userId());
    }

    /** Team aggregates over the given learners (the caller decides who opted in and enforces the minimum). */
    public List<GradeRepository.StageAggregate> stageAggregates(String teamId, List<String> userIds) {
        return grades.stageAggregates(teamId, userIds);
    }

    public int learnersGradedSince(String teamId, List<String> userIds, Instant since) {
        return grades.learnersGradedSince(teamId, userIds, since);
    }
}
