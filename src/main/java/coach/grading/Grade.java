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
 * @param advice      advice that is not a score, e.g. how long strong answers to this stage usually are; may be empty
 */
public record Grade(int overall, List<CriterionScore> criteria, List<String> improvements, String rewrite,
                    String grader, String note, List<String> flags, Usage usage, String advice) {

    /** What grading cost: LLM calls made (0 for the offline grader) and the tokens they used. */
    public record Usage(int llmCalls, long inputTokens, long outputTokens) {
        public static final Usage NONE = new Usage(0, 0, 0);

        public Usage plus(Usage other) {
            return new Usage(llmCalls + other.llmCalls, inputTokens + other.inputTokens, outputTokens + other.outputTokens);
        }
    }

    public Grade(int overall, List<CriterionScore> criteria, List<String> improvements, String rewrite,
                 String grader, String note, List<String> flags) {
        this(overall, criteria, improvements, rewrite, grader, note, flags, Usage.NONE, "");
    }

    public Grade {
        usage = usage == null ? Usage.NONE : usage;
        advice = advice == null ? "" : advice;
        rewrite = rewrite == null ? "" : rewrite;
        note = note == null ? "" : note;
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    /** The published band the overall score falls in. */
    public ScoreBand band() {
        return ScoreBand.of(overall);
    }

    public Grade withAdvice(String newAdvice) {
        return new Grade(overall, criteria, improvements, rewrite, grader, note, flags, usage, newAdvice);
    }

    public Grade withNote(String newNote) {
        return new Grade(overall, criteria, improvements, rewrite, grader, newNote, flags, usage, advice);
    }

    public Grade withUsage(Usage newUsage) {
        return new Grade(overall, criteria, improvements, rewrite, grader, note, flags, newUsage, advice);
    }
}
