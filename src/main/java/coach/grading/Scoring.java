package coach.grading;

import java.util.List;

/** The overall score out of 100, computed from criterion scores (1–5) and weights. */
public final class Scoring {
    private Scoring() {}

    /** 1 on every criterion is 0, 5 on every criterion is 100. */
    public static int overall(List<CriterionScore> scores) {
        double total = 0;
        double weights = 0;
        for (CriterionScore s : scores) {
            total += s.weight() * (s.score() - 1) / 4.0;
            weights += s.weight();
        }
        return weights == 0 ? 0 : (int) Math.round(100 * total / weights);
    }
}
