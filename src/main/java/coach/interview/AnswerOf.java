package coach.interview;

/** The question an answer answered: its asked question, the bank's question id, and its kind (main, follow-up). */
public record AnswerOf(long askedQuestionId, String questionId, String kind) {}
