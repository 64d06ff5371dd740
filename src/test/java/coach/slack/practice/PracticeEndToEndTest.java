package coach.slack.practice;

import coach.slack.DeliveryLog;
import coach.slack.SlackDeliveries;
import coach.slack.SlackPoster;
import static coach.testing.SlackStandIn.field;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import coach.config.StageCatalog;
import coach.interview.InterviewService;
import coach.interview.Learner;
import coach.practice.ReminderSender;
import coach.practice.Subscription;
import coach.testing.SlackAppTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /practice through signed requests, and how Slack's answers to a reminder are understood. */
class PracticeEndToEndTest extends SlackAppTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void reset() {
        slack.reset();
        slack.server.stubFor(post(urlPathEqualTo("/api/users.info")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":true,\"user\":{\"id\":\"U1\",\"tz\":\"Asia/Kathmandu\",\"tz_offset\":20700}}")));
    }

    String practice(String user, String text) throws Exception {
        int before = slack.responseUrlCalls().size();
        var resp = app.client().slashCommand("/practice", text, "T1", user, "D1", slack.responseUrl());
        assertThat(resp.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> slack.responseUrlCalls().size() > before);
        return JSON.readTree(slack.responseUrlCalls().get(slack.responseUrlCalls().size() - 1).getBodyAsString()).get("text").asText();
    }

    @Test
    void subscribeInTheUsersOwnZoneThenStatusPauseResumeStop() throws Exception {
        assertThat(practice("UP1", "daily 09:00 weekdays mix")).contains("at 09:00 on weekdays (Asia/Kathmandu)", "First one");
        int scheduled = app.database().jdbi().withHandle(h -> h.createQuery(
                "select count(*) from scheduled_tasks where task_name = 'practice-reminder'").mapTo(Integer.class).one());
        assertThat(scheduled).isGreaterThanOrEqualTo(1);
        assertThat(practice("UP1", "status")).contains("Next:", "Streak: *0 days*");
        assertThat(practice("UP1", "pause 7d")).contains("Paused until");
        assertThat(practice("UP1", "resume")).contains("Resumed");
        assertThat(practice("UP1", "stop")).contains("Stopped");
    }

    @Test
    void badInputGetsAClearMessageAndHelpNeedsNoLookup() throws Exception {
        assertThat(practice("UP2", "daily 25:00")).contains("not a time of day", "09:00");
        assertThat(practice("UP2", "pause until 2020-01-01")).contains("not in the future");
        var help = app.client().slashCommand("/practice", "", "T1", "UP2", "D1", slack.responseUrl());
        assertThat(JSON.readTree(help.body()).get("text").asText()).contains("/practice daily 09:00 weekdays mix");
    }

    /** The Slack adapter against the stand-in: what each Slack answer means for a reminder. */
    @Test
    void slackAnswersAreClassified() throws Exception {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl());
        Slack client = Slack.getInstance(config);
        SlackPoster poster = new SlackPoster(client, client.methods("xoxb-test"));
        SlackReminderSender sender = new SlackReminderSender(poster, new SlackDeliveries(poster,
                new DeliveryLog(app.database().jdbi(), java.time.Clock.systemUTC()), java.time.Clock.systemUTC(), Duration.ofSeconds(20),
                app.database().durability()));
        StageCatalog stages = StageCatalog.load(Path.of("config"));
        Subscription sub = new Subscription(1, "T1", "U1", Subscription.DM, null, LocalTime.of(9, 0),
                EnumSet.allOf(DayOfWeek.class), "mix", ZoneId.of("UTC"), Subscription.ACTIVE, null);
        var asked = app.interviews().ask(new Learner("T1", "U1"), stages.get("coding"), null);

        slack.server.stubFor(post(urlPathEqualTo("/api/conversations.open")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"ok\":true,\"channel\":{\"id\":\"D123\"}}")));
        assertThat(sender.timeZone(new Learner("T1", "U1"))).contains(ZoneId.of("Asia/Kathmandu"));

        slack.server.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "7").withBody("")));
        assertThatThrownBy(() -> sender.sendDm(sub, asked, 2, "reminder:classified-1")).isInstanceOfSatisfying(ReminderSender.SendFailure.class, f -> {
            assertThat(f.kind()).isEqualTo(ReminderSender.Kind.RATE_LIMITED);
            assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        });
        slack.server.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"ok\":false,\"error\":\"account_inactive\"}")));
        assertThatThrownBy(() -> sender.sendDm(sub, asked, 2, "reminder:classified-2")).isInstanceOfSatisfying(ReminderSender.SendFailure.class,
                f -> assertThat(f.kind()).isEqualTo(ReminderSender.Kind.UNREACHABLE));
        slack.server.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).willReturn(aResponse().withStatus(503).withBody("down")));
        assertThatThrownBy(() -> sender.sendDm(sub, asked, 2, "reminder:classified-3")).isInstanceOfSatisfying(ReminderSender.SendFailure.class,
                f -> assertThat(f.kind()).isEqualTo(ReminderSender.Kind.TRANSIENT));
        slack.server.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"ok\":true,\"ts\":\"1.2\"}")));
        assertThat(sender.sendDm(sub, asked, 2, "reminder:classified-4")).isEqualTo(new ReminderSender.Posted("D123", "1.2"));
        var posted = slack.calls("chat.postMessage").get(slack.calls("chat.postMessage").size() - 1);
        assertThat(field(posted, "blocks")).contains("practice_snooze_hour", "practice_skip", "mock_answer", "Streak: 2 days");
    }

    @Test
    void aMemberAnsweringTheChannelQuestionOfTheDayGetsAPrivateGrade() throws Exception {
        Learner owner = new Learner("T1", "UOWNER");
        String reply = practice("UOWNER", "channel daily 10:00 system-design");
        assertThat(reply).contains("needs a channel"); // typed in a DM (D1)
        var resp = app.client().slashCommand("/practice", "channel daily 10:00 system-design", "T1", "UOWNER", "C900", slack.responseUrl());
        assertThat(resp.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> slack.responseUrlCalls().size() >= 2);
        long subId = app.database().jdbi().withHandle(h -> h.createQuery(
                "select id from practice_subscription where channel_id = 'C900'").mapTo(Long.class).one());
        // post the question as the reminder would, then a member answers in its thread
        InterviewService.Asked asked = app.interviews().ask(owner, app.stages().get("system-design"), "C900");
        app.interviews().attachMessage(asked.asked(), "C900", "1800000005.000100");
        app.database().jdbi().useHandle(h -> h.createUpdate("""
                insert into practice_channel_post (team_id, channel_id, message_ts, user_id, subscription_id, stage_id, question_id, prompt)
                values ('T1', 'C900', '1800000005.000100', 'UOWNER', :sub, 'system-design', :q, :p)""")
                .bind("sub", subId).bind("q", asked.question().id()).bind("p", asked.asked().prompt()).execute());
        String event = JSON.writeValueAsString(Map.of("token", "x", "team_id", "T1", "api_app_id", "A1", "type", "event_callback",
                "event_id", "EvQotd", "event_time", 1800000000, "event", Map.of("type", "message", "channel", "C900",
                        "channel_type", "channel", "user", "UMEMBER", "ts", "1800000005.000200", "thread_ts", "1800000005.000100",
                        "text", "We'd consume with Flink, exactly-once, Redis online store; p99 from 80 ms to 15 ms for the client.")));
        app.client().event(event, Map.of());
        await().atMost(Duration.ofSeconds(20)).until(() -> slack.calls("chat.postEphemeral").stream()
                .anyMatch(r -> "UMEMBER".equals(field(r, "user"))));
        var report = slack.calls("chat.postEphemeral").stream().filter(r -> "UMEMBER".equals(field(r, "user"))).findFirst().orElseThrow();
        assertThat(field(report, "thread_ts")).isEqualTo("1800000005.000100");
        assertThat(slack.calls("chat.postMessage").stream().noneMatch(r -> field(r, "text") != null && field(r, "text").contains("scored"))).isTrue();
    }
}
