package coach.slack;

import static coach.testing.SlackStandIn.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import coach.grading.Criterion;
import coach.grading.Rubrics;
import coach.config.StageCatalog;
import coach.testing.OpenAiStandIn;
import coach.testing.SlackStandIn;
import coach.testing.TestApps;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the LLM grader answering slowly and at most two calls in flight: ten answers sent at once all get a report,
 * in the order they were sent; and past the daily limit, answers are graded offline with a clear note.
 */
class GradingCapacityEndToEndTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path config;
    static SlackStandIn slack;
    static OpenAiStandIn openAi;
    static TestApps.Running app;

    @BeforeAll
    static void start() throws Exception {
        TestApps.copyConfig(config);
        Files.writeString(config.resolve("coach.yaml"), """
                grading:
                  max_concurrent_llm_calls: 2
                  daily_llm_gradings_per_user: 11
                  report_order_wait_seconds: 30
                """);
        slack = new SlackStandIn();
        openAi = new OpenAiStandIn();
        openAi.replies(OpenAiStandIn.completion(verdict()).withUniformRandomDelay(20, 300));
        Map<String, String> env = TestApps.env(slack);
        env.put("OPENAI_API_KEY", "sk-test");
        env.put("OPENAI_BASE_URL", openAi.baseUrl());
        env.put("COACH_CONFIG_DIR", config.toString());
        app = TestApps.startSlack(env);
    }

    @AfterAll
    static void stop() {
        app.close();
        openAi.close();
        slack.close();
    }

    /** Every stage's rubric criteria scored 3, quoting a phrase every test answer contains. */
    static String verdict() throws Exception {
        StageCatalog stages = StageCatalog.load(config);
        Rubrics rubrics = Rubrics.load(config, stages);
        List<Map<String, Object>> criteria = new ArrayList<>();
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        stages.all().forEach(s -> rubrics.forStage(s.id()).criteria().stream().map(Criterion::id).forEach(ids::add));
        for (String id : ids) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("criterion_id", id);
            m.put("score", 3);
            m.put("evidence", "for the client");
            m.put("rationale", "ok");
            criteria.add(m);
        }
        return JSON.writeValueAsString(Map.of("criteria", criteria, "improvements", List.of("a", "b"),
                "rewrite", "r", "injection_attempt", false));
    }

    String ask(String user, String channel) {
        int before = count(user);
        app.client().slashCommand("/mock", "coding", "T1", user, channel, slack.responseUrl());
        return await().atMost(Duration.ofSeconds(10)).until(() -> app.database().jdbi().withHandle(h -> h.createQuery(
                        "select message_ts from asked_question where user_id = :u and message_ts is not null order by id limit 1 offset :n")
                .bind("u", user).bind("n", before).mapTo(String.class).findFirst().orElse(null)), Objects::nonNull);
    }

    int count(String user) {
        return app.database().jdbi().withHandle(h -> h.createQuery(
                "select count(*) from asked_question where user_id = :u and message_ts is not null").bind("u", user).mapTo(Integer.class).one());
    }

    void answer(String user, String channel, String threadTs, int n) throws Exception {
        app.client().event(JSON.writeValueAsString(Map.of("token", "x", "team_id", "T1", "api_app_id", "A1",
                "type", "event_callback", "event_id", "Ev" + user + n, "event_time", 1800000000,
                "event", Map.of("type", "message", "channel", channel, "user", user,
                        "text", "Answer " + n + ": a heap of size k, O(n log k), which cut p99 from 90 ms to 30 ms for the client.",
                        "ts", "1800000001." + (1000 + n), "thread_ts", threadTs, "channel_type", "im"))), Map.of());
    }

    List<String> reportThreads(String channel) {
        return slack.calls("chat.postMessage").stream()
                .filter(r -> channel.equals(field(r, "channel")) && field(r, "text") != null && field(r, "text").contains("scored"))
                .map(r -> field(r, "thread_ts")).toList();
    }

    @Test
    void tenAnswersAtOnceGetTenReportsInOrder() throws Exception {
        String user = "UTEN";
        List<String> threads = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            threads.add(ask(user, "DTEN"));
        }
        for (int i = 0; i < 10; i++) {
            answer(user, "DTEN", threads.get(i), i);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> reportThreads("DTEN").size() == 10);
        assertThat(reportThreads("DTEN")).containsExactlyElementsOf(threads);
        int llm = app.database().jdbi().withHandle(h -> h.createQuery(
                "select count(*) from grade where user_id = :u and outcome = 'llm' and input_tokens = 900").bind("u", user).mapTo(Integer.class).one());
        assertThat(llm).isEqualTo(10);
        // both graders ran on every LLM-graded answer: the gap between them is recorded once per answer
        // (worked out in the background after the report: the learner never waits for it)
        await().atMost(Duration.ofSeconds(30)).until(() -> app.metrics().find("coach.grader.disagreement").summary() != null
                && app.metrics().find("coach.grader.disagreement").summary().count() >= 10);
        assertThat(app.metrics().scrape()).contains("coach_grader_disagreement_points_count");
    }

    @Test
    void pastTheDailyLimitAnswersAreGradedOfflineWithANote() throws Exception {
        String user = "ULIMIT";
        for (int i = 0; i < 12; i++) {
            String ts = ask(user, "DLIM");
            answer(user, "DLIM", ts, i);
            int expected = i + 1;
            await().atMost(Duration.ofSeconds(20)).until(() -> reportThreads("DLIM").size() == expected);
        }
        var last = slack.calls("chat.postMessage").stream()
                .filter(r -> "DLIM".equals(field(r, "channel")) && field(r, "text") != null && field(r, "text").contains("scored"))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(field(last, "blocks")).contains("limit of 11 LLM gradings", "offline grader");
        String outcome = app.database().jdbi().withHandle(h -> h.createQuery(
                "select outcome from grade where user_id = :u order by id desc limit 1").bind("u", user).mapTo(String.class).one());
        assertThat(outcome).isEqualTo("limit");
    }
}
