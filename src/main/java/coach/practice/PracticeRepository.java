package coach.practice;

import coach.interview.Learner;
import coach.store.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** Subscriptions, deliveries, pauses and channel posts. Every row carries team and user. */
public final class PracticeRepository {
    private final Jdbi jdbi;

    public PracticeRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One reminder that went out (or is going out) for a subscription on a local date. */
    public record Delivery(long id, String status, int attempts, Long askedQuestionId) {}

    /** A channel's question of the day, as posted. */
    public record ChannelPost(String teamId, String channelId, String messageTs, long subscriptionId, String stageId,
                              String questionId, String prompt) {}

    public long insert(String teamId, String userId, String kind, String channelId, LocalTime time, Set<DayOfWeek> days,
                       String stage, ZoneId zone, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                insert into practice_subscription (team_id, user_id, kind, channel_id, local_time, days, stage, zone, status, created_at)
                values (:team, :user, :kind, :channel, :time, :days, :stage, :zone, 'active', :now)""")
                .bind("team", teamId).bind("user", userId).bind("kind", kind).bind("channel", channelId)
                .bind("time", time.toString()).bind("days", days.stream().map(DayOfWeek::name).collect(Collectors.joining(",")))
                .bind("stage", stage).bind("zone", zone.getId()).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    public Optional<Subscription> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("select * from practice_subscription where id = :id")
                .bind("id", id).map(PracticeRepository::subscription).findFirst());
    }

    /** The user's DM subscription that is not stopped, if any. */
    public Optional<Subscription> current(Learner who) {
        return jdbi.withHandle(h -> h.createQuery("""
                select * from practice_subscription where team_id = :team and user_id = :user and kind = 'dm'
                  and status <> 'stopped' order by id desc limit 1""")
                .bind("team", who.teamId()).bind("user", who.userId()).map(PracticeRepository::subscription).findFirst());
    }

    public Optional<Subscription> currentForChannel(String teamId, String channelId) {
        return jdbi.withHandle(h -> h.createQuery("""
                select * from practice_subscription where team_id = :team and channel_id = :channel and kind = 'channel'
                  and status <> 'stopped' order by id desc limit 1""")
                .bind("team", teamId).bind("channel", channelId).map(PracticeRepository::subscription).findFirst());
    }

    public void setStatus(long id, String status, LocalDate pausedUntil) {
        jdbi.useHandle(h -> h.createUpdate("update practice_subscription set status = :status, paused_until = :until where id = :id")
                .bind("status", status).bind("until", pausedUntil).bind("id", id).execute());
    }

    public void setZone(long id, ZoneId zone) {
        jdbi.useHandle(h -> h.createUpdate("update practice_subscription set zone = :zone where id = :id")
                .bind("zone", zone.getId()).bind("id", id).execute());
    }

    public void addPause(Learner who, LocalDate from, LocalDate until) {
        jdbi.useHandle(h -> h.createUpdate("""
                insert into practice_pause (team_id, user_id, from_date, until_date) values (:team, :user, :from, :until)""")
                .bind("team", who.teamId()).bind("user", who.userId()).bind("from", from).bind("until", until).execute());
    }

    /** Pauses end early on resume: the days after it are practice days again. */
    public void endPauses(Learner who, LocalDate today) {
        jdbi.useHandle(h -> h.createUpdate("""
                update practice_pause set until_date = :today where team_id = :team and user_id = :user and until_date > :today""")
                .bind("team", who.teamId()).bind("user", who.userId()).bind("today", today).execute());
    }

    /** Days the user had paused reminders (from inclusive, until exclusive). */
    public List<LocalDate[]> pauses(Learner who) {
        return jdbi.withHandle(h -> h.createQuery("select from_date, until_date from practice_pause where team_id = :team and user_id = :user")
                .bind("team", who.teamId()).bind("user", who.userId())
                .map((rs, ctx) -> new LocalDate[] {rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)}).list());
    }

    /** Inserts the delivery for a day, or returns the existing one: the unique key makes each day go out once. */
    public Delivery deliveryFor(Subscription s, LocalDate date, Instant now) {
        Optional<Delivery> existing = delivery(s.id(), date);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            jdbi.useHandle(h -> h.createUpdate("""
                    insert into practice_delivery (team_id, user_id, subscription_id, local_date, status, attempts, created_at)
                    values (:team, :user, :sub, :date, 'pending', 0, :now)""")
                    .bind("team", s.teamId()).bind("user", s.userId()).bind("sub", s.id()).bind("date", date).bind("now", now)
                    .execute());
        } catch (RuntimeException e) {
            if (!Sql.isUniqueViolation(e)) throw e; // another instance got there first
        }
        return delivery(s.id(), date).orElseThrow();
    }

    public Optional<Delivery> delivery(long subscriptionId, LocalDate date) {
        return jdbi.withHandle(h -> h.createQuery("""
                select id, status, attempts, asked_question_id from practice_delivery where subscription_id = :sub and local_date = :date""")
                .bind("sub", subscriptionId).bind("date", date)
                .map((rs, ctx) -> new Delivery(rs.getLong(1), rs.getString(2), rs.getInt(3), (Long) rs.getObject(4, Long.class)))
                .findFirst());
    }

    /** A claim older than this was left by an instance that died mid-send: another run may take it over. */
    static final java.time.Duration STALE_CLAIM = java.time.Duration.ofSeconds(15);

    /**
     * Claims a pending delivery for sending (pending → sending), so that of two instances running the same day's
     * reminder only one posts it; a stale claim (its instance died) is taken over, and the idempotent post keeps the
     * reminder from going out twice.
     */
    public boolean claim(long deliveryId, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                update practice_delivery set status = 'sending', attempts = attempts + 1, claimed_at = :now
                where id = :id and (status = 'pending' or (status = 'sending' and (claimed_at is null or claimed_at < :stale)))""")
                .bind("id", deliveryId).bind("now", now).bind("stale", now.minus(STALE_CLAIM)).execute()) == 1;
    }

    public void finish(long deliveryId, String status, Long askedQuestionId, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("""
                update practice_delivery set status = :status, asked_question_id = :asked, sent_at = :now where id = :id""")
                .bind("status", status).bind("asked", askedQuestionId).bind("now", now).bind("id", deliveryId).execute());
    }

    /** A failed attempt: back to pending, to be tried again. */
    public void release(long deliveryId) {
        jdbi.useHandle(h -> h.createUpdate("update practice_delivery set status = 'pending' where id = :id")
                .bind("id", deliveryId).execute());
    }

    public int countSent(long subscriptionId) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from practice_delivery where subscription_id = :sub and status = 'sent'")
                .bind("sub", subscriptionId).mapTo(Integer.class).one());
    }

    /** Records a channel's question of the day; a second record of the same post (a repeated run) is ignored. */
    public void insertChannelPost(ChannelPost post, String userId) {
        try {
            insertChannelPostOnce(post, userId);
        } catch (RuntimeException e) {
            if (!Sql.isUniqueViolation(e)) throw e;
        }
    }

    private void insertChannelPostOnce(ChannelPost post, String userId) {
        jdbi.useHandle(h -> h.createUpdate("""
                insert into practice_channel_post (team_id, channel_id, message_ts, user_id, subscription_id, stage_id, question_id, prompt)
                values (:team, :channel, :ts, :user, :sub, :stage, :question, :prompt)""")
                .bind("team", post.teamId()).bind("channel", post.channelId()).bind("ts", post.messageTs()).bind("user", userId)
                .bind("sub", post.subscriptionId()).bind("stage", post.stageId()).bind("question", post.questionId())
                .bind("prompt", post.prompt()).execute());
    }

    public Optional<ChannelPost> channelPost(String teamId, String channelId, String messageTs) {
        return jdbi.withHandle(h -> h.createQuery("""
                select * from practice_channel_post where team_id = :team and channel_id = :channel and message_ts = :ts""")
                .bind("team", teamId).bind("channel", channelId).bind("ts", messageTs)
                .map((rs, ctx) -> new ChannelPost(rs.getString("team_id"), rs.getString("channel_id"), rs.getString("message_ts"),
                        rs.getLong("subscription_id"), rs.getString("stage_id"), rs.getString("question_id"), rs.getString("prompt")))
                .findFirst());
    }

    private static Subscription subscription(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String d : rs.getString("days").split(",")) {
            if (!d.isBlank()) days.add(DayOfWeek.valueOf(d));
        }
        return new Subscription(rs.getLong("id"), rs.getString("team_id"), rs.getString("user_id"), rs.getString("kind"),
                rs.getString("channel_id"), LocalTime.parse(rs.getString("local_time")), days, rs.getString("stage"),
                ZoneId.of(rs.getString("zone")), rs.getString("status"), rs.getObject("paused_until", LocalDate.class));
    }

    /** Deletes every practice row of the learner (deliveries, pauses, channel posts, subscriptions); counts by table. */
    public Map<String, Integer> forget(Learner who) {
        return jdbi.withHandle(h -> {
            Map<String, Integer> counts = new java.util.LinkedHashMap<>();
            for (String table : List.of("practice_delivery", "practice_pause", "practice_channel_post", "practice_subscription")) {
                counts.put(table, h.createUpdate("delete from " + table + " where team_id = :team and user_id = :user")
                        .bind("team", who.teamId()).bind("user", who.userId()).execute());
            }
            return counts;
        });
    }
}
