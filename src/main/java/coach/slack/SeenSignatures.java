package coach.slack;

import coach.store.Sql;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/**
 * Signatures of Slack requests already taken. A signature covers the timestamp and the body, and a request is only
 * accepted within five minutes of its timestamp, so an identical request inside that window is a replay: the first
 * copy wins, on whichever instance it arrived (the table is shared).
 */
public final class SeenSignatures {
    private final Jdbi jdbi;
    private final Clock clock;

    public SeenSignatures(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** True the first time a signature is seen; false for every later copy. */
    public boolean firstTime(String signature, String teamId, String userId) {
        try {
            jdbi.useHandle(h -> h.createUpdate("""
                            insert into seen_signature (signature, team_id, user_id, received_at)
                            values (:signature, :team, :user, :at)""")
                    .bind("signature", signature)
                    .bind("team", teamId == null ? "" : teamId)
                    .bind("user", userId == null ? "" : userId)
                    .bind("at", clock.instant())
                    .execute());
            return true;
        } catch (RuntimeException e) {
            if (Sql.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Signatures older than the window (plus the 5 minutes a timestamp may lie ahead) can never be replayed. */
    public int purgeOlderThan(Duration age) {
        return jdbi.withHandle(h -> h.createUpdate("delete from seen_signature where received_at < :cutoff")
                .bind("cutoff", clock.instant().minus(age)).execute());
    }

    /** Deletes the request signatures recorded for this user; the number of rows. */
    public int forget(String teamId, String userId) {
        return jdbi.withHandle(h -> h.createUpdate("delete from seen_signature where team_id = :team and user_id = :user")
                .bind("team", teamId).bind("user", userId).execute());
    }
}
