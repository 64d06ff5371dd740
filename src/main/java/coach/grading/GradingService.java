package coach.grading;

import coach.config.StageCatalog;
import coach.interview.Answer;
import coach.interview.AskedQuestion;
import coach.interview.InterviewRepository;
import coach.interview.Question;
import coach.interview.QuestionBank;
import java.time.Clock;
import java.util.List;

/** Grades stored answers exactly once and keeps the result; the answer is always stored before grading starts. */
public final class GradingService {
    private final StageCatalog stages;
    private final QuestionBank bank;
    private final Rubrics rubrics;
    private final Grader grader;
    private final InterviewRepository interviews;
    private final GradeRepository grades;
    private final Clock clock;

    public GradingService(StageCatalog stages, QuestionBank bank, Rubrics rubrics, Grader grader,
                          InterviewRepository interviews, GradeRepository grades, Clock clock) {
        this.stages = stages;
        this.bank = bank;
        this.rubrics = rubrics;
        this.grader = grader;
        this.interviews = interviews;
        this.grades = grades;
        this.clock = clock;
    }

    /** Grades the answer unless it already has a grade; returns the stored grade with its answer and question. */
    public GradedAnswer gradeOnce(long answerId) {
        Answer answer = interviews.answerById(answerId)
                .orElseThrow(() -> new IllegalArgumentException("no answer " + answerId));
        AskedQuestion asked = interviews.askedById(answer.askedQuestionId()).orElseThrow();
        GradeRepository.StoredGrade stored = grades.forAnswer(answerId).orElseGet(() -> {
            Grade grade = grader.grade(request(asked, answer.body()));
            return grades.save(answerId, answer.teamId(), answer.userId(), asked.stageId(), grade, clock.instant());
        });
        return new GradedAnswer(stored.id(), answer, asked, stored.grade());
    }

    public boolean isReported(long answerId) {
        return grades.forAnswer(answerId).map(GradeRepository.StoredGrade::reported).orElse(false);
    }

    public void markReported(GradedAnswer graded) {
        grades.markReported(graded.gradeId(), clock.instant());
    }

    GradingRequest request(AskedQuestion asked, String answer) {
        List<String> keyPoints = bank.byId(asked.questionId()).map(Question::keyPoints).orElse(List.of());
        return new GradingRequest(stages.get(asked.stageId()), asked.prompt(), keyPoints,
                rubrics.forStage(asked.stageId()), answer);
    }

    public Rubrics rubrics() {
        return rubrics;
    }

    public String graderName() {
        return grader.name();
    }
}
