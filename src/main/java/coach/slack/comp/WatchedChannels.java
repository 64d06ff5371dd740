package coach.slack.comp;

import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/** Channels that opted in to answers for every compensation question (/comp watch, /comp unwatch). */
public final class WatchedChannels {
    private final Jdbi jdbi;
    private final Clock clock;

    public WatchedChannels(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Returns false when the channel was already watched. */
    public boolean watch(String teamId, String channelId, String userId) {
        // no exception for "already watched": this runs inside the command's transaction, which on PostgreSQL a
        // failed statement would abort
        return jdbi.withHandle(h -> h.createUpdate("""
                insert into comp_watch (team_id, channel_id, user_id, created_at) values (:team, :channel, :user, :now)
                on conflict do nothing""")
                .bind("team", teamId).bind("channel", channelId).bind("user", userId).bind("now", clock.instant())
                .execute()) == 1;
    }

    /** Returns false when the channel was not watched. */
    public boolean unwatch(String teamId, String channelId) {
        return jdbi.withHandle(h -> h.createUpdate("delete from comp_watch where team_id = :team and channel_id = :channel")
                .bind("team", teamId).bind("channel", channelId).execute()) > 0;
    }

    public boolean isWatched(String teamId, String channelId) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from comp_watch where team_id = :team and channel_id = :channel")
                .bind("team", teamId).bind("channel", channelId).mapTo(Integer.class).one()) > 0;
    }

    /** Deletes the channels this user opted in (they stop being watched); the number of rows. */
    public int forget(String teamId, String userId) {
        return jdbi.withHandle(h -> h.createUpdate("delete from comp_watch where team_id = :team and user_id = :user")
                .bind("team", teamId).bind("user", userId).execute());
    }
}
