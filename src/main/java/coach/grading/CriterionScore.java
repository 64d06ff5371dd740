package coach.grading;

/** The score (1–5) one criterion earned, with a verbatim quote from the answer as evidence (may be empty). */
public record CriterionScore(String criterionId, String name, double weight, int score, String evidence, String rationale) {
}
