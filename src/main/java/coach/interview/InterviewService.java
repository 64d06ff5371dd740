package coach.interview;

import coach.config.Stage;
import coach.config.StageCatalog;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Runs mock interviews: picks a question the user has not had for the stage (until the bank is used up), records
 * it, and takes answers. Knows nothing of Slack or the terminal.
 */
public final class InterviewService {
    private final StageCatalog stages;
    private final QuestionBank bank;
    private final InterviewRepository repository;
    private final Clock clock;
    private final RandomGenerator random;
    private final QuestionPreference preference;

    public InterviewService(StageCatalog stages, QuestionBank bank, InterviewRepository repository, Clock clock,
                            RandomGenerator random) {
        this(stages, bank, repository, clock, random, QuestionPreference.NONE);
    }

    public InterviewService(StageCatalog stages, QuestionBank bank, InterviewRepository repository, Clock clock,
                            RandomGenerator random, QuestionPreference preference) {
        this.preference = preference;
        this.stages = stages;
        this.bank = bank;
        this.repository = repository;
        this.clock = clock;
        this.random = random;
    }

    /** A question put to the user, with the bank entry it came from. */
    public record Asked(AskedQuestion asked, Question question, Stage stage) {}

    public Asked ask(Learner who, Stage stage, String channelId) {
        return ask(who, stage, channelId, null);
    }

    /**
     * As {@link #ask(Learner, Stage, String)}; a job that may run twice (a revived reminder) passes a request key,
     * and a second call with the same key returns the question the first one asked.
     */
    public Asked ask(Learner who, Stage stage, String channelId, String requestKey) {
        Optional<Asked> earlier = earlier(who, requestKey);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Question question = nextQuestion(who, stage);
        long session = repository.openSession(who, stage.id(), channelId, clock.instant());
        AskedQuestion asked = repository.insertAsked(who, session, stage.id(), question.id(), AskedQuestion.MAIN,
                question.text(), null, clock.instant(), requestKey);
        return new Asked(asked, question, stage);
    }

    /** Asks a given bank question again (a spaced review): a new asked question, so its answer is a new attempt. */
    public Optional<Asked> askAgain(Learner who, String stageId, String questionId, String channelId, String requestKey) {
        Optional<Asked> earlier = earlier(who, requestKey);
        if (earlier.isPresent()) {
            return earlier;
        }
        return bank.byId(questionId).filter(q -> bank.forStage(stageId).contains(q)).map(question -> {
            Stage stage = stages.get(stageId);
            long session = repository.openSession(who, stage.id(), channelId, clock.instant());
            AskedQuestion asked = repository.insertAsked(who, session, stage.id(), question.id(), AskedQuestion.MAIN,
                    question.text(), null, clock.instant(), requestKey);
            return new Asked(asked, question, stage);
        });
    }

    /** A follow-up to an earlier question, in the same session; its text may come from the bank or an LLM. */
    public Asked askFollowUp(Learner who, AskedQuestion parent, String followUpText) {
        return askFollowUp(who, parent, followUpText, null);
    }

    /** As above, asked once per request key. */
    public Asked askFollowUp(Learner who, AskedQuestion parent, String followUpText, String requestKey) {
        Optional<Asked> earlier = earlier(who, requestKey);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Question question = bank.byId(parent.questionId()).orElseThrow();
        AskedQuestion asked = repository.insertAsked(who, parent.sessionId(), parent.stageId(), parent.questionId(),
                AskedQuestion.FOLLOW_UP, followUpText, parent.id(), clock.instant(), requestKey);
        return new Asked(asked, question, stages.get(parent.stageId()));
    }

    private Optional<Asked> earlier(Learner who, String requestKey) {
        return requestKey == null ? Optional.empty() : repository.askedByRequest(who, requestKey)
                .flatMap(a -> bank.byId(a.questionId()).map(q -> new Asked(a, q, stages.get(a.stageId()))));
    }

    /**
     * A question not yet asked of this user for the stage; once every question has been asked, the cycle starts
     * again with the ones asked longest ago.
     */
    Question nextQuestion(Learner who, Stage stage) {
        List<Question> all = bank.forStage(stage.id());
        List<String> history = repository.askedQuestionIds(who, stage.id());
        int cycle = history.size() % all.size();
        Set<String> thisCycle = new HashSet<>(history.subList(0, cycle));
        List<Question> fresh = all.stream().filter(q -> !thisCycle.contains(q.id())).toList();
        java.util.function.Predicate<Question> preferred = preference.prefer(who, stage);
        List<Question> better = fresh.stream().filter(preferred).toList();
        List<Question> pool = better.isEmpty() ? fresh : better;
        return pool.get(random.nextInt(pool.size()));
    }

