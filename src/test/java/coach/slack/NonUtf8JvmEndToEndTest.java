package coach.slack;

import static coach.testing.SlackStandIn.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import coach.testing.SlackStandIn;
import coach.testing.TestApps;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs in its own JVM with {@code -Dfile.encoding=US-ASCII} (see the pom): Bolt's stock signature check would
 * reject every non-ASCII request there; the app must accept, store and grade it unchanged.
 */
class NonUtf8JvmEndToEndTest {
    @Test
    void nonAsciiAnswerIsVerifiedStoredAndGraded() throws Exception {
        assertThat(Charset.defaultCharset()).isNotEqualTo(StandardCharsets.UTF_8);
        try (SlackStandIn slack = new SlackStandIn(); TestApps.Running app = TestApps.startSlack(TestApps.env(slack))) {
            var command = app.client().slashCommand("/mock", "recruiter", "T1", "U1", "C1", slack.responseUrl());
            assertThat(command.statusCode()).isEqualTo(200);
            String ts = await().atMost(Duration.ofSeconds(10)).until(() -> app.app().database.jdbi().withHandle(h -> h.createQuery(
                    "select message_ts from asked_question where user_id = 'U1' and message_ts is not null")
                    .mapTo(String.class).findFirst().orElse(null)), java.util.Objects::nonNull);
            String answer = "I cut feature lag 120 ms → 35 ms for our ad client 🚀, +0.7% CTR, worth £40k a year; naïve batch couldn't.";
            String event = new ObjectMapper().writeValueAsString(Map.of("token", "x", "team_id", "T1", "api_app_id", "A1",
                    "type", "event_callback", "event_id", "EvAscii", "event_time", 1800000000,
                    "event", Map.of("type", "message", "channel", "C1", "user", "U1", "text", answer,
                            "ts", "1800000000.000200", "thread_ts", ts, "channel_type", "channel")));
            assertThat(app.client().event(event, Map.of()).statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(20)).until(() -> slack.calls("chat.postEphemeral").stream()
                    .anyMatch(r -> field(r, "text") != null && field(r, "text").contains("scored")));
            String stored = app.app().database.jdbi().withHandle(h -> h.createQuery(
                    "select body from answer where user_id = 'U1'").mapTo(String.class).one());
            assertThat(stored).isEqualTo(answer);
        }
    }
}
