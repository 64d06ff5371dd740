package coach.grading;

/**
 * The published score bands: every report shows the band next to the score, so a number means the same thing in
 * every report, whichever grader graded it. The calibration set's labels map onto them: a "strong" answer belongs
 * in 70–100, an "adequate" one in 40–69, a "weak" one below 40.
 */
public enum ScoreBand {
    INTERVIEW_READY("Interview-ready", 85, 100, "would pass this stage as it stands"),
    STRONG("Strong", 70, 84, "would likely pass; one criterion holds it back"),
    DEVELOPING("Developing", 40, 69, "relevant and mostly right, but missing something an interviewer looks for, "
            + "most often quantified customer impact"),
    NEEDS_WORK("Needs work", 0, 39, "vague, off-topic or too thin to judge");

    private final String label;
    private final int low;
    private final int high;
    private final String meaning;

    ScoreBand(String label, int low, int high, String meaning) {
        this.label = label;
        this.low = low;
        this.high = high;
        this.meaning = meaning;
    }

    public static ScoreBand of(int score) {
        for (ScoreBand b : values()) {
            if (score >= b.low) return b;
        }
        return NEEDS_WORK;
    }

    public String label() {
        return label;
    }

    public int low() {
        return low;
    }

    public int high() {
        return high;
    }

    public String meaning() {
        return meaning;
    }

    /** "85–100 Interview-ready · 70–84 Strong · 40–69 Developing · 0–39 Needs work". */
    public static String legend() {
        StringBuilder sb = new StringBuilder();
        for (ScoreBand b : values()) {
            sb.append(sb.isEmpty() ? "" : " · ").append(b.low).append('–').append(b.high).append(' ').append(b.label);
        }
        return sb.toString();
    }

    /** How a score out of 100 is made and what it means: the same words in Slack, the console and the README. */
    public static String howScored() {
        return "Each criterion is scored 1–5 on its anchors; a level is worth " + Scoring.pointsLine()
                + " points, and the overall score out of 100 is their weighted average, computed in code. "
                + "Bands: " + legend() + ".";
    }

    /** "Strong (70–84)". */
    public String withRange() {
        return label + " (" + low + "–" + high + ")";
    }
}