    public void attachMessage(AskedQuestion asked, String channelId, String messageTs) {
        repository.attachMessage(asked.learner(), asked.id(), channelId, messageTs);
    }

    /** The question's message, once posted: replies in its thread are answers to it. */
    public void attachMessage(Learner who, long askedId, String channelId, String messageTs) {
        repository.attachMessage(who, askedId, channelId, messageTs);
    }

    public Optional<AskedQuestion> asked(Learner who, long askedId) {
        return repository.asked(who, askedId);
    }

    public Optional<AskedQuestion> byMessage(Learner who, String channelId, String messageTs) {
        return repository.byMessage(who, channelId, messageTs);
    }

    /**
     * Puts an already-posted question (a channel's question of the day) to one more user, so their answer in its
     * thread is graded like any other.
     */
    public AskedQuestion askPosted(Learner who, Stage stage, String questionId, String prompt, String channelId,
                                   String messageTs) {
        long session = repository.openSession(who, stage.id(), channelId, clock.instant());
        AskedQuestion asked = repository.insertAsked(who, session, stage.id(), questionId, AskedQuestion.CHANNEL,
                prompt, null, clock.instant());
        repository.attachMessage(who, asked.id(), channelId, messageTs);
        return repository.asked(who, asked.id()).orElseThrow();
    }

    /** Stores the answer verbatim; empty if this exact delivery (same source key) was stored before. */
    public Optional<Answer> submitAnswer(AskedQuestion asked, String body, String source, String sourceKey) {
        return repository.insertAnswer(asked.learner(), asked.id(), body, source, sourceKey, clock.instant());
    }

    /** The user's last answer and the question it answered (so a restarted console can follow up or retry). */
    public Optional<LastAnswer> lastAnswer(Learner who) {
        return repository.latestAnswer(who).flatMap(a -> repository.asked(who, a.askedQuestionId())
                .map(q -> new LastAnswer(a, new Asked(q, bank.byId(q.questionId()).orElse(null), stages.get(q.stageId())))));
    }

    public record LastAnswer(Answer answer, Asked asked) {}

    public int finish(Learner who) {
        return repository.finishSessions(who, clock.instant());
    }

    public Optional<Question> question(String questionId) {
        return bank.byId(questionId);
    }

    /** A stage's question bank. */
    public List<Question> bankFor(String stageId) {
        return bank.forStage(stageId);
    }

    public StageCatalog stages() {
        return stages;
    }

    /** For the grading job, which has only the answer id: the row carries its own team and user. */
    public Optional<Answer> answerById(long answerId) {
        return repository.answerById(answerId);
    }

    public Optional<AskedQuestion> askedById(long askedId) {
        return repository.askedById(askedId);
    }

    /** How many follow-ups to this question the learner has had in the session. */
    public int countFollowUps(Learner who, long sessionId, String questionId) {
        return repository.countFollowUps(who, sessionId, questionId);
    }

    /** One of the learner's own answers (empty for anyone else's). */
    public Optional<Answer> answer(Learner who, long answerId) {
        return repository.answer(who, answerId);
    }

    /** When each of the learner's answers was given, oldest first (grading's report order, practice's streaks). */
    public List<AnswerStamp> answerStamps(Learner who) {
        return repository.answerStamps(who);
    }

    /** The learner's earlier answers to the same asked question (a retry is a new answer to it), newest first. */
    public List<Long> earlierAnswerIds(Learner who, long askedQuestionId, long answerId) {
        return repository.earlierAnswerIds(who, askedQuestionId, answerId);
    }

    /** The learner's answers in their open sessions, oldest first: what a session summary covers. */
    public List<Long> openSessionAnswerIds(Learner who) {
        return repository.openSessionAnswerIds(who);
    }

    /** For each of the learner's answers, the question it answered (one query, whatever the history's length). */
    public Map<Long, AnswerOf> questionsAnswered(Learner who) {
        return repository.questionsAnswered(who);
    }

    /** Every answer id after {@code afterId}, in pages of at most {@code limit}, oldest first. */
    public List<Long> answerIdsAfter(long afterId, int limit) {
        return repository.answerIdsAfter(afterId, limit);
    }

    /** Every answer of the learner with its question, oldest first. */
    public List<InterviewRepository.Answered> answered(Learner who) {
        return repository.answered(who);
    }

    /** Deletes every interview row of the learner; counts by table. */
    public Map<String, Integer> forget(Learner who) {
        return repository.forget(who);
    }
}
