package coach.slack;

import static coach.testing.SlackStandIn.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import coach.progress.Progress;
import coach.progress.Trend;
import coach.testing.SlackAppTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** `/mock stats` and the App Home tab through signed requests; the views stay within Block Kit limits. */
class ProgressEndToEndTest extends SlackAppTest {
    static final ObjectMapper JSON = new ObjectMapper();

    String askAndAnswer(String user, String channel, String answer, int n) throws Exception {
        app.client().slashCommand("/mock", "sd", "T1", user, channel, slack.responseUrl());
        String ts = await().atMost(Duration.ofSeconds(10)).until(() -> app.app().database.jdbi().withHandle(h -> h.createQuery(
                        "select message_ts from asked_question where user_id = :u and message_ts is not null order by id limit 1 offset :n")
                .bind("u", user).bind("n", n).mapTo(String.class).findFirst().orElse(null)), java.util.Objects::nonNull);
        app.client().event(JSON.writeValueAsString(Map.of("token", "x", "team_id", "T1", "api_app_id", "A1",
                "type", "event_callback", "event_id", "EvP" + user + n, "event_time", 1800000000,
                "event", Map.of("type", "message", "channel", channel, "user", user, "text", answer,
                        "ts", "1800000200.00000" + n, "thread_ts", ts, "channel_type", "im"))), Map.of());
        int graded = n + 1;
        await().atMost(Duration.ofSeconds(30)).until(() -> app.app().database.jdbi().withHandle(h -> h.createQuery(
                "select count(*) from grade where user_id = :u").bind("u", user).mapTo(Integer.class).one()) >= graded);
        return ts;
    }

    @Test
    void statsAfterThreeGradedAnswersNameTheWeakestCriterion() throws Exception {
        String answer = "I'd consume the Kafka topic with Flink and keep windowed aggregates in RocksDB state, then write "
                + "features to Redis for the inference service. For the ads client this cut feature lag from 120 ms to 35 ms.";
        for (int i = 0; i < 3; i++) askAndAnswer("USTATS", "DSTATS", answer, i);
        var resp = app.client().slashCommand("/mock", "stats", "T1", "USTATS", "DSTATS", slack.responseUrl());
        assertThat(resp.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(resp.body());
        assertThat(body.get("response_type").asText()).isEqualTo("ephemeral");
        String blocks = body.get("blocks").toString();
        assertThat(blocks).contains("Your progress", "System design", "By criterion", "weakest first", "Streak");
        // the weakest criterion is listed first, with its narration
        String weakest = app.app().progress.progress(new coach.interview.Learner("T1", "USTATS")).weakest().orElseThrow().name();
        assertThat(blocks.indexOf(weakest)).isLessThan(blocks.indexOf("Quantified customer impact"));
        // another user sees only their own (empty) progress
        JsonNode other = JSON.readTree(app.client().slashCommand("/mock", "stats", "T1", "UOTHER", "DOTHER",
                slack.responseUrl()).body());
        assertThat(other.get("blocks").toString()).contains("No graded answers yet").doesNotContain("System design");
    }

    @Test
    void openingTheHomeTabPublishesTheLearnersProgress() throws Exception {
        String event = JSON.writeValueAsString(Map.of("token", "x", "team_id", "T1", "api_app_id", "A1",
                "type", "event_callback", "event_id", "EvHome1", "event_time", 1800000000,
                "event", Map.of("type", "app_home_opened", "user", "UHOME", "channel", "DHOME", "tab", "home",
                        "event_ts", "1800000000.1")));
        assertThat(app.client().event(event, Map.of()).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> !slack.calls("views.publish").isEmpty());
        var publish = slack.calls("views.publish").get(0);
        assertThat(field(publish, "user_id")).isEqualTo("UHOME");
        assertThat(field(publish, "view")).contains("\"type\":\"home\"", "Start your first mock", "Set up reminders",
                "DHOME");
    }

    @Test
    void theViewsStayWithinBlockKitLimitsHoweverLongTheHistory() throws Exception {
        List<Progress.StageProgress> stages = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            stages.add(new Progress.StageProgress("s" + i, "Stage " + i, 1000, 55, "▁▂▃▄▅▆▇█▇▆", List.of()));
        }
        List<Progress.CriterionProgress> criteria = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            criteria.add(new Progress.CriterionProgress("c" + i, "Criterion " + i, 1000, 2.5, 2, 3, Trend.FLAT,
                    "Criterion " + i + " has stayed at 2 over your last 5 answers: " + "to reach 3, say more. ".repeat(10)));
        }
        List<Progress.ReviewItem> due = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            due.add(new Progress.ReviewItem(i, "q" + i, "s1", 30, Instant.EPOCH, Instant.EPOCH, "x", "you scored 30 here"));
        }
        Progress p = new Progress(1000, stages, criteria, 12, due, new Progress.Recommendation("s1", "Stage 1",
                "a question is due", Optional.of(due.get(0))), "");
        JsonNode home = JSON.readTree(SlackJson.view(ProgressViews.home(p, "D1")));
        assertThat(home.get("blocks").size()).isLessThanOrEqualTo(SlackLimits.BLOCKS_PER_MESSAGE);
        for (JsonNode block : home.get("blocks")) {
            if (block.has("text")) {
                assertThat(block.get("text").get("text").asText().length()).isLessThanOrEqualTo(SlackLimits.SECTION_TEXT);
            }
        }
    }
}
