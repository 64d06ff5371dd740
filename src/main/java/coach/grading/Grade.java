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
                    String grader, String note, List<String> flags, Usage usage) {

    /** What grading cost: LLM calls made (0 for the offline grader) and the tokens they used. */
    public record Usage(int llmCalls, long inputTokens, long outputTokens) {
        public static final Usage NONE = new Usage(0, 0, 0);

        public Usage plus(Usage other) {
            return new Usage(llmCalls + other.llmCalls, inputTokens + other.inputTokens, outputTokens + other.outputTokens);
        }
    }

    public Grade(int overall, List<CriterionScore> criteria, List<String> improvements, String rewrite,
                 String grader, String note, List<String> flags) {
        this(overall, criteria, improvements, rewrite, grader, note, flags, Usage.NONE);
    }

    public Grade {
        usage = usage == null ? Usage.NONE : usage;
    }

    public Grade withNote(String newNote) {
        return new Grade(overall, criteria, improvements, rewrite, grader, newNote, flags, usage);
    }

    public Grade withUsage(Usage newUsage) {
        return new Grade(overall, criteria, improvements, rewrite, grader, note, flags, newUsage);
    }
}
