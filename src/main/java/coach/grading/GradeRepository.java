package coach.grading;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Grades, stored whole (as JSON, for the report) and per criterion (for stats). */
public final class GradeRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Jdbi jdbi;

    public GradeRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public record StoredGrade(long id, Grade grade, boolean reported) {}

    public StoredGrade save(long answerId, String teamId, String userId, String stageId, Grade grade, String outcome,
                            long latencyMs, Instant now) {
        String json;
        try {
            json = JSON.writeValueAsString(grade);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a grade", e);
        }
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("""
                    insert into grade (team_id, user_id, answer_id, stage_id, overall, grader, report_json, created_at,
                                       outcome, latency_ms, llm_calls, input_tokens, output_tokens)
                    values (:team, :user, :answer, :stage, :overall, :grader, :json, :now,
                            :outcome, :latency, :calls, :input, :output)""")
                    .bind("team", teamId).bind("user", userId).bind("answer", answerId).bind("stage", stageId)
                    .bind("outcome", outcome).bind("latency", latencyMs).bind("calls", grade.usage().llmCalls())
                    .bind("input", grade.usage().inputTokens()).bind("output", grade.usage().outputTokens())
                    .bind("overall", grade.overall()).bind("grader", grade.grader()).bind("json", json).bind("now", now)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            var batch = h.prepareBatch("""
                    insert into grade_criterion (grade_id, team_id, user_id, stage_id, criterion_id, score)
                    values (:grade, :team, :user, :stage, :criterion, :score)""");
            for (CriterionScore c : grade.criteria()) {
                batch.bind("grade", id).bind("team", teamId).bind("user", userId).bind("stage", stageId)
                        .bind("criterion", c.criterionId()).bind("score", c.score()).add();
            }
            batch.execute();
            return new StoredGrade(id, grade, false);
        });
    }

    public Optional<StoredGrade> forAnswer(long answerId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select id, report_json, reported_at from grade where answer_id = :answer")
                .bind("answer", answerId)
                .map((rs, ctx) -> new StoredGrade(rs.getLong("id"), parse(rs.getString("report_json")),
                        rs.getObject("reported_at") != null))
                .findFirst());
    }

    /** An answer of one user whose report has not gone out yet, oldest first. */
    public record Pending(long answerId, Instant answeredAt, boolean graded) {}

    /** For each graded answer of the learner: whether its report went out. */
    public Map<Long, Boolean> reportedByAnswer(String teamId, String userId) {
        Map<Long, Boolean> out = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("select answer_id, reported_at from grade where team_id = :team and user_id = :user")
                .bind("team", teamId).bind("user", userId)
                .map((rs, ctx) -> out.put(rs.getLong(1), rs.getObject(2) != null)).list());
        return out;
    }

    /** Of these answers, those whose report went out. */
    public java.util.Set<Long> reportedAmong(List<Long> answerIds) {
        if (answerIds.isEmpty()) return java.util.Set.of();
        return new java.util.HashSet<>(jdbi.withHandle(h -> h.createQuery(
                        "select answer_id from grade where answer_id in (<answers>) and reported_at is not null")
                .bindList("answers", answerIds).mapTo(Long.class).list()));
    }

    /** One criterion score of a graded answer in one of the user's open sessions. */
    public record SessionScore(long gradeId, String stageId, int overall, String criterionId, int score) {}

    /** The criterion scores of these answers of the learner (those graded), by grade. */
    public List<SessionScore> scoresOf(String teamId, String userId, List<Long> answerIds) {
        if (answerIds.isEmpty()) return List.of();
        return jdbi.withHandle(h -> h.createQuery("""
                select g.id, g.stage_id, g.overall, gc.criterion_id, gc.score
                from grade g join grade_criterion gc on gc.grade_id = g.id
                where g.team_id = :team and g.user_id = :user and g.answer_id in (<answers>) order by g.id""")
                .bind("team", teamId).bind("user", userId).bindList("answers", answerIds)
                .map((rs, ctx) -> new SessionScore(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getInt(5)))
                .list());
    }

    /** An earlier graded attempt at the same asked question: its grade, and how many attempts came before. */
    public record Earlier(int attemptsBefore, Optional<Grade> latest) {}

    /** Of the learner's earlier answers to one asked question (newest first), those graded and the latest grade. */
    public Earlier earlierAttempts(String teamId, String userId, List<Long> earlierAnswerIds) {
        if (earlierAnswerIds.isEmpty()) return new Earlier(0, Optional.empty());
        return jdbi.withHandle(h -> {
            var rows = h.createQuery("""
                    select report_json from grade
                    where team_id = :team and user_id = :user and answer_id in (<answers>) order by answer_id desc""")
                    .bind("team", teamId).bind("user", userId).bindList("answers", earlierAnswerIds)
                    .mapTo(String.class).list();
            return new Earlier(rows.size(), rows.stream().findFirst().map(GradeRepository::parse));
        });
    }

    /** A learner's average score per criterion in one stage (an aggregate, however long the history). */
    public Map<String, Double> criterionAverages(String teamId, String userId, String stageId) {
        Map<String, Double> out = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        select criterion_id, avg(score) from grade_criterion
                        where team_id = :team and user_id = :user and stage_id = :stage
                        group by criterion_id order by criterion_id""")
                .bind("team", teamId).bind("user", userId).bind("stage", stageId)
                .map((rs, ctx) -> out.put(rs.getString(1), rs.getDouble(2))).list());
        return out;
    }

    /** One stored grade of a learner, with its criterion scores (the question it answered is interview's to say). */
    public record GradeRow(long answerId, String stageId, int overall, Map<String, Integer> criteria, Instant gradedAt) {}

    /** Every grade of one learner, oldest first (only theirs: team and user are in every query). */
    public List<GradeRow> grades(String teamId, String userId) {
        return jdbi.withHandle(h -> {
            Map<Long, Map<String, Integer>> criteria = new HashMap<>();
            h.createQuery("select grade_id, criterion_id, score from grade_criterion where team_id = :team and user_id = :user")
                    .bind("team", teamId).bind("user", userId)
                    .map((rs, ctx) -> {
                        criteria.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getInt(3));
                        return null;
                    }).list();
            return h.createQuery("""
                    select id, answer_id, stage_id, overall, created_at from grade
                    where team_id = :team and user_id = :user order by id""")
                    .bind("team", teamId).bind("user", userId)
                    .map((rs, ctx) -> new GradeRow(rs.getLong(2), rs.getString(3), rs.getInt(4),
                            criteria.getOrDefault(rs.getLong(1), Map.of()), rs.getTimestamp(5).toInstant()))
                    .list();
        });
    }

    /** Average overall score per stage the learner practised. */
    public Map<String, Double> averageByStage(String teamId, String userId) {
        Map<String, Double> out = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        select stage_id, avg(overall) from grade where team_id = :team and user_id = :user group by stage_id""")
                .bind("team", teamId).bind("user", userId)
                .map((rs, ctx) -> out.put(rs.getString(1), rs.getDouble(2))).list());
        return out;
    }

    /** LLM calls made for this user's gradings since {@code since}: what the daily limit counts. */
    public int llmGradingsSince(String teamId, String userId, Instant since) {
        return jdbi.withHandle(h -> h.createQuery("""
                select count(*) from grade where team_id = :team and user_id = :user and llm_calls > 0 and created_at >= :since""")
                .bind("team", teamId).bind("user", userId).bind("since", since).mapTo(Integer.class).one());
    }

    public void markReported(long gradeId, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("update grade set reported_at = :now where id = :id")
                .bind("now", now).bind("id", gradeId).execute());
    }

    private static Grade parse(String json) {
        try {
            return JSON.readValue(json, Grade.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored grade is not readable", e);
        }
    }

    /** Deletes every grade of the learner and its criterion scores; counts by table. */
    public Map<String, Integer> forget(String teamId, String userId) {
        return jdbi.withHandle(h -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (String table : List.of("grade_criterion", "grade")) {
                counts.put(table, h.createUpdate("delete from " + table + " where team_id = :team and user_id = :user")
                        .bind("team", teamId).bind("user", userId).execute());
            }
            return counts;
        });
    }

    /** Per stage: how many of these learners answered it, and their average; never one learner's own scores. */
    public record StageAggregate(String stageId, int learners, int answers, double average) {}

    public List<StageAggregate> stageAggregates(String teamId, List<String> userIds) {
        if (userIds.isEmpty()) return List.of();
        return jdbi.withHandle(h -> h.createQuery("""
                        select stage_id, count(distinct user_id), count(*), avg(overall) from grade
                        where team_id = :team and user_id in (<users>) group by stage_id order by stage_id""")
                .bind("team", teamId).bindList("users", userIds)
                .map((rs, ctx) -> new StageAggregate(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getDouble(4)))
                .list());
    }

    /** How many of these learners were graded since the given time. */
    public int learnersGradedSince(String teamId, List<String> userIds, Instant since) {
        if (userIds.isEmpty()) return 0;
        return jdbi.withHandle(h -> h.createQuery("""
                        select count(distinct user_id) from grade
                        where team_id = :team and user_id in (<users>) and created_at >= :since""")
                .bind("team", teamId).bindList("users", userIds).bind("since", since).mapTo(Integer.class).one());
    }
}
