package coach.interview;

import coach.config.Stage;
import java.util.function.Predicate;

/**
 * Which of a stage's questions a learner should rather get next (e.g. those that exercise their weakest criterion).
 * A preference only orders the choice: a question is still never repeated before the stage's bank is used up.
 */
@FunctionalInterface
public interface QuestionPreference {
    QuestionPreference NONE = (who, stage) -> q -> false;

    Predicate<Question> prefer(Learner who, Stage stage);
}
