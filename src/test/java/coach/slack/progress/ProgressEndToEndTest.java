package coach.slack.progress;

import coach.slack.SlackJson;
import coach.slack.SlackLimits;
import coach.slack.mock.InterviewViews;
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
        String ts = await().atMost(Duration.ofSeconds(10)).until(() -> app.database().jdbi().withHandle(h -> h.createQuery(
                        "select message_ts from asked_question where user_id = :u and message_ts is not null order by id limit 1 offset :n")
                .bind("u", user).bind("n", n).mapTo(String.class).findFirst().orElse(null)), java.util.Objects::nonNull);
        app.client().event(JSON.writeValueAsString(Map.of("token", "x", "team_id", "T1", "api_app_id", "A1",
                "type", "event_callback", "event_id", "EvP" + user + n, "event_time", 1800000000,
                "event", Map.of("type", "message", "channel", channel, "user", user, "text", answer,
                        "ts", "1800000200.00000" + n, "thread_ts", ts, "channel_type", "im"))), Map.of());
        int graded = n + 1;
        await().atMost(Duration.ofSeconds(30)).until(() -> app.database().jdbi().withHandle(h -> h.createQuery(
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
        String weakest = app.progress().progress(new coach.interview.Learner("T1", "USTATS")).weakest().orElseThrow().name();
        String criteria = blocks.substring(blocks.indexOf("weakest first"));
        String firstLine = criteria.substring(criteria.indexOf("• "), criteria.indexOf("\\n", criteria.indexOf("• ")));
        assertThat(firstLine).contains(weakest);
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
                "a question is due", Optional.of(due.get(0))), "", "You rate yourself about one point above the grade.");
        JsonNode home = JSON.readTree(SlackJson.view(ProgressViews.home(p, "D1")));
        assertThat(home.get("blocks").size()).isLessThanOrEqualTo(SlackLimits.BLOCKS_PER_MESSAGE);
        for (JsonNode block : home.get("blocks")) {
            if (block.has("text")) {
                assertThat(block.get("text").get("text").asText().length()).isLessThanOrEqualTo(SlackLimits.SECTION_TEXT);
            }
        }
    }

    String action(String user, String actionId, String value, String responseUrl) throws Exception {
        return JSON.writeValueAsString(Map.of("type", "block_actions", "team", Map.of("id", "T1"),
                "user", Map.of("id", user), "response_url", responseUrl, "trigger_id", "trig-" + user,
                "channel", Map.of("id", "D" + user),
                "actions", List.of(Map.of("action_id", actionId, "value", value, "type", "button"))));
    }

    int rows(String table, String user) {
        return app.database().jdbi().withHandle(h -> h.createQuery("select count(*) from " + table
                + " where user_id = :u").bind("u", user).mapTo(Integer.class).one());
    }

    @Test
    void forgetMeAsksFirstThenDeletesEveryRowAboutTheLearnerAndSaysHowMany() throws Exception {
        String answer = "I'd consume the topic with Flink and write features to Redis; lag fell from 120 ms to 35 ms for the client.";
        askAndAnswer("UFORGET", "DUFORGET", answer, 0);
        askAndAnswer("UKEEP", "DUKEEP", answer, 0);
        JsonNode ask = JSON.readTree(app.client().slashCommand("/mock", "forget-me", "T1", "UFORGET", "DUFORGET",
                slack.responseUrl()).body());
        assertThat(ask.get("blocks").toString()).contains("Delete everything about me", "confirm", "cannot be undone");
        assertThat(rows("answer", "UFORGET")).isEqualTo(1); // nothing deleted before the button

        app.client().interactive(action("UFORGET", ProgressViews.ACTION_FORGET, "forget", slack.responseUrl()));
        for (String table : List.of("answer", "grade", "grade_criterion", "asked_question", "interview_session")) {
            assertThat(rows(table, "UFORGET")).as(table).isZero();
            assertThat(rows(table, "UKEEP")).as(table).isPositive();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> slack.responseUrlCalls().stream()
                .anyMatch(r -> r.getBodyAsString().contains("Rows deleted, by table")));
        String done = slack.responseUrlCalls().stream().map(r -> r.getBodyAsString())
                .filter(b -> b.contains("Rows deleted")).findFirst().orElseThrow();
        assertThat(done).contains("answer 1", "grade 1", "slack_delivery");
    }

    @Test
    void exportSendsTheHistoryAsACsvFileInTheLearnersDm() throws Exception {
        slack.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/api/files.getUploadURLExternal"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"ok\":true,\"upload_url\":\""
                        + slack.server.baseUrl() + "/upload/F123\",\"file_id\":\"F123\"}")));
        slack.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/api/files.completeUploadExternal"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
                        "{\"ok\":true,\"files\":[{\"id\":\"F123\",\"title\":\"history\"}]}")));
        slack.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/api/conversations.open"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
                        "{\"ok\":true,\"channel\":{\"id\":\"DEXPORT\"}}")));
        askAndAnswer("UEXPORT", "DUEXPORT", "We precompute features into Redis, a \"quoted\", comma-laden answer.", 0);
        var resp = app.client().slashCommand("/mock", "export", "T1", "UEXPORT", "C1", slack.responseUrl());
        assertThat(resp.body()).contains("CSV");
        await().atMost(Duration.ofSeconds(20)).until(() -> !slack.calls("files.completeUploadExternal").isEmpty());
        var uploads = slack.server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/upload/F123")));
        assertThat(uploads).singleElement().satisfies(u -> assertThat(u.getBodyAsString())
                .contains("date,stage,question_id,question,answer,score", "\"We precompute features into Redis, a \"\"quoted\"\", comma-laden answer.\""));
        assertThat(field(slack.calls("files.completeUploadExternal").get(0), "channel_id")).isEqualTo("DEXPORT");
    }

    @Test
    void anotherLearnersIdsOpenNothingOfTheirs() throws Exception {
        askAndAnswer("UOWNER", "DUOWNER", "Flink into Redis; p99 fell from 80 ms to 20 ms for the client.", 0);
        long asked = app.database().jdbi().withHandle(h -> h.createQuery(
                "select id from asked_question where user_id = 'UOWNER'").mapTo(Long.class).one());
        long answerId = app.database().jdbi().withHandle(h -> h.createQuery(
                "select id from answer where user_id = 'UOWNER'").mapTo(Long.class).one());
        int modalsBefore = slack.calls("views.open").size();
        app.client().interactive(action("UINTRUDER", InterviewViews.ACTION_TRY_AGAIN, String.valueOf(asked), slack.responseUrl()));
        app.client().interactive(action("UINTRUDER", InterviewViews.ACTION_ANSWER, String.valueOf(asked), slack.responseUrl()));
        app.client().interactive(action("UINTRUDER", InterviewViews.ACTION_FOLLOW_UP, String.valueOf(answerId), slack.responseUrl()));
        await().atMost(Duration.ofSeconds(10)).until(() -> slack.responseUrlCalls().stream()
                .anyMatch(r -> r.getBodyAsString().contains("only follow up on your own")));
        assertThat(slack.calls("views.open")).hasSize(modalsBefore);
        assertThat(slack.responseUrlCalls().stream().map(r -> r.getBodyAsString()))
                .anyMatch(b -> b.contains("asked of someone else"));
        JsonNode stats = JSON.readTree(app.client().slashCommand("/mock", "stats", "T1", "UINTRUDER", "DUINTRUDER",
                slack.responseUrl()).body());
        assertThat(stats.get("blocks").toString()).contains("No graded answers yet");
        assertThat(rows("answer", "UINTRUDER")).isZero();
        assertThat(rows("answer", "UOWNER")).isEqualTo(1);
    }

    @Test
    void aSelfRatingIsOneTapOnTheGradingMessageAndShowsInStats() throws Exception {
        askAndAnswer("URATE", "DURATE", "Flink into Redis; p99 fell from 80 ms to 20 ms for the client.", 0);
        var grading = slack.calls("chat.postMessage").stream().filter(r -> "DURATE".equals(field(r, "channel")))
                .filter(r -> "Grading your answer…".equals(field(r, "text"))).findFirst().orElseThrow();
        assertThat(field(grading, "blocks")).contains("self_rate_1", "self_rate_5", "does not wait");
        long answerId = app.database().jdbi().withHandle(h -> h.createQuery(
                "select id from answer where user_id = 'URATE'").mapTo(Long.class).one());
        app.client().interactive(action("URATE", "self_rate_4", String.valueOf(answerId), slack.responseUrl()));
        await().atMost(Duration.ofSeconds(10)).until(() -> slack.responseUrlCalls().stream()
                .anyMatch(r -> r.getBodyAsString().contains("You rated this answer 4/5")));
        int stored = app.database().jdbi().withHandle(h -> h.createQuery(
                "select rating from self_rating where user_id = 'URATE'").mapTo(Integer.class).one());
        assertThat(stored).isEqualTo(4);
        JsonNode stats = JSON.readTree(app.client().slashCommand("/mock", "stats", "T1", "URATE", "DURATE",
                slack.responseUrl()).body());
        assertThat(stats.get("blocks").toString()).contains("Self-assessment", "1 rated answer");
    }

    @Test
    void teamJoinAndTheTeamViewInAChannel() throws Exception {
        assertThat(app.client().slashCommand("/mock", "team join", "T1", "UT1", "CTEAM", slack.responseUrl()).body())
                .contains("You joined this channel", "never your own scores");
        assertThat(app.client().slashCommand("/mock", "team", "T1", "UT1", "CTEAM", slack.responseUrl()).body())
                .contains("1 member has joined", "appears from 3 members");
        app.client().slashCommand("/mock", "team join", "T1", "UT2", "CTEAM", slack.responseUrl());
        app.client().slashCommand("/mock", "team join", "T1", "UT3", "CTEAM", slack.responseUrl());
        assertThat(app.client().slashCommand("/mock", "team", "T1", "UT3", "CTEAM", slack.responseUrl()).body())
                .contains("Team view", "3 members who opted in", "practised in the last 7 days");
        assertThat(app.client().slashCommand("/mock", "team", "T1", "UT3", "DUT3", slack.responseUrl()).body())
                .contains("belongs to a channel");
    }

    @Test
    void theHomeViewOfOneAndOfAThousandGradedAnswersIsValidAndWithinLimits() throws Exception {
        var jdbi = app.database().jdbi();
        String[] stages = {"recruiter-screen", "system-design", "coding", "ml-deep-dive", "architecture-case", "leadership-culture"};
        coach.testing.GradeRows.graded(jdbi, "UONE", "coding", "code-sliding-window-topk", 55,
                Map.of("customer-impact", 2, "correctness", 4), Instant.now());
        for (int i = 0; i < 1000; i++) {
            coach.testing.GradeRows.graded(jdbi, "UMANY", stages[i % 6], "q" + i, i % 100,
                    Map.of("customer-impact", 1 + i % 5, "key-points", 1 + (i / 7) % 5, "tradeoffs", 2),
                    Instant.now().minus(Duration.ofDays(2)));
        }
        for (String user : List.of("UONE", "UMANY")) {
            Progress p = app.progress().progress(new coach.interview.Learner("T1", user));
            JsonNode home = JSON.readTree(SlackJson.view(ProgressViews.home(p, "D" + user)));
            assertThat(home.get("type").asText()).isEqualTo("home");
            assertThat(home.get("blocks").size()).isLessThanOrEqualTo(SlackLimits.BLOCKS_PER_MESSAGE);
            for (JsonNode block : home.get("blocks")) {
                if (block.has("text")) {
                    assertThat(block.get("text").get("text").asText().length()).isLessThanOrEqualTo(SlackLimits.SECTION_TEXT);
                }
            }
            assertThat(home.toString()).contains(user.equals("UONE") ? "trends need 3 answers" : "Due for review");
        }
    }
}
