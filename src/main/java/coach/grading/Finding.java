package coach.grading;

/**
 * What one detector found for one criterion: the score (1–5), the sentence of the answer that shows it (empty when
 * nothing does), and what the answer lacks for the next level up (empty at 5). The report shows the anchor of the
 * score with this shortfall, so the text under a quote always agrees with it.
 */
record Finding(int score, String evidence, String shortfall) {
    Finding {
        if (score < 1 || score > 5) throw new IllegalArgumentException("score " + score + " outside 1-5");
        evidence = evidence == null ? "" : evidence;
        shortfall = score == 5 || shortfall == null ? "" : shortfall;
    }
}
