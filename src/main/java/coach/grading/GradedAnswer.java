package coach.grading;

import coach.interview.Answer;
import coach.interview.AskedQuestion;

/** A stored grade together with the answer and question it belongs to: what a report is made from. */
public record GradedAnswer(long gradeId, Answer answer, AskedQuestion asked, Grade grade) {
}
