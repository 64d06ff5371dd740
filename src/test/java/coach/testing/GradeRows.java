package coach.testing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** Stores graded answers as the grading job would (session, asked question, answer, grade, criterion scores). */
public final class GradeRows {
    private GradeRows() {}

    public static long graded(Jdbi jdbi, String user, String stage, String question, int overall,
                              Map<String, Integer> criteria, Instant at) {
        return jdbi.withHandle(h -> {
            long session = h.createUpdate("insert into interview_session (team_id, user_id, stage_id, status, created_at) "
                    + "values ('T1', :u, :st, 'open', :at)").bind("u", user).bind("st", stage).bind("at", Timestamp.from(at))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            long asked = h.createUpdate("insert into asked_question (team_id, user_id, session_id, stage_id, question_id, kind, "
                    + "prompt, asked_at) values ('T1', :u, :s, :st, :q, 'main', 'p', :at)").bind("u", user).bind("st", stage)
                    .bind("s", session).bind("q", question).bind("at", Timestamp.from(at))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            long answer = h.createUpdate("insert into answer (team_id, user_id, asked_question_id, body, source, source_key, "
                    + "created_at) values ('T1', :u, :a, 'x', 'test', :k, :at)").bind("u", user).bind("a", asked)
                    .bind("k", "k" + asked).bind("at", Timestamp.from(at)).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            long grade = h.createUpdate("insert into grade (team_id, user_id, answer_id, stage_id, overall, grader, report_json, "
                    + "created_at, outcome) values ('T1', :u, :a, :st, :o, 'offline', '{}', :at, 'offline')")
                    .bind("u", user).bind("a", answer).bind("st", stage).bind("o", overall).bind("at", Timestamp.from(at))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            var batch = h.prepareBatch("insert into grade_criterion (grade_id, team_id, user_id, stage_id, criterion_id, score) "
                    + "values (:g, 'T1', :u, :st, :c, :s)");
            criteria.forEach((c, s) -> batch.bind("g", grade).bind("u", user).bind("st", stage).bind("c", c).bind("s", s).add());
            batch.execute();
            return answer;
        });
    }
}
