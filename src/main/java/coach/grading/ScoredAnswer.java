package coach.grading;

import java.time.Instant;
import java.util.Map;

/** One graded answer of a learner, with its criterion scores: what progress and spaced review are built on. */
public record ScoredAnswer(long answerId, long askedQuestionId, String questionId, String kind, String stageId, int overall,
                           Map<String, Integer> criteria, Instant gradedAt) {}
