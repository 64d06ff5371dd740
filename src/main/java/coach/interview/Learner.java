package coach.interview;

/** Who is practising: a Slack user in a workspace. Every stored row is keyed by both. */
public record Learner(String teamId, String userId) {
    public Learner {
        if (teamId == null || teamId.isBlank() || userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("team and user are required");
        }
    }
}
