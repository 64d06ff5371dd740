package coach.progress;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A learner's progress as the coach tells it: per stage, per criterion (with the trend narrated), the streak, what is
 * due for review and what to practise next. Adapters render it (Block Kit, App Home, plain text).
 *
 * @param answers  graded answers in total
 * @param needs    what the coach can't say yet and why (empty once there is enough history)
 * @param selfAssessment how the learner's own ratings compare with the grades, in a sentence
 */
public record Progress(int answers, List<StageProgress> stages, List<CriterionProgress> criteria, int streak,
                       List<ReviewItem> due, Recommendation next, String needs, String selfAssessment) {

    /** Scores for one stage: how many, the average, and the last ten overall scores as a sparkline. */
    public record StageProgress(String stageId, String stageName, int answers, int average, String sparkline,
                                List<Integer> lastScores) {}

    /** One criterion across the learner's answers, with its trend told in a sentence. */
    public record CriterionProgress(String criterionId, String name, int answers, double average, int from, int to,
                                    Trend trend, String narration) {}

    /** A question that comes back for review, and why. */
    public record ReviewItem(long askedQuestionId, String questionId, String stageId, int lastScore, Instant lastAnsweredAt,
                             Instant dueAt, String weakestCriterion, String reason) {}

    /** What to practise next: a stage, with the question to review first when one is due. */
    public record Recommendation(String stageId, String stageName, String reason, Optional<ReviewItem> review) {}

    public Optional<CriterionProgress> weakest() {
        return criteria.stream().min(java.util.Comparator.comparingDouble(CriterionProgress::average));
    }
}
