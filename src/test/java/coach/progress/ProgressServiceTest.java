package coach.progress;

import static org.assertj.core.api.Assertions.assertThat;

import coach.App;
import coach.config.AppConfig;
import coach.interview.Learner;
import coach.testing.MutableClock;
import coach.testing.TestApps;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Progress from stored grades (as either grader stores them), for one learner only. */
class ProgressServiceTest {
    static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    final MutableClock clock = new MutableClock(T0);
    App app;

    @BeforeEach
    void start() {
        app = new App(AppConfig.fromEnv(Map.of("COACH_DB_URL", TestApps.memoryDb())), clock, new Random(1));
    }

    /** The app's core services (the fixture's narrow view of it). */
    App.Components core() {
        return app.components();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    /** Stores a graded system-design answer with the given criterion scores, as the grading job would. */
    void graded(String user, String question, int overall, int impact, int tradeoffs, Instant at) {
        coach.testing.GradeRows.graded(core().database().jdbi(), user, "system-design", question, overall,
                Map.of("customer-impact", impact, "tradeoffs", tradeoffs, "key-points", 3), at);
    }

    @Test
    void noHistoryInvitesTheFirstMock() {
        Progress p = core().progress().progress(new Learner("T1", "UNEW"));
        assertThat(p.answers()).isZero();
        assertThat(p.needs()).contains("Start your first mock");
        assertThat(p.next().stageId()).isEqualTo("recruiter-screen");
    }

    @Test
    void oneAnswerShowsScoresAndSaysWhatATrendNeeds() {
        graded("U1", "sd-feature-store-llm", 40, 2, 2, T0);
        Progress p = core().progress().progress(new Learner("T1", "U1"));
        assertThat(p.needs()).contains("1 answer", "trends need 3 answers", "2 more");
        assertThat(p.stages()).singleElement().satisfies(s -> assertThat(s.average()).isEqualTo(40));
    }

    @Test
    void trendsAreNarratedAndOnlyTheLearnersOwnRowsCount() {
        for (int i = 0; i < 5; i++) {
            graded("U1", "sd-q" + i, 40 + 8 * i, 2 + i / 2, 2, T0.plus(Duration.ofDays(i)));
            graded("U2", "sd-q" + i, 95, 5, 5, T0.plus(Duration.ofDays(i)));
        }
        clock.set(T0.plus(Duration.ofDays(5)));
        Progress p = core().progress().progress(new Learner("T1", "U1"));
        assertThat(p.answers()).isEqualTo(5);
        var impact = p.criteria().stream().filter(c -> c.criterionId().equals("customer-impact")).findFirst().orElseThrow();
        assertThat(impact.trend()).isEqualTo(Trend.IMPROVING);
        assertThat(impact.narration()).isEqualTo("Quantified customer impact went from 2 to 4 over your last 5 answers. "
                + "Keep doing what changed.");
        var tradeoffs = p.criteria().stream().filter(c -> c.criterionId().equals("tradeoffs")).findFirst().orElseThrow();
        assertThat(tradeoffs.narration()).startsWith("Trade-offs and failure modes has stayed at 2 over your last 5 answers: to reach 3,");
        assertThat(p.weakest().orElseThrow().criterionId()).isEqualTo("tradeoffs");
        assertThat(p.stages()).singleElement().satisfies(s -> {
            assertThat(s.average()).isEqualTo(56);
            assertThat(s.sparkline()).hasSize(5);
        });
        // below 70 each: all five are due for review, oldest first
        assertThat(p.due()).extracting(Progress.ReviewItem::questionId).startsWith("sd-q0");
        assertThat(p.next().review()).isPresent();
    }

    static final java.util.List<String> LEARNER_TABLES = java.util.List.of("interview_session", "asked_question", "answer",
            "grade", "grade_criterion", "practice_subscription", "practice_delivery", "practice_pause");

    int rows(String table, String user) {
        return core().database().jdbi().withHandle(h -> h.createQuery("select count(*) from " + table
                + " where team_id = 'T1' and user_id = :u").bind("u", user).mapTo(Integer.class).one());
    }

    void practiceRows(String user) {
        var repo = new coach.practice.PracticeRepository(core().database().jdbi());
        long sub = repo.insert("T1", user, "dm", "D" + user, java.time.LocalTime.of(9, 0),
                java.util.Set.of(java.time.DayOfWeek.MONDAY), "mix", java.time.ZoneId.of("Europe/London"), T0);
        repo.deliveryFor(repo.find(sub).orElseThrow(), java.time.LocalDate.of(2026, 11, 2), T0);
        repo.addPause(new Learner("T1", user), java.time.LocalDate.of(2026, 12, 1), java.time.LocalDate.of(2026, 12, 8));
    }

    @Test
    void forgetMeDeletesTheLearnersRowsInEveryTableAndNoOneElses() {
        for (String user : java.util.List.of("U1", "U2")) {
            graded(user, "sd-feature-store-llm", 40, 2, 2, T0);
            graded(user, "sd-exactly-once-pipeline", 80, 4, 4, T0);
            practiceRows(user);
        }
        LEARNER_TABLES.forEach(t -> assertThat(rows(t, "U1")).as(t).isPositive());
        Map<String, Integer> deleted = core().database().inTransaction(h -> core().progress().forget(new Learner("T1", "U1")));
        for (String table : LEARNER_TABLES) {
            assertThat(rows(table, "U1")).as("U1 rows left in " + table).isZero();
            assertThat(rows(table, "U2")).as("U2 rows in " + table).isPositive();
        }
        assertThat(deleted).containsEntry("answer", 2).containsEntry("grade", 2).containsEntry("grade_criterion", 6)
                .containsEntry("practice_subscription", 1).containsEntry("practice_delivery", 1).containsEntry("practice_pause", 1)
                .containsEntry("asked_question", 2).containsEntry("interview_session", 2);
        assertThat(core().progress().progress(new Learner("T1", "U1")).answers()).isZero();
    }

    @Test
    void exportListsEveryAnswerWithItsScoresAsCsvAndOnlyTheLearnersOwn() throws Exception {
        graded("U1", "sd-feature-store-llm", 40, 2, 3, T0);
        graded("U2", "sd-other", 90, 5, 5, T0);
        String csv = core().progress().exportCsv(new Learner("T1", "U1"));
        var rows = new com.fasterxml.jackson.dataformat.csv.CsvMapper().readerFor(Map.class)
                .with(com.fasterxml.jackson.dataformat.csv.CsvSchema.emptySchema().withHeader())
                .<Map<String, String>>readValues(csv).readAll();
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r).containsEntry("question_id", "sd-feature-store-llm").containsEntry("score", "40")
                    .containsEntry("customer-impact", "2").containsEntry("tradeoffs", "3").containsEntry("answer", "x")
                    .containsEntry("stage", "system-design");
            assertThat(r.get("date")).startsWith("2026-11-02");
        });
        assertThat(csv).doesNotContain("sd-other");
    }

    long answerId(String user, String question) {
        return core().database().jdbi().withHandle(h -> h.createQuery("select a.id from answer a join asked_question q on "
                + "q.id = a.asked_question_id where a.user_id = :u and q.question_id = :q").bind("u", user).bind("q", question)
                .mapTo(Long.class).one());
    }

    @Test
    void selfRatingsAreStoredForOwnAnswersOnlyAndComparedWithTheGrade() {
        graded("U1", "sd-a", 40, 2, 2, T0); // criteria 2, 2, 3: level 2.33
        graded("U1", "sd-b", 40, 2, 2, T0);
        graded("U2", "sd-c", 40, 2, 2, T0);
        Learner u1 = new Learner("T1", "U1");
        assertThat(core().progress().progress(u1).selfAssessment()).contains("Rate your answers 1–5");
        assertThat(core().progress().rate(u1, answerId("U1", "sd-a"), 4)).isTrue();
        assertThat(core().progress().rate(u1, answerId("U1", "sd-b"), 3)).isTrue();
        assertThat(core().progress().rate(u1, answerId("U1", "sd-b"), 4)).isTrue(); // the latest tap wins
        assertThat(core().progress().rate(u1, answerId("U2", "sd-c"), 5)).isFalse(); // someone else's answer
        assertThat(core().progress().rate(u1, answerId("U1", "sd-a"), 6)).isFalse();
        assertThat(core().progress().progress(u1).selfAssessment())
                .isEqualTo("You rate yourself about 2 points above the grade (2 rated answers): check your answers "
                        + "against the rubric's anchors before you submit.");
        assertThat(core().progress().progress(new Learner("T1", "U2")).selfAssessment()).contains("Rate your answers");
    }

    @Test
    void theTeamViewShowsAggregatesOnlyFromThreeMembersAndNeverOneScore() {
        TeamView team = core().progress().team();
        clock.set(T0.plus(Duration.ofDays(10)));
        graded("UA", "sd-a", 40, 2, 2, T0.plus(Duration.ofDays(9)));
        graded("UB", "sd-a", 60, 3, 3, T0.plus(Duration.ofDays(9)));
        graded("UC", "sd-a", 80, 4, 4, T0); // not in the last 7 days
        graded("UOUT", "sd-a", 10, 1, 1, T0.plus(Duration.ofDays(9))); // never joined: never counted
        assertThat(team.join(new Learner("T1", "UA"), "C1")).isTrue();
        assertThat(team.join(new Learner("T1", "UA"), "C1")).isFalse();
        assertThat(team.join(new Learner("T1", "UB"), "C1")).isTrue();
        TeamView.Summary two = team.summary("T1", "C1");
        assertThat(two.enough()).isFalse();
        assertThat(two.stages()).isEmpty();
        team.join(new Learner("T1", "UC"), "C1");
        TeamView.Summary three = team.summary("T1", "C1");
        assertThat(three.members()).isEqualTo(3);
        assertThat(three.practisedThisWeek()).isEqualTo(2);
        assertThat(three.stages()).singleElement().satisfies(l -> {
            assertThat(l.average()).isEqualTo(60);
            assertThat(l.learners()).isEqualTo(3);
        });
        assertThat(team.summary("T1", "C2").members()).isZero(); // membership is per channel
        core().database().inTransaction(h -> core().progress().forget(new Learner("T1", "UC")));
        assertThat(team.summary("T1", "C1").enough()).isFalse();
    }
}
