package coach.slack;

import static coach.testing.SlackStandIn.field;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import coach.testing.OpenAiStandIn;
import coach.testing.SlackStandIn;
import coach.testing.TestApps;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With the LLM grader configured but failing, the answer is kept, an offline grade is given, and the report says so. */
class LlmFallbackEndToEndTest {
    @Test
    void llmHttp500GivesAnOfflineGradeAndTellsTheUser() throws Exception {
        try (SlackStandIn slack = new SlackStandIn(); OpenAiStandIn openAi = new OpenAiStandIn()) {
            openAi.replies(aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"overloaded\"}}"));
            Map<String, String> env = TestApps.env(slack);
            env.put("OPENAI_API_KEY", "sk-test");
            env.put("OPENAI_BASE_URL", openAi.baseUrl());
            env.put("OPENAI_TIMEOUT_SECONDS", "2");
            try (TestApps.Running app = TestApps.startSlack(env)) {
                app.client().slashCommand("/mock", "ml", "T1", "U1", "D1", slack.responseUrl());
                String ts = await().atMost(Duration.ofSeconds(10)).until(() -> app.database().jdbi().withHandle(h -> h.createQuery(
                        "select message_ts from asked_question where user_id = 'U1' and message_ts is not null")
                        .mapTo(String.class).findFirst().orElse(null)), java.util.Objects::nonNull);
                String answer = "We serve the model behind a feature store; this cut p99 from 80 ms to 30 ms for the client.";
                app.client().event(new ObjectMapper().writeValueAsString(Map.of("token", "x", "team_id", "T1", "api_app_id", "A1",
                        "type", "event_callback", "event_id", "EvLlm", "event_time", 1800000000,
                        "event", Map.of("type", "message", "channel", "D1", "user", "U1", "text", answer,
                                "ts", "1800000000.000300", "thread_ts", ts, "channel_type", "im"))), Map.of());
                await().atMost(Duration.ofSeconds(30)).until(() -> slack.calls("chat.postMessage").stream()
                        .anyMatch(r -> ts.equals(field(r, "thread_ts")) && field(r, "text").contains("scored")));
                var report = slack.calls("chat.postMessage").stream().filter(r -> ts.equals(field(r, "thread_ts")))
                        .filter(r -> field(r, "text").contains("scored")).findFirst().orElseThrow();
                assertThat(field(report, "blocks")).contains("offline grader", "could not be reached");
                assertThat(openAi.requestCount()).isGreaterThanOrEqualTo(1);
                String grader = app.database().jdbi().withHandle(h -> h.createQuery(
                        "select grader from grade where user_id = 'U1'").mapTo(String.class).one());
                assertThat(grader).isEqualTo("offline");
                String stored = app.database().jdbi().withHandle(h -> h.createQuery(
                        "select body from answer where user_id = 'U1'").mapTo(String.class).one());
                assertThat(stored).isEqualTo(answer);
            }
        }
    }
}
