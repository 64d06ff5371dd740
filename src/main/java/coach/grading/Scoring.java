package coach.grading;

import java.util.List;

/**
 * The overall score out of 100, computed from criterion scores (1–5) and weights, whichever grader graded.
 *
 * <p>Each criterion level is worth fixed points — 1 → 10, 2 → 30, 3 → 60, 4 → 90, 5 → 100 — and the overall is their
 * weighted average. The points are chosen so the published bands ({@link ScoreBand}) mean what they say: 4 on every
 * criterion is 90, "interview-ready"; 3 on every criterion is 60, "developing"; an answer whose only level above 3
 * is quantified impact at 4 lands around 70, "strong"; 2 on every criterion is 30, "needs work". They were tuned on
 * the calibration set's tuning split (eval/answers.yaml) and are reported on its held-out split.
 */
public final class Scoring {
    /** Points for a criterion level, index = level. Published in the README and in /mock rubric. */
    static final int[] POINTS = {0, 10, 30, 60, 90, 100};

    private Scoring() {}

    public static int points(int level) {
        return POINTS[Math.max(1, Math.min(5, level))];
    }

    public static int overall(List<CriterionScore> scores) {
        double total = 0;
        double weights = 0;
        for (CriterionScore s : scores) {
            total += s.weight() * points(s.score());
            weights += s.weight();
        }
        return weights == 0 ? 0 : (int) Math.round(total / weights);
    }

    /** How the points are published: "1 → 10 · 2 → 30 · 3 → 60 · 4 → 90 · 5 → 100". */
    public static String pointsLine() {
        StringBuilder sb = new StringBuilder();
        for (int level = 1; level <= 5; level++) {
            sb.append(level == 1 ? "" : " · ").append(level).append(" → ").append(POINTS[level]);
        }
        return sb.toString();
    }
}
