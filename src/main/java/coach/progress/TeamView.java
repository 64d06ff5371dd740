package coach.progress;

import coach.config.Stage;
import coach.config.StageCatalog;
import coach.grading.GradeRepository.StageAggregate;
import coach.grading.GradingService;
import coach.interview.Learner;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * A channel's team view, opt-in: aggregates over the members who joined it — how many practised in the last 7 days,
 * the average by stage — never one person's scores. Nothing is shown for fewer than {@link #MIN_MEMBERS} members,
 * and a stage only when at least that many of them answered it, so no figure can be traced to one person.
 */
public final class TeamView {
    public static final int MIN_MEMBERS = 3;
    private final Jdbi jdbi;
    private final GradingService grading;
    private final StageCatalog stages;
    private final Clock clock;

    public TeamView(Jdbi jdbi, GradingService grading, StageCatalog stages, Clock clock) {
        this.jdbi = jdbi;
        this.grading = grading;
        this.stages = stages;
        this.clock = clock;
    }

    /** What a channel's team looks like; {@code stages} is empty until there are enough members. */
    public record Summary(int members, int practisedThisWeek, List<StageLine> stages) {
        public boolean enough() {
            return members >= MIN_MEMBERS;
        }
    }

    public record StageLine(String stageName, int learners, int average) {}

    /** Opts in; false when already a member. */
    public boolean join(Learner who, String channelId) {
        return jdbi.withHandle(h -> {
            boolean member = h.createQuery("select count(*) from team_member where team_id = :t and channel_id = :c "
                    + "and user_id = :u").bind("t", who.teamId()).bind("c", channelId).bind("u", who.userId())
                    .mapTo(Integer.class).one() > 0;
            if (!member) {
                h.createUpdate("insert into team_member (team_id, user_id, channel_id, joined_at) values (:t, :u, :c, :now)")
                        .bind("t", who.teamId()).bind("u", who.userId()).bind("c", channelId).bind("now", clock.instant())
                        .execute();
            }
            return !member;
        });
    }

    public boolean leave(Learner who, String channelId) {
        return forget(who, Optional.of(channelId)) > 0;
    }

    public Summary summary(String teamId, String channelId) {
        List<String> members = jdbi.withHandle(h -> h.createQuery(
                        "select user_id from team_member where team_id = :t and channel_id = :c order by user_id")
                .bind("t", teamId).bind("c", channelId).mapTo(String.class).list());
        if (members.size() < MIN_MEMBERS) {
            return new Summary(members.size(), 0, List.of());
        }
        int practised = grading.learnersGradedSince(teamId, members, clock.instant().minus(Duration.ofDays(7)));
        List<StageLine> lines = new ArrayList<>();
        for (StageAggregate a : grading.stageAggregates(teamId, members)) {
            if (a.learners() < MIN_MEMBERS) continue;
            lines.add(new StageLine(stages.find(a.stageId()).map(Stage::name).orElse(a.stageId()), a.learners(),
                    (int) Math.round(a.average())));
        }
        return new Summary(members.size(), practised, lines);
    }

    /** Forget-me: leaves every team view (or one channel's); the number of rows deleted. */
    int forget(Learner who, Optional<String> channelId) {
        return jdbi.withHandle(h -> {
            var delete = h.createUpdate("delete from team_member where team_id = :t and user_id = :u"
                    + channelId.map(c -> " and channel_id = :c").orElse(""))
                    .bind("t", who.teamId()).bind("u", who.userId());
            channelId.ifPresent(c -> delete.bind("c", c));
            return delete.execute();
        });
    }
}
