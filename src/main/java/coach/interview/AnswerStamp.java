package coach.interview;

import java.time.Instant;

/** When an answer was given, and to which asked question: what grading orders reports by and streaks count. */
public record AnswerStamp(long answerId, long askedQuestionId, Instant answeredAt) {}
