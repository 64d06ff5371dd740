package coach.slack;

import static coach.testing.SlackStandIn.field;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import coach.testing.LogCapture;
import coach.testing.OpenAiStandIn;
import coach.testing.SignedClient;
import coach.testing.SlackStandIn;
import coach.testing.TestApps;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Operable: /health names the database and the scheduler; /metrics has the ack-latency histogram per command,
 * gradings by grader and outcome, the job queue, reminders by outcome, installations and JVM memory; and the log of
 * a whole run (start, a command, an answer graded with the LLM failing, a comp question; the app's own loggers at
 * DEBUG) holds no token, secret, key or answer text.
 */
class OperabilityEndToEndTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String BOT_TOKEN = "xoxb-" + "ops-secret-bot-token";
    static final String APP_SECRET_KEY = "sk-" + "ops-secret-openai-key";
    static final String ANSWER = "We moved feature joins into Flink next to the quokka7731 store; this cut p99 from "
            + "80 ms to 30 ms for the client and lifted conversion by 0.4%.";

    @Test
    void healthMetricsAndALogWithoutSecretsOrAnswers() throws Exception {
        ch.qos.logback.classic.Logger coach = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("coach");
        Level before = coach.getLevel();
        coach.setLevel(Level.DEBUG);
        try (LogCapture log = new LogCapture(); SlackStandIn slack = new SlackStandIn(); OpenAiStandIn openAi = new OpenAiStandIn()) {
            openAi.replies(aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"overloaded\"}}"));
            Map<String, String> env = TestApps.env(slack);
            env.put("SLACK_BOT_TOKEN", BOT_TOKEN);
            env.put("OPENAI_API_KEY", APP_SECRET_KEY);
            env.put("OPENAI_BASE_URL", openAi.baseUrl());
            env.put("OPENAI_TIMEOUT_SECONDS", "2");
            try (TestApps.Running app = TestApps.startSlack(env)) {
                SignedClient client = app.client();
                assertThat(client.slashCommand("/mock", "ml", "T1", "UOPS", "DOPS", slack.responseUrl()).statusCode()).isEqualTo(200);
                String ts = await().atMost(Duration.ofSeconds(10)).until(() -> app.database().jdbi().withHandle(h -> h.createQuery(
                        "select message_ts from asked_question where user_id = 'UOPS' and message_ts is not null")
                        .mapTo(String.class).findFirst().orElse(null)), Objects::nonNull);
                assertThat(client.event(JSON.writeValueAsString(Map.of("token", "x", "team_id", "T1", "api_app_id", "A1",
                        "type", "event_callback", "event_id", "EvOps1", "event_time", 1800000000,
                        "event", Map.of("type", "message", "channel", "DOPS", "user", "UOPS", "text", ANSWER,
                                "ts", "1800000000.000900", "thread_ts", ts, "channel_type", "im"))), Map.of()).statusCode()).isEqualTo(200);
                await().atMost(Duration.ofSeconds(30)).until(() -> slack.calls("chat.postMessage").stream()
                        .anyMatch(r -> ts.equals(field(r, "thread_ts")) && field(r, "text").contains("scored")));
                assertThat(client.slashCommand("/comp", "what is L4 base in London?", "T1", "UOPS", "DOPS",
                        slack.responseUrl()).statusCode()).isEqualTo(200);

                var health = client.get("/health");
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(JSON.readTree(health.body())).isEqualTo(JSON.readTree(
                        "{\"status\":\"up\",\"database\":\"up\",\"scheduler\":\"up\"}"));

                String metrics = client.get("/metrics").body();
                assertThat(metrics).contains(
                        "coach_slack_ack_seconds_bucket{command=\"/mock\"",
                        "coach_slack_ack_seconds_count{command=\"/comp\"}",
                        "coach_slack_ack_seconds_count{command=\"event\"}",
                        "coach_gradings_total{grader=\"offline\",outcome=\"fallback\"} 1.0",
                        "coach_jobs_queued{task=\"grade-answer\"}",
                        "coach_jobs_running{task=\"slack-send\"}",
                        "coach_practice_reminders_total{outcome=\"sent\"} 0.0",
                        "coach_installations 1.0",
                        "jvm_memory_used_bytes{area=\"heap\"");
            }
            String text = log.text();
            assertThat(text).as("the run logged something").contains("answer 1 stored", "graded answer 1");
            assertThat(text).doesNotContain(BOT_TOKEN, SignedClient.SECRET, APP_SECRET_KEY, "quokka7731",
                    "feature joins into Flink", "L4 base in London");
        } finally {
            coach.setLevel(before);
        }
    }
}
