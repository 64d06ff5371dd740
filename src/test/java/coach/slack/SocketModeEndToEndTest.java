package coach.slack;

import static coach.testing.SlackStandIn.field;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import coach.testing.SignedClient;
import coach.testing.SlackStandIn;
import coach.testing.SocketModeStandIn;
import coach.testing.TestApps;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Socket Mode, end to end: the app asks the Web API stand-in for a connection (apps.connections.open with the app
 * token), connects to a real local WebSocket server, and answers Slack's envelopes there: a slash command and an
 * Events API envelope are each acked with their envelope_id and handled (the question and the comp answer reach the
 * Web API stand-in). No HTTP request reaches /slack/events, and no signing secret is configured.
 */
class SocketModeEndToEndTest {

    @Test
    void slashCommandAndEventEnvelopesAreAckedAndHandled() throws Exception {
        try (SlackStandIn slack = new SlackStandIn(); SocketModeStandIn socket = new SocketModeStandIn()) {
            slack.server.stubFor(post(urlPathEqualTo("/api/apps.connections.open"))
                    .willReturn(SlackStandIn.okJson("{\"ok\":true,\"url\":\"" + socket.url() + "\"}")));
            Map<String, String> env = TestApps.env(slack);
            env.remove("SLACK_SIGNING_SECRET");
            env.put("SLACK_APP_TOKEN", "xapp-" + "fake");
            try (TestApps.Running running = TestApps.startSlack(env)) {
                assertThat(socket.awaitConnected(20)).as("the app connected to the WebSocket").isTrue();
                LoggedRequest open = slack.calls("apps.connections.open").get(0);
                assertThat(open.getHeader("Authorization")).isEqualTo("Bearer xapp-fake");

                socket.send(Map.of("envelope_id", "env-cmd-1", "type", "slash_commands", "accepts_response_payload", true,
                        "payload", slashCommand("/mock", "system-design", "D77", slack.responseUrl())));
                assertThat(ackFor(socket, "env-cmd-1")).as("the slash command's ack").isNotNull();
                await().atMost(Duration.ofSeconds(15)).until(() -> !posts(slack, "D77").isEmpty());
                assertThat(field(posts(slack, "D77").get(0), "text")).isNotBlank();
                int asked = running.database().jdbi().withHandle(h -> h.createQuery(
                        "select count(*) from asked_question where team_id = 'T1' and user_id = 'U77' and stage_id = 'system-design'")
                        .mapTo(Integer.class).one());
                assertThat(asked).as("questions stored").isEqualTo(1);

                Map<String, Object> event = Map.of("type", "app_mention", "channel", "C77", "user", "U77",
                        "text", "<@UBOT> how much do senior ML engineers make in Bangalore?", "ts", "1800000000.000700");
                socket.send(Map.of("envelope_id", "env-evt-1", "type", "events_api", "accepts_response_payload", false,
                        "retry_attempt", 0, "retry_reason", "",
                        "payload", Map.of("token", "x", "team_id", "T1", "api_app_id", "A1", "type", "event_callback",
                                "event_id", "EvSocket1", "event_time", 1800000000, "event", event)));
                assertThat(ackFor(socket, "env-evt-1")).as("the event's ack").isNotNull();
                await().atMost(Duration.ofSeconds(15)).until(() -> !posts(slack, "C77").isEmpty());
                LoggedRequest answer = posts(slack, "C77").get(0);
                assertThat(field(answer, "thread_ts")).isEqualTo("1800000000.000700");
                assertThat(field(answer, "text")).contains("₹52L–₹78L");
            }
        }
    }

    /** Waits for the app's ack of one envelope; other messages (acks of earlier envelopes) are skipped. */
    private static JsonNode ackFor(SocketModeStandIn socket, String envelopeId) throws InterruptedException {
        for (JsonNode m; (m = socket.next(15)) != null; ) {
            if (envelopeId.equals(m.path("envelope_id").asText())) return m;
        }
        return null;
    }

    private static List<LoggedRequest> posts(SlackStandIn slack, String channel) {
        return slack.calls("chat.postMessage").stream().filter(r -> channel.equals(field(r, "channel"))).toList();
    }

    private static Map<String, Object> slashCommand(String command, String text, String channel, String responseUrl) {
        Map<String, Object> p = new LinkedHashMap<>(SignedClient.slashCommandFields(command, text, "T1", "U77", channel, responseUrl));
        p.put("is_enterprise_install", "false");
        return p;
    }
}
