package coach.slack;

import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * Remembers which Slack events were handled. Slack retries an event it thinks was not acked; Bolt does not
 * de-duplicate, so the first delivery of an event_id wins and later ones are dropped.
 */
public final class EventLog {
    private final Jdbi jdbi;
    private final Clock clock;

    public EventLog(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Forgets events older than {@code age}: Slack stops retrying an event within minutes. */
    public int purgeOlderThan(java.time.Duration age) {
        return jdbi.withHandle(h -> h.createUpdate("delete from processed_event where received_at < :cutoff")
                .bind("cutoff", clock.instant().minus(age)).execute());
    }

    /**
     * Returns true the first time an event is seen, false for every retry of it. "on conflict do nothing" rather than
     * catching the unique violation: this runs inside a request's transaction, and on PostgreSQL a failed statement
     * would abort the whole transaction (the answer stored with it included).
     */
    public boolean firstDelivery(String teamId, String eventId) {
        if (eventId == null || eventId.isBlank()) {
            return true;
        }
        return jdbi.withHandle(h -> h.createUpdate("""
                        insert into processed_event (team_id, event_id, received_at) values (:team, :event, :at)
                        on conflict do nothing""")
                .bind("team", teamId == null ? "" : teamId)
                .bind("event", eventId)
                .bind("at", clock.instant())
                .execute()) == 1;
    }
}
