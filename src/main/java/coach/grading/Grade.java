package coach.grading;

import java.util.List;

/**
 * A graded answer. {@code overall} is always computed in code from the criterion scores and weights
 * ({@link Scoring}), never taken from a model.
 *
 * @param grader      which grader produced it ("offline" or the LLM model name)
 * @param note        why the grade is what it is when something went wrong (e.g. the LLM failed and the
 *                    offline grader stood in); empty when all went to plan
 * @param flags       things the user should know (e.g. a prompt-injection attempt was ignored)
 */
public record Grade(int overall, List<CriterionScore> criteria, List<String> improvements, String rewrite,
                    String grader, String note, List<String> flags) {

    public Grade withNote(String newNote) {
        return new Grade(overall, criteria, improvements, rewrite, grader, newNote, flags);
    }
}
