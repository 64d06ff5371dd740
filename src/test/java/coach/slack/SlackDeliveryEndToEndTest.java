package coach.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import coach.testing.SlackMessages;
import coach.testing.SlackStandIn;
import coach.testing.TestApps;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every Slack fault on a post is retried from the database, and nothing is posted twice. */
class SlackDeliveryEndToEndTest {
    static SlackStandIn slack;
    static TestApps.Running app;

    @BeforeAll
    static void start() throws Exception {
        slack = new SlackStandIn();
        Map<String, String> env = TestApps.env(slack);
        env.put("SLACK_TIMEOUT_SECONDS", "1");
        app = TestApps.startSlack(env);
    }

    @AfterAll
    static void stop() {
        app.close();
        slack.close();
    }

    @BeforeEach
    void reset() {
        slack.reset();
    }

    /** chat.postMessage answers {@code first}, then behaves (and remembers) like Slack. */
    static void firstPostAnswers(ResponseDefinitionBuilder first) {
        slack.server.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).inScenario("post")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(first).willSetStateTo("ok"));
        slack.server.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).inScenario("post")
                .whenScenarioStateIs("ok").willReturn(SlackStandIn.postedAfter(0)));
    }

    String messageTs(String user) {
        return app.database().jdbi().withHandle(h -> h.createQuery(
                "select message_ts from asked_question where user_id = :u").bind("u", user).mapTo(String.class).findFirst().orElse(null));
    }

    List<SlackMessages.Posted> postedIn(String channel) {
        return slack.messages.posted().stream().filter(p -> p.channel().equals(channel)).toList();
    }

    @Test
    void aQuestionPostThatGetsA429IsPostedOnceAfterRetryAfter() {
        firstPostAnswers(aResponse().withStatus(429).withHeader("Retry-After", "1").withBody(""));
        assertThat(app.client().slashCommand("/mock", "coding", "T1", "U429", "C429", slack.responseUrl()).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> messageTs("U429") != null);
        assertThat(slack.calls("chat.postMessage").stream().filter(r -> "C429".equals(SlackStandIn.field(r, "channel"))))
                .hasSize(2);
        assertThat(postedIn("C429")).hasSize(1);
        assertThat(messageTs("U429")).isEqualTo(postedIn("C429").get(0).ts());
        assertThat(slack.responseUrlCalls()).isEmpty();
    }

    @Test
    void aPostWhoseReplyWasLostIsFoundInsteadOfPostedAgain() {
        // Slack posts the message, but its reply comes after the app's 1 s timeout
        firstPostAnswers(SlackStandIn.postedAfter(2_500));
        assertThat(app.client().slashCommand("/mock", "coding", "T1", "ULOST", "CLOST", slack.responseUrl()).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> messageTs("ULOST") != null);
        assertThat(postedIn("CLOST")).hasSize(1);
        assertThat(messageTs("ULOST")).isEqualTo(postedIn("CLOST").get(0).ts());
        assertThat(slack.calls("conversations.history")).isNotEmpty();
        assertThat(slack.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    void aQuestionSlackRefusesIsReportedToTheUser() {
        slack.server.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"ok\":false,\"error\":\"not_in_channel\"}")));
        app.client().slashCommand("/mock", "coding", "T1", "UNOPE", "CNOPE", slack.responseUrl());
        await().atMost(Duration.ofSeconds(10)).until(() -> !slack.responseUrlCalls().isEmpty());
        assertThat(slack.responseUrlCalls().get(0).getBodyAsString()).contains("can't post in this channel", "ephemeral");
        assertThat(slack.calls("chat.postMessage")).hasSize(1); // retrying cannot help: not retried
    }

    @Test
    void aReportThatMeetsA503IsPostedOnce() throws Exception {
        app.client().slashCommand("/mock", "coding", "T1", "U503", "DU503", slack.responseUrl());
        await().atMost(Duration.ofSeconds(10)).until(() -> messageTs("U503") != null);
        // the report (not the "grading…" message that comes before it) meets the 503
        slack.server.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).inScenario("post")
                .whenScenarioStateIs(Scenario.STARTED)
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("scored"))
                .willReturn(aResponse().withStatus(503).withBody("upstream down")).willSetStateTo("ok"));
        String event = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("token", "x",
                "team_id", "T1", "api_app_id", "A1", "type", "event_callback", "event_id", "Ev503", "event_time", 1800000000,
                "event", Map.of("type", "message", "channel", "DU503", "user", "U503", "channel_type", "im",
                        "text", "A hash map keyed by user with a deque per key; this cut p99 from 80 ms to 30 ms for the client.",
                        "ts", "1800000000.000503", "thread_ts", messageTs("U503"))));
        assertThat(app.client().event(event, Map.of()).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> postedIn("DU503").stream().anyMatch(p -> p.text().contains("scored")));
        assertThat(postedIn("DU503").stream().filter(p -> p.text().contains("scored"))).hasSize(1);
        // the question, the "grading…" message, the refused report, the report
        assertThat(slack.calls("chat.postMessage")).hasSize(4);
        assertThat(slack.calls("conversations.replies")).hasSize(1); // a 503 may hide a post: looked for first
    }
}
