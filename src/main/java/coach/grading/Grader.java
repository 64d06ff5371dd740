package coach.grading;

/** Grades one answer against its stage's rubric. */
public interface Grader {
    Grade grade(GradingRequest request);

    /** A short name shown in reports ("offline", or the model name). */
    String name();
}
