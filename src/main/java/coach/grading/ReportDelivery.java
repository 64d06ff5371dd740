package coach.grading;

import coach.interview.Answer;
import coach.interview.AskedQuestion;

/** Where a finished report goes (a Slack thread, the terminal). Throwing makes the grading job retry delivery only. */
@FunctionalInterface
public interface ReportDelivery {
    void deliver(GradedAnswer graded) throws Exception;

    /** Grading gave up on a stored answer: tell the user it is kept, and what to do. */
    default void gradingFailed(Answer answer, AskedQuestion asked) throws Exception {
    }
}
