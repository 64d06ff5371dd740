package coach.slack;

import static coach.testing.SlackStandIn.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import coach.testing.SlackAppTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Compensation questions through Slack: /comp, @mention, DM, and channels that opted in with /comp watch. */
class CompEndToEndTest extends SlackAppTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final AtomicInteger EVENTS = new AtomicInteger();

    @BeforeEach
    void reset() {
        slack.reset();
    }

    static String event(Map<String, Object> event) throws Exception {
        return JSON.writeValueAsString(Map.of("token", "x", "team_id", "T1", "api_app_id", "A1", "type", "event_callback",
                "event_id", "EvComp" + EVENTS.incrementAndGet(), "event_time", 1800000000, "event", event));
    }

    static String message(String channel, String channelType, String text, String ts) throws Exception {
        return event(Map.of("type", "message", "channel", channel, "channel_type", channelType, "user", "U1",
                "text", text, "ts", ts));
    }

    List<LoggedRequest> posts(String channel) {
        return slack.calls("chat.postMessage").stream().filter(r -> channel.equals(field(r, "channel"))).toList();
    }

    @Test
    void slashCompAnswersPrivatelyWithFiguresAndSources() throws Exception {
        var resp = app.client().slashCommand("/comp", "what is L4 base in London?", "T1", "U1", "C1", slack.responseUrl());
        var body = JSON.readTree(resp.body());
        assertThat(body.get("response_type").asText()).isEqualTo("ephemeral");
        assertThat(body.get("text").asText()).contains("$190k", "£82K–£105K", "Negotiation Guide", "Interview Guide");
    }

    @Test
    void slashCompOfferChecksTheOffer() throws Exception {
        var resp = app.client().slashCommand("/comp", "offer level=L4 region=mountain-view base=150k bonus=15% equity=250k",
                "T1", "U1", "C1", slack.responseUrl());
        String text = JSON.readTree(resp.body()).get("text").asText();
        assertThat(text).contains("below", "$188K–$232K", "Counter", "Not legal or tax advice");
    }

    @Test
    void slashCompNonsenseSaysWhatToTry() throws Exception {
        var resp = app.client().slashCommand("/comp", "offer base=-5k level=L9", "T1", "U1", "C1", slack.responseUrl());
        String text = JSON.readTree(resp.body()).get("text").asText();
        assertThat(text).containsIgnoringCase("level=L4");
    }

    @Test
    void mentionIsAnsweredInAThreadWithoutEchoingMentions() throws Exception {
        var resp = app.client().event(event(Map.of("type", "app_mention", "channel", "C10", "user", "U1",
                "text", "<@UBOT> <!channel> how much do senior ML engineers make in Bangalore?", "ts", "1800000000.000100")), Map.of());
        assertThat(resp.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> !posts("C10").isEmpty());
        LoggedRequest post = posts("C10").get(0);
        assertThat(field(post, "thread_ts")).isEqualTo("1800000000.000100");
        assertThat(field(post, "text")).contains("₹52L–₹78L").doesNotContain("<!channel>");
    }

    @Test
    void watchedChannelsAnswerCompQuestionsOnlyAndUnwatchStops() throws Exception {
        app.client().slashCommand("/comp", "watch", "T1", "U1", "C20", slack.responseUrl());
        await().atMost(Duration.ofSeconds(10)).until(() -> !slack.responseUrlCalls().isEmpty());
        assertThat(slack.responseUrlCalls().get(0).getBodyAsString()).contains("Watching this channel");

        app.client().event(message("C20", "channel", "the base image is broken again", "1800000001.000100"), Map.of());
        app.client().event(message("C20", "channel", "what is L5 total comp?", "1800000001.000200"), Map.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> !posts("C20").isEmpty());
        // work runs per user in order: the ignored message was handled before the answered one
        assertThat(posts("C20")).hasSize(1);
        assertThat(field(posts("C20").get(0), "thread_ts")).isEqualTo("1800000001.000200");
        assertThat(field(posts("C20").get(0), "text")).contains("$410k");

        slack.reset();
        app.client().slashCommand("/comp", "unwatch", "T1", "U1", "C20", slack.responseUrl());
        await().atMost(Duration.ofSeconds(10)).until(() -> !slack.responseUrlCalls().isEmpty());
        app.client().event(message("C20", "channel", "what is L3 base salary?", "1800000001.000300"), Map.of());
        app.client().slashCommand("/comp", "watch", "T1", "U1", "C21", slack.responseUrl());
        await().atMost(Duration.ofSeconds(10)).until(() -> slack.responseUrlCalls().size() == 2);
        assertThat(posts("C20")).isEmpty();
    }

    @Test
    void unwatchedChannelsAreLeftAlone() throws Exception {
        app.client().event(message("C30", "channel", "what is L4 base in London?", "1800000002.000100"), Map.of());
        app.client().slashCommand("/comp", "watch", "T1", "U1", "C31", slack.responseUrl());
        await().atMost(Duration.ofSeconds(10)).until(() -> !slack.responseUrlCalls().isEmpty());
        assertThat(posts("C30")).isEmpty();
    }

    @Test
    void directMessagesGetAnswers() throws Exception {
        app.client().event(message("D40", "im", "L4 vs L5 total comp", "1800000003.000100"), Map.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> !posts("D40").isEmpty());
        assertThat(field(posts("D40").get(0), "text")).contains("$285k", "$410k");
    }
}
