package coach.practice;

import coach.interview.Learner;
import java.util.Optional;

/** The question a learner is due to review, if any: a daily reminder set to "mix" asks it first. */
@FunctionalInterface
public interface ReviewPicker {
    ReviewPicker NONE = who -> Optional.empty();

    /** A due review: the stage and the bank question to ask again. */
    record Due(String stageId, String questionId) {}

    Optional<Due> due(Learner who);
}
