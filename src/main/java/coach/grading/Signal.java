package coach.grading;

/** Which deterministic detector the offline grader uses for a rubric criterion. */
public enum Signal {
    QUANTIFIED_IMPACT, KEY_POINTS, TRADEOFFS, STRUCTURE, DEPTH, COMPLEXITY;

    public static Signal parse(String value) {
        return Signal.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
