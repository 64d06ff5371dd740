package coach.progress;

import static org.assertj.core.api.Assertions.assertThat;

import coach.App;
import coach.config.AppConfig;
import coach.interview.InterviewService;
import coach.interview.Learner;
import coach.testing.TestApps;
import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** /mock and reminders prefer questions that exercise the learner's weakest criterion, never repeating early. */
class WeaknessFocusTest {
    final App app = new App(AppConfig.fromEnv(Map.of("COACH_DB_URL", TestApps.memoryDb())), Clock.systemUTC(), new Random(5));

    /** The app's core services (the fixture's narrow view of it). */
    App.Components core() {
        return app.components();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    void gradedWeakOnTradeoffs(String user) {
        core().database().jdbi().useHandle(h -> {
            long s = h.createUpdate("insert into interview_session (team_id, user_id, stage_id, status, created_at) "
                    + "values ('T1', :u, 'system-design', 'open', current_timestamp)").bind("u", user)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            long q = h.createUpdate("insert into asked_question (team_id, user_id, session_id, stage_id, question_id, kind, "
                    + "prompt, asked_at) values ('T1', :u, :s, 'system-design', 'sd-feature-store-llm', 'main', 'p', current_timestamp)")
                    .bind("u", user).bind("s", s).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            long a = h.createUpdate("insert into answer (team_id, user_id, asked_question_id, body, source, source_key, "
                    + "created_at) values ('T1', :u, :q, 'x', 't', 'k', current_timestamp)").bind("u", user).bind("q", q)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            long g = h.createUpdate("insert into grade (team_id, user_id, answer_id, stage_id, overall, grader, report_json, "
                    + "created_at, outcome) values ('T1', :u, :a, 'system-design', 50, 'offline', '{}', current_timestamp, 'offline')")
                    .bind("u", user).bind("a", a).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            for (var c : Map.of("customer-impact", 4, "key-points", 4, "tradeoffs", 1, "depth", 4, "structure", 4).entrySet()) {
                h.createUpdate("insert into grade_criterion (grade_id, team_id, user_id, stage_id, criterion_id, score) "
                        + "values (:g, 'T1', :u, 'system-design', :c, :v)").bind("g", g).bind("u", user)
                        .bind("c", c.getKey()).bind("v", c.getValue()).execute();
            }
        });
    }

    @Test
    void aLearnerWeakOnTradeoffsGetsQuestionsThatAskForThemFirstAndNoRepeatsBeforeTheBankIsUsedUp() {
        Learner who = new Learner("T1", "UWEAK");
        gradedWeakOnTradeoffs("UWEAK");
        var stage = core().stages().get("system-design");
        WeaknessFocus focus = new WeaknessFocus(core().grading()::criterionAverages, core().grading().rubrics());
        var preferred = focus.prefer(who, stage);
        int bank = 0;
        int exercising = 0;
        for (var q : core().interviews().bankFor(stage.id())) {
            if (q.id().equals("sd-feature-store-llm")) continue; // answered already (the fixture)
            bank++;
            if (preferred.test(q)) exercising++;
        }
        assertThat(exercising).isBetween(1, bank - 1); // a real preference, not all or nothing
        Set<String> asked = new HashSet<>();
        for (int i = 0; i < exercising; i++) {
            InterviewService.Asked a = core().interviews().ask(who, stage, null);
            assertThat(preferred.test(a.question())).as("ask %d prefers trade-off questions", i).isTrue();
            asked.add(a.question().id());
        }
        for (int i = exercising; i < bank; i++) {
            asked.add(core().interviews().ask(who, stage, null).question().id());
        }
        assertThat(asked).hasSize(bank).doesNotContain("sd-feature-store-llm"); // the whole bank before any repeat
    }

    @Test
    void withNoHistoryThereIsNoPreference() {
        var preferred = new WeaknessFocus(core().grading()::criterionAverages, core().grading().rubrics()).prefer(new Learner("T1", "UNEW"), core().stages().get("coding"));
        assertThat(core().interviews().bankFor("coding")).noneMatch(preferred);
    }
}
