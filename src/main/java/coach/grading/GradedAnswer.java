package coach.grading;

import coach.interview.Answer;
import coach.interview.AskedQuestion;
import java.util.Optional;

/**
 * A stored grade together with the answer and question it belongs to: what a report is made from.
 *
 * @param attempt  which attempt at this question the answer is (1 for the first; "Try again" makes more)
 * @param previous the grade of the attempt before it, when there was one (null otherwise)
 */
public record GradedAnswer(long gradeId, Answer answer, AskedQuestion asked, Grade grade, int attempt, Grade previous) {
    public GradedAnswer(long gradeId, Answer answer, AskedQuestion asked, Grade grade) {
        this(gradeId, answer, asked, grade, 1, null);
    }

    public Optional<Grade> previousAttempt() {
        return Optional.ofNullable(previous);
    }
}
