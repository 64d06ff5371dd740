package coach.slack;

import coach.store.Sql;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** The slack_delivery table: what has been posted, and whether an unfinished attempt may have reached Slack. */
public final class DeliveryLog {
    public static final String PENDING = "pending";
    public static final String SENT = "sent";

    public record Row(String deliveryId, String status, int attempts, boolean maybePosted, Instant firstAttemptAt,
               Instant attemptStartedAt, String messageTs) {}

    private final Jdbi jdbi;
    private final Clock clock;

    public DeliveryLog(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
        jdbi.registerRowMapper(ConstructorMapper.factory(Row.class));
    }

    /** The delivery's row, created on first sight. */
    /** A delivery's row, and whether this attempt created it (and so holds its first claim). */
    public record Opened(Row row, boolean claimed) {}

    /**
     * The delivery's row. A new row is created already claimed by this attempt (no other attempt can have created it):
     * one commit instead of an insert and a claim. An existing row is returned as it is, unclaimed.
     */
    public Opened open(Outgoing o) {
        Instant now = clock.instant();
        try {
            jdbi.useHandle(h -> h.createUpdate("""
                    insert into slack_delivery (delivery_id, team_id, user_id, channel_id, status, attempts, maybe_posted,
                                                first_attempt_at, attempt_started_at, created_at)
                    values (:id, :team, :user, :channel, 'pending', 1, true, :now, :now, :now)""")
                    .bind("id", o.id()).bind("team", nz(o.teamId())).bind("user", nz(o.userId()))
                    .bind("channel", nz(o.channel())).bind("now", now).execute());
            return new Opened(new Row(o.id(), "pending", 1, true, now, now, null), true);
        } catch (RuntimeException e) {
            if (!Sql.isUniqueViolation(e)) throw e;
        }
        return new Opened(find(o.id()).orElseThrow(), false);
    }

    public Optional<Row> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("""
                select delivery_id, status, attempts, maybe_posted, first_attempt_at, attempt_started_at, message_ts
                from slack_delivery where delivery_id = :id""").bind("id", id).mapTo(Row.class).findFirst());
    }

    /**
     * Takes the next attempt, unless another one took it first or is still within its lease (another instance, or a
     * run that died mid-call). The row says "maybe posted" from here until the attempt proves otherwise.
     */
    public boolean claim(Row row, Duration lease) {
        Instant now = clock.instant();
        return jdbi.withHandle(h -> h.createUpdate("""
                update slack_delivery set attempts = attempts + 1, maybe_posted = true, attempt_started_at = :now,
                       first_attempt_at = coalesce(first_attempt_at, :now)
                where delivery_id = :id and status = 'pending' and attempts = :attempts
                  and (attempt_started_at is null or attempt_started_at < :cutoff)""")
                .bind("id", row.deliveryId()).bind("attempts", row.attempts()).bind("now", now)
                .bind("cutoff", now.minus(lease)).execute()) == 1;
    }

    /** The message is posted: recorded in one commit with {@code completes} (what the post completes, if anything). */
    public void sent(String id, String ts, Runnable completes) {
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                    update slack_delivery set status = 'sent', message_ts = :ts, attempt_started_at = null
                    where delivery_id = :id""").bind("id", id).bind("ts", ts).execute();
            completes.run();
        });
    }

    /**
     * The attempt ended without a ts. {@code maybePosted} is false when the failure proves nothing was posted (a 429,
     * ok=false); an earlier ambiguous attempt was already looked for, and not found, before this one was made.
     */
    public void attemptFailed(String id, boolean maybePosted) {
        jdbi.useHandle(h -> h.createUpdate("""
                update slack_delivery set attempt_started_at = null, maybe_posted = :maybe
                where delivery_id = :id""").bind("id", id).bind("maybe", maybePosted).execute());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Deletes the record of messages sent to this user; the number of rows. */
    public int forget(String teamId, String userId) {
        return jdbi.withHandle(h -> h.createUpdate("delete from slack_delivery where team_id = :team and user_id = :user")
                .bind("team", teamId).bind("user", userId).execute());
    }
}
