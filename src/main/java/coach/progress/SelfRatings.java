package coach.progress;

import coach.interview.Learner;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** Self-ratings of answers (progress's own table): one per answer, the latest tap wins. */
public final class SelfRatings {
    private final Jdbi jdbi;

    public SelfRatings(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    void save(Learner who, long answerId, int rating, Instant now) {
        jdbi.useHandle(h -> {
            int updated = h.createUpdate("""
                    update self_rating set rating = :rating, rated_at = :now
                    where team_id = :team and user_id = :user and answer_id = :answer""")
                    .bind("rating", rating).bind("now", now).bind("team", who.teamId()).bind("user", who.userId())
                    .bind("answer", answerId).execute();
            if (updated == 0) {
                h.createUpdate("""
                        insert into self_rating (team_id, user_id, answer_id, rating, rated_at)
                        values (:team, :user, :answer, :rating, :now)""")
                        .bind("rating", rating).bind("now", now).bind("team", who.teamId()).bind("user", who.userId())
                        .bind("answer", answerId).execute();
            }
        });
    }

    /** answer id → rating, for this learner only. */
    Map<Long, Integer> byAnswer(Learner who) {
        Map<Long, Integer> out = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("select answer_id, rating from self_rating where team_id = :team and user_id = :user")
                .bind("team", who.teamId()).bind("user", who.userId())
                .map((rs, ctx) -> out.put(rs.getLong(1), rs.getInt(2))).list());
        return out;
    }

    int forget(Learner who) {
        return jdbi.withHandle(h -> h.createUpdate("delete from self_rating where team_id = :team and user_id = :user")
                .bind("team", who.teamId()).bind("user", who.userId()).execute());
    }
}
