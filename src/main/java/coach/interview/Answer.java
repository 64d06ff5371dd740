package coach.interview;

import java.time.Instant;

/** What the user answered, kept verbatim. {@code sourceKey} makes the same Slack delivery count once. */
public record Answer(long id, String teamId, String userId, long askedQuestionId, String body, String source,
                     String sourceKey, Instant createdAt) {
}
