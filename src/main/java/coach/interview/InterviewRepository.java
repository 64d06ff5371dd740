package coach.interview;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** Sessions, asked questions and answers. Every query is scoped by team and user. */
public final class InterviewRepository {
    private final Jdbi jdbi;

    public InterviewRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
        jdbi.registerRowMapper(ConstructorMapper.factory(AskedQuestion.class));
        jdbi.registerRowMapper(ConstructorMapper.factory(Answer.class));
    }

    public long openSession(Learner who, String stageId, String channelId, Instant now) {
        return jdbi.withHandle(h -> {
            Optional<Long> open = h.createQuery("""
                    select id from interview_session where team_id = :team and user_id = :user
                      and stage_id = :stage and status = 'open' order by id desc limit 1""")
                    .bind("team", who.teamId()).bind("user", who.userId()).bind("stage", stageId)
                    .mapTo(Long.class).findFirst();
            if (open.isPresent()) {
                return open.get();
            }
            return h.createUpdate("""
                    insert into interview_session (team_id, user_id, stage_id, channel_id, status, created_at)
                    values (:team, :user, :stage, :channel, 'open', :now)""")
                    .bind("team", who.teamId()).bind("user", who.userId()).bind("stage", stageId)
                    .bind("channel", channelId).bind("now", now)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        });
    }

    public int finishSessions(Learner who, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                update interview_session set status = 'finished', finished_at = :now
                where team_id = :team and user_id = :user and status = 'open'""")
                .bind("team", who.teamId()).bind("user", who.userId()).bind("now", now).execute());
    }

    public AskedQuestion insertAsked(Learner who, long sessionId, String stageId, String questionId, String kind,
                                     String prompt, Long parentId, Instant now) {
        return insertAsked(who, sessionId, stageId, questionId, kind, prompt, parentId, now, null);
    }

    /** As above; with a request key, a second insert for the same key is not made (see {@link #askedByRequest}). */
    public AskedQuestion insertAsked(Learner who, long sessionId, String stageId, String questionId, String kind,
                                     String prompt, Long parentId, Instant now, String requestKey) {
        long id = jdbi.withHandle(h -> h.createUpdate("""
                insert into asked_question (team_id, user_id, session_id, stage_id, question_id, kind, prompt, parent_id,
                                            asked_at, request_key)
                values (:team, :user, :session, :stage, :question, :kind, :prompt, :parent, :now, :key)""")
                .bind("team", who.teamId()).bind("user", who.userId()).bind("session", sessionId)
                .bind("stage", stageId).bind("question", questionId).bind("kind", kind).bind("prompt", prompt)
                .bind("parent", parentId).bind("now", now).bind("key", requestKey)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        // the row as stored (timestamps keep microseconds in both databases), without reading it back
        return new AskedQuestion(id, who.teamId(), who.userId(), sessionId, stageId, questionId, kind, prompt, parentId,
                null, null, now.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }

    /** The question a job already asked under this key (a job that runs again asks nothing new). */
    public Optional<AskedQuestion> askedByRequest(Learner who, String requestKey) {
        return jdbi.withHandle(h -> h.createQuery("""
                select * from asked_question where team_id = :team and user_id = :user and request_key = :key""")
                .bind("team", who.teamId()).bind("user", who.userId()).bind("key", requestKey)
                .mapTo(AskedQuestion.class).findFirst());
    }

    public void attachMessage(Learner who, long askedId, String channelId, String messageTs) {
        jdbi.useHandle(h -> h.createUpdate("""
                update asked_question set channel_id = :channel, message_ts = :ts
                where id = :id and team_id = :team and user_id = :user""")
                .bind("channel", channelId).bind("ts", messageTs).bind("id", askedId)
                .bind("team", who.teamId()).bind("user", who.userId()).execute());
    }

    public Optional<AskedQuestion> asked(Learner who, long askedId) {
        return jdbi.withHandle(h -> h.createQuery("""
                select * from asked_question where id = :id and team_id = :team and user_id = :user""")
                .bind("id", askedId).bind("team", who.teamId()).bind("user", who.userId())
                .mapTo(AskedQuestion.class).findFirst());
    }

    /** This user's question carried by a Slack message; used to take a thread reply as the answer. */
    public Optional<AskedQuestion> byMessage(Learner who, String channelId, String messageTs) {
        return jdbi.withHandle(h -> h.createQuery("""
                select * from asked_question where team_id = :team and user_id = :user and channel_id = :channel
                  and message_ts = :ts order by id desc limit 1""")
                .bind("team", who.teamId()).bind("user", who.userId()).bind("channel", channelId).bind("ts", messageTs)
                .mapTo(AskedQuestion.class).findFirst());
    }

    /** Bank question ids already asked of this user for a stage, most recent first. */
    public List<String> askedQuestionIds(Learner who, String stageId) {
        return jdbi.withHandle(h -> h.createQuery("""
                select question_id from asked_question where team_id = :team and user_id = :user
                  and stage_id = :stage and kind = 'main' order by id desc""")
                .bind("team", who.teamId()).bind("user", who.userId()).bind("stage", stageId)
                .mapTo(String.class).list());
    }

    /**
     * Stores an answer once per source key; empty when this delivery was already stored (a Slack retry). Runs inside
     * the request's transaction: a duplicate must not raise an error, which on PostgreSQL aborts the transaction.
     */
    public Optional<Answer> insertAnswer(Learner who, long askedId, String body, String source, String sourceKey, Instant now) {
        Optional<Long> id = jdbi.withHandle(h -> h.createUpdate("""
                insert into answer (team_id, user_id, asked_question_id, body, source, source_key, created_at)
                values (:team, :user, :asked, :body, :source, :key, :now)
                on conflict do nothing""")
                .bind("team", who.teamId()).bind("user", who.userId()).bind("asked", askedId).bind("body", body)
                .bind("source", source).bind("key", sourceKey).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).findFirst());
        return id.flatMap(i -> answer(who, i));
    }

    public Optional<Answer> answer(Learner who, long answerId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select * from answer where id = :id and team_id = :team and user_id = :user")
                .bind("id", answerId).bind("team", who.teamId()).bind("user", who.userId())
                .mapTo(Answer.class).findFirst());
    }

    /** The user's most recent answer, whatever surface it came from. */
    public Optional<Answer> latestAnswer(Learner who) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select * from answer where team_id = :team and user_id = :user order by id desc limit 1")
                .bind("team", who.teamId()).bind("user", who.userId()).mapTo(Answer.class).findFirst());
    }

    /** For the grading job, which only has the answer id: the row carries its own team and user. */
    public Optional<Answer> answerById(long answerId) {
        return jdbi.withHandle(h -> h.createQuery("select * from answer where id = :id")
                .bind("id", answerId).mapTo(Answer.class).findFirst());
    }

    public Optional<AskedQuestion> askedById(long askedId) {
        return jdbi.withHandle(h -> h.createQuery("select * from asked_question where id = :id")
                .bind("id", askedId).mapTo(AskedQuestion.class).findFirst());
    }

    public int countFollowUps(Learner who, long sessionId, String questionId) {
        return jdbi.withHandle(h -> h.createQuery("""
                select count(*) from asked_question where team_id = :team and user_id = :user and session_id = :session
                  and question_id = :question and kind = 'follow_up'""")
                .bind("team", who.teamId()).bind("user", who.userId()).bind("session", sessionId)
                .bind("question", questionId).mapTo(Integer.class).one());
    }

    /** Answer ids after {@code afterId}, in order, at most {@code limit}: for walking every answer in pages. */
    public List<Long> answerIdsAfter(long afterId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("select id from answer where id > :after order by id limit :limit")
                .bind("after", afterId).bind("limit", limit).mapTo(Long.class).list());
    }

    /** When each of the learner's answers was given, oldest first. */
    public List<AnswerStamp> answerStamps(Learner who) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select id, asked_question_id, created_at from answer where team_id = :team and user_id = :user order by id""")
                .bind("team", who.teamId()).bind("user", who.userId())
                .map((rs, ctx) -> new AnswerStamp(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant())).list());
    }

    /** The learner's answers to this asked question before the given answer, newest first. */
    public List<Long> earlierAnswerIds(Learner who, long askedQuestionId, long answerId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select id from answer where team_id = :team and user_id = :user and asked_question_id = :asked
                        and id < :answer order by id desc""")
                .bind("team", who.teamId()).bind("user", who.userId()).bind("asked", askedQuestionId)
                .bind("answer", answerId).mapTo(Long.class).list());
    }

    /** The learner's answers in their open sessions, oldest first. */
    public List<Long> openSessionAnswerIds(Learner who) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select a.id from interview_session s
                        join asked_question q on q.session_id = s.id
                        join answer a on a.asked_question_id = q.id
                        where s.team_id = :team and s.user_id = :user and s.status = 'open' order by a.id""")
                .bind("team", who.teamId()).bind("user", who.userId()).mapTo(Long.class).list());
    }

    /** For each of the learner's answers, the question it answered. */
    public Map<Long, AnswerOf> questionsAnswered(Learner who) {
        Map<Long, AnswerOf> out = new java.util.HashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        select a.id, a.asked_question_id, q.question_id, q.kind
                        from answer a join asked_question q on q.id = a.asked_question_id
                        where a.team_id = :team and a.user_id = :user""")
                .bind("team", who.teamId()).bind("user", who.userId())
                .map((rs, ctx) -> out.put(rs.getLong(1), new AnswerOf(rs.getLong(2), rs.getString(3), rs.getString(4))))
                .list());
        return out;
    }

    /** One of the learner's answers with the question it answered: what an export lists. */
    public record Answered(long answerId, String stageId, String questionId, String prompt, String body, Instant answeredAt) {}

    public List<Answered> answered(Learner who) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select a.id, q.stage_id, q.question_id, q.prompt, a.body, a.created_at
                        from answer a join asked_question q on q.id = a.asked_question_id
                        where a.team_id = :team and a.user_id = :user order by a.id""")
                .bind("team", who.teamId()).bind("user", who.userId())
                .map((rs, ctx) -> new Answered(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list());
    }

    /** Deletes every interview row of the learner (answers, asked questions, sessions); counts by table. */
    public java.util.Map<String, Integer> forget(Learner who) {
        return jdbi.withHandle(h -> {
            java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
            counts.put("answer", delete(h, "answer", who));
            // follow-ups point at their parent question: unlink before deleting, whatever order the rows come in
            h.createUpdate("update asked_question set parent_id = null where team_id = :team and user_id = :user")
                    .bind("team", who.teamId()).bind("user", who.userId()).execute();
            counts.put("asked_question", delete(h, "asked_question", who));
            counts.put("interview_session", delete(h, "interview_session", who));
            return counts;
        });
    }

    private static int delete(org.jdbi.v3.core.Handle h, String table, Learner who) {
        return h.createUpdate("delete from " + table + " where team_id = :team and user_id = :user")
                .bind("team", who.teamId()).bind("user", who.userId()).execute();
    }
}
