package coach.interview;

import java.time.Instant;

/** A question as it was put to one user, and the Slack message that carries it (null before it is posted). */
public record AskedQuestion(long id, String teamId, String userId, long sessionId, String stageId, String questionId,
                            String kind, String prompt, Long parentId, String channelId, String messageTs, Instant askedAt) {
    public static final String MAIN = "main";
    public static final String FOLLOW_UP = "follow_up";
    /** A channel's question of the day, answered by a member in its thread. */
    public static final String CHANNEL = "channel";

    public Learner learner() {
        return new Learner(teamId, userId);
    }
}
