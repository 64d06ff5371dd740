package coach.slack;

import static coach.testing.SlackStandIn.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import coach.testing.SignedClient;
import coach.testing.SlackStandIn;
import coach.testing.TestApps;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real server on a free port, Slack-signed requests, WireMock as the Slack Web API. */
class MockInterviewEndToEndTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TEAM = "T1";
    static final AtomicInteger USERS = new AtomicInteger();
    static SlackStandIn slack;
    static TestApps.Running running;
    static SignedClient client;

    String user;

    @BeforeAll
    static void start() throws Exception {
        slack = new SlackStandIn();
        running = TestApps.startSlack(TestApps.env(slack));
        client = running.client();
    }

    @AfterAll
    static void stop() {
        running.close();
        slack.close();
    }

    @BeforeEach
    void freshUser() {
        slack.reset();
        user = "U" + USERS.incrementAndGet();
    }

    // ---- helpers ----

    /** Runs /mock <stage> and returns the ts of the question message the app posted. */
    String askQuestion(String stage, String channel) {
        int before = slack.calls("chat.postMessage").size();
        var resp = client.slashCommand("/mock", stage, TEAM, user, channel, slack.responseUrl());
        assertThat(resp.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> questionRow(channel) != null);
        assertThat(slack.calls("chat.postMessage")).hasSizeGreaterThan(before);
        return (String) questionRow(channel).get("message_ts");
    }

    Map<String, Object> questionRow(String channel) {
        return running.database().jdbi().withHandle(h -> h.createQuery(
                        "select * from asked_question where team_id = :t and user_id = :u and channel_id = :c and message_ts is not null order by id desc limit 1")
                .bind("t", TEAM).bind("u", user).bind("c", channel).mapToMap().findFirst().orElse(null));
    }

    int count(String sql) {
        return running.database().jdbi().withHandle(h -> h.createQuery(sql).bind("t", TEAM).bind("u", user)
                .mapTo(Integer.class).one());
    }

    String threadReply(String channel, String threadTs, String text, String eventId) {
        return eventJson(Map.of("type", "message", "channel", channel, "user", user, "text", text,
                "ts", "1800000000." + eventId.hashCode() % 100000, "thread_ts", threadTs,
                "channel_type", channel.startsWith("D") ? "im" : "channel", "event_ts", "1800000000.1"), eventId);
    }

    static String eventJson(Map<String, Object> event, String eventId) {
        try {
            return JSON.writeValueAsString(Map.of("token", "x", "team_id", TEAM, "api_app_id", "A1",
                    "type", "event_callback", "event_id", eventId, "event_time", 1800000000, "event", event));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    List<LoggedRequest> reportsTo(String method) {
        return slack.calls(method).stream().filter(r -> {
            String text = field(r, "text");
            return text != null && text.contains("scored");
        }).toList();
    }

    LoggedRequest awaitReport(String method) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !reportsTo(method).isEmpty());
        return reportsTo(method).get(0);
    }

    static JsonNode blocks(LoggedRequest r) throws Exception {
        return JSON.readTree(field(r, "blocks"));
    }

    static String strongAnswer() {
        return "First, the requirements: features must be fresh within a second and served under 20 ms p99. "
                + "I would consume the Kafka topic with Flink, compute tumbling and sliding window aggregates in keyed state "
                + "with exactly-once checkpoints, and write them to Redis as the online store. Instead of computing at request time, "
                + "we precompute, because that keeps the p99 read under 5 ms; the trade-off is staleness, which we bound with watermarks. "
                + "At my last company this design cut feature lag from 120 ms to 35 ms for the recommendation client, "
                + "which raised click-through rate by 0.7% and cut infrastructure cost from $40k to $28k a month. "
                + "We alert in Prometheus on the p99 latency histogram and fall back to cached features if the store fails.";
    }

    // ---- tests ----

    @Test
    void badSignatureIsRejectedAndNothingHappens() {
        long ts = System.currentTimeMillis() / 1000;
        String body = SignedClient.form(Map.of("command", "/mock", "text", "system-design", "team_id", TEAM,
                "user_id", user, "channel_id", "C1", "response_url", slack.responseUrl()));
        var resp = client.send(body, "application/x-www-form-urlencoded", ts, SignedClient.sign("wrong-secret", ts, body), Map.of());
        assertThat(resp.statusCode()).isEqualTo(401);
        assertThat(slack.calls("chat.postMessage")).isEmpty();
        assertThat(count("select count(*) from asked_question where team_id = :t and user_id = :u")).isZero();
    }

    @Test
    void staleTimestampIsRejected() {
        long ts = System.currentTimeMillis() / 1000 - 6 * 60;
        String body = SignedClient.form(Map.of("command", "/mock", "text", "coding", "team_id", TEAM,
                "user_id", user, "channel_id", "C1", "response_url", slack.responseUrl()));
        var resp = client.send(body, "application/x-www-form-urlencoded", ts, SignedClient.sign(SignedClient.SECRET, ts, body), Map.of());
        assertThat(resp.statusCode()).isEqualTo(401);
        assertThat(count("select count(*) from asked_question where team_id = :t and user_id = :u")).isZero();
    }

    @Test
    void mockAloneShowsTheStagePicker() throws Exception {
        var resp = client.slashCommand("/mock", "", TEAM, user, "C1", slack.responseUrl());
        assertThat(resp.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(resp.body());
        assertThat(body.get("response_type").asText()).isEqualTo("ephemeral");
        assertThat(body.toString()).contains("mock_stage_system-design", "mock_stage_leadership-culture", "mock_stage_recruiter-screen");
    }

    @Test
    void helpExplainsTheCommands() throws Exception {
        var resp = client.slashCommand("/mock", "help", TEAM, user, "C1", slack.responseUrl());
        assertThat(JSON.readTree(resp.body()).get("text").asText()).contains("/mock <stage>", "system-design", "quantified customer impact");
    }

    @Test
    void unknownStageNamesTheClosestMatch() throws Exception {
        var resp = client.slashCommand("/mock", "sytem-desing", TEAM, user, "C1", slack.responseUrl());
        assertThat(resp.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(resp.body());
        assertThat(body.get("response_type").asText()).isEqualTo("ephemeral");
        assertThat(body.get("text").asText()).contains("Did you mean `system-design`", "`coding`", "`ml-deep-dive`");
        assertThat(slack.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void unknownStageEchoIsEscaped() throws Exception {
        var resp = client.slashCommand("/mock", "<!channel>", TEAM, user, "C1", slack.responseUrl());
        String text = JSON.readTree(resp.body()).get("text").asText();
        assertThat(text).doesNotContain("<!channel>").contains("&lt;!channel&gt;");
    }

    @Test
    void aliasAsksAQuestionWithAnswerButtonAndThreadReplyIsGraded() throws Exception {
        String ts = askQuestion("sd", "C100");
        LoggedRequest question = slack.calls("chat.postMessage").get(0);
        assertThat(field(question, "channel")).isEqualTo("C100");
        assertThat(blocks(question).toString()).contains("mock_answer", "System design");

        var resp = client.event(threadReply("C100", ts, strongAnswer(), "Ev" + user), Map.of());
        assertThat(resp.statusCode()).isEqualTo(200);

        // outside a DM the report is ephemeral: only the user sees their grade
        LoggedRequest report = awaitReport("chat.postEphemeral");
        assertThat(field(report, "user")).isEqualTo(user);
        assertThat(field(report, "thread_ts")).isEqualTo(ts);
        JsonNode blocks = blocks(report);
        assertThat(blocks.toString()).contains("Quantified customer impact", "/5", "Say it with impact", "offline grader");
        int overall = count("select overall from grade where team_id = :t and user_id = :u");
        assertThat(overall).isBetween(50, 100);
        assertThat(blocks.get(0).get("text").get("text").asText()).contains("Score " + overall + "/100");
    }

    @Test
    void inADirectMessageTheReportIsAThreadMessage() {
        String ts = askQuestion("coding", "D200");
        client.event(threadReply("D200", ts, "I would use a hash map keyed by user id with a deque per key, O(1) per event, "
                + "evicting entries older than the window; this cut memory from 8 GB to 2 GB for our fraud client.", "EvD" + user), Map.of());
        await().atMost(Duration.ofSeconds(20)).until(() -> slack.calls("chat.postMessage").stream()
                .anyMatch(r -> ts.equals(field(r, "thread_ts"))));
        assertThat(reportsTo("chat.postEphemeral")).isEmpty();
    }

    @Test
    void slackRetryOfTheSameEventIsGradedOnce() {
        String ts = askQuestion("ml", "C300");
        String event = threadReply("C300", ts, strongAnswer(), "EvRetry" + user);
        client.event(event, Map.of());
        client.event(event, Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));
        client.event(event, Map.of("X-Slack-Retry-Num", "2", "X-Slack-Retry-Reason", "http_timeout"));
        awaitReport("chat.postEphemeral");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> reportsTo("chat.postEphemeral").size() == 1);
        assertThat(count("select count(*) from answer where team_id = :t and user_id = :u")).isEqualTo(1);
        assertThat(count("select count(*) from grade where team_id = :t and user_id = :u")).isEqualTo(1);
    }

    @Test
    void mentionsInTheAnswerAreNeverEchoedAsMentions() throws Exception {
        String ts = askQuestion("leadership", "C400");
        String answer = "<!channel> <!here> <@U123> The situation: our fraud client saw p99 latency of 900 ms. "
                + "My task was to fix it within a quarter. I led a redesign with the platform team, and as a result "
                + "latency dropped from 900 ms to 120 ms, which cut false declines by 3% for the client. @channel";
        client.event(threadReply("C400", ts, answer, "EvMention" + user), Map.of());
        LoggedRequest report = awaitReport("chat.postEphemeral");
        String body = field(report, "blocks") + field(report, "text");
        assertThat(body).doesNotContain("<!channel>", "<!here>", "<@U123>");
        assertThat(body.replace("@\u200Bchannel", "")).doesNotContain("@channel");
    }

    @Test
    void aTwentyThousandCharacterAnswerIsGradedWithinBlockKitLimits() throws Exception {
        String ts = askQuestion("architecture", "C500");
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 20_000) {
            sb.append("We partition the Kafka topic by account and score events in Flink with exactly-once checkpoints, ")
                    .append("which cut fraud losses from $2.1M to $1.4M a quarter for the bank. ");
        }
        client.event(threadReply("C500", ts, sb.substring(0, 20_000), "EvLong" + user), Map.of());
        LoggedRequest report = awaitReport("chat.postEphemeral");
        JsonNode blocks = blocks(report);
        assertThat(blocks.size()).isLessThanOrEqualTo(50);
        for (JsonNode block : blocks) {
            if (block.has("text")) {
                assertThat(block.get("text").get("text").asText().length()).isLessThanOrEqualTo(3000);
            }
        }
        String stored = running.database().jdbi().withHandle(h -> h.createQuery(
                "select body from answer where team_id = :t and user_id = :u").bind("t", TEAM).bind("u", user).mapTo(String.class).one());
        assertThat(stored).hasSize(20_000);
    }

    @Test
    void nonAsciiAnswerIsAcceptedAndGraded() {
        String ts = askQuestion("recruiter", "C600");
        String answer = "Why streaming ML? At my last job I cut feature lag 120 ms → 35 ms for our ad client 🚀, "
                + "worth +0.7% CTR and about £40k a year. Naïve batch jobs couldn't do that; I want to build this at scale.";
        var resp = client.event(threadReply("C600", ts, answer, "EvUtf" + user), Map.of());
        assertThat(resp.statusCode()).isEqualTo(200);
        awaitReport("chat.postEphemeral");
        String stored = running.database().jdbi().withHandle(h -> h.createQuery(
                "select body from answer where team_id = :t and user_id = :u").bind("t", TEAM).bind("u", user).mapTo(String.class).one());
        assertThat(stored).isEqualTo(answer);
    }

    @Test
    void answerButtonOpensAModalAndItsSubmissionIsGraded() throws Exception {
        String ts = askQuestion("system-design", "C700");
        long askedId = ((Number) questionRow("C700").get("id")).longValue();
        String action = JSON.writeValueAsString(Map.of("type", "block_actions", "team", Map.of("id", TEAM),
                "user", Map.of("id", user), "api_app_id", "A1", "trigger_id", "trigger-1",
                "channel", Map.of("id", "C700"), "container", Map.of("type", "message", "message_ts", ts, "channel_id", "C700"),
                "response_url", slack.responseUrl(),
                "actions", List.of(Map.of("action_id", "mock_answer", "block_id", "b1", "value", String.valueOf(askedId),
                        "type", "button", "action_ts", "1"))));
        assertThat(client.interactive(action).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> !slack.calls("views.open").isEmpty());
        JsonNode view = JSON.readTree(field(slack.calls("views.open").get(0), "view"));
        assertThat(view.get("callback_id").asText()).isEqualTo("mock_answer_modal");
        assertThat(view.get("title").get("text").asText().length()).isLessThanOrEqualTo(24);

        // an empty submission keeps the modal open with a message
        var empty = client.interactive(submission(askedId, "   ", "V1" + user));
        assertThat(JSON.readTree(empty.body()).get("response_action").asText()).isEqualTo("errors");
        assertThat(empty.body()).contains("answer_block");
        assertThat(count("select count(*) from answer where team_id = :t and user_id = :u")).isZero();

        var ok = client.interactive(submission(askedId, strongAnswer(), "V2" + user));
        assertThat(ok.statusCode()).isEqualTo(200);
        awaitReport("chat.postEphemeral");
        assertThat(count("select count(*) from grade where team_id = :t and user_id = :u")).isEqualTo(1);
    }

    @Test
    void someoneElsesThreadReplyIsNotTakenAsTheAnswer() {
        String ts = askQuestion("coding", "C800");
        String other = threadReply("C800", ts, "my answer", "EvOther" + user).replace("\"user\":\"" + user + "\"", "\"user\":\"UOTHER\"");
        client.event(other, Map.of());
        // a reply of the asker after it proves the other one was processed (and ignored) first: work runs in order
        client.event(threadReply("C800", ts, strongAnswer(), "EvOwn" + user), Map.of());
        awaitReport("chat.postEphemeral");
        int others = running.database().jdbi().withHandle(h -> h.createQuery(
                "select count(*) from answer where user_id = 'UOTHER'").mapTo(Integer.class).one());
        assertThat(others).isZero();
    }

    @Test
    void rubricIsPublished() throws Exception {
        var resp = client.slashCommand("/mock", "rubric arch", TEAM, user, "C1", slack.responseUrl());
        JsonNode body = JSON.readTree(resp.body());
        assertThat(body.get("response_type").asText()).isEqualTo("ephemeral");
        assertThat(body.get("blocks").toString()).contains("Rubric · Architecture case", "Quantified customer impact", "weight 35%");
        var missing = client.slashCommand("/mock", "rubric", TEAM, user, "C1", slack.responseUrl());
        assertThat(JSON.readTree(missing.body()).get("text").asText()).contains("/mock rubric system-design");
    }

    @Test
    void followUpProbesTheAnswerAndIsGradedInTheSameSessionThenFinishSumsUp() throws Exception {
        String ts = askQuestion("sd", "D900");
        client.event(threadReply("D900", ts, strongAnswer(), "EvF1" + user), Map.of());
        await().atMost(Duration.ofSeconds(20)).until(() -> count("select count(*) from grade where team_id = :t and user_id = :u") == 1);
        long answerId = running.database().jdbi().withHandle(h -> h.createQuery(
                "select id from answer where team_id = :t and user_id = :u").bind("t", TEAM).bind("u", user).mapTo(Long.class).one());
        slack.reset();
        String action = JSON.writeValueAsString(Map.of("type", "block_actions", "team", Map.of("id", TEAM),
                "user", Map.of("id", user), "api_app_id", "A1", "trigger_id", "trigger-2", "channel", Map.of("id", "D900"),
                "response_url", slack.responseUrl(),
                "actions", List.of(Map.of("action_id", "mock_follow_up", "block_id", "b", "value", String.valueOf(answerId),
                        "type", "button", "action_ts", "1"))));
        assertThat(client.interactive(action).statusCode()).isEqualTo(200);
        Map<String, Object> followUp = await().atMost(Duration.ofSeconds(10)).until(() -> running.database().jdbi().withHandle(h -> h.createQuery(
                        "select * from asked_question where team_id = :t and user_id = :u and kind = 'follow_up' and message_ts is not null")
                .bind("t", TEAM).bind("u", user).mapToMap().findFirst().orElse(null)), java.util.Objects::nonNull);
        Map<String, Object> parent = running.database().jdbi().withHandle(h -> h.createQuery(
                "select * from asked_question where team_id = :t and user_id = :u and kind = 'main'").bind("t", TEAM).bind("u", user).mapToMap().one());
        assertThat(followUp.get("session_id")).isEqualTo(parent.get("session_id"));
        assertThat(followUp.get("parent_id")).isEqualTo(parent.get("id"));
        String bankFollowUps = String.join("|", running.interviews().question((String) parent.get("question_id")).orElseThrow().followUps());
        assertThat(bankFollowUps).contains((String) followUp.get("prompt"));
        assertThat(blocks(slack.calls("chat.postMessage").get(0)).toString()).contains("Follow-up");

        client.event(threadReply("D900", (String) followUp.get("message_ts"), strongAnswer(), "EvF2" + user), Map.of());
        await().atMost(Duration.ofSeconds(20)).until(() -> count("select count(*) from grade where team_id = :t and user_id = :u") == 2);

        var done = client.slashCommand("/mock", "done", TEAM, user, "D900", slack.responseUrl());
        assertThat(done.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> !slack.responseUrlCalls().isEmpty());
        String summary = JSON.readTree(slack.responseUrlCalls().get(0).getBodyAsString()).get("text").asText();
        assertThat(summary).contains("Session finished", "2 answers", "average", "Practise next");
        assertThat(count("select count(*) from interview_session where team_id = :t and user_id = :u and status = 'open'")).isZero();
    }

    @Test
    void healthAnswersJsonWhenTheDatabaseAnswers() {
        var resp = client.get("/health");
        assertThat(resp.statusCode()).isEqualTo(200);
        assertThat(resp.body()).contains("\"database\":\"up\"");
        assertThat(client.get("/metrics").statusCode()).isEqualTo(200);
    }

    String submission(long askedId, String text, String viewId) throws Exception {
        return JSON.writeValueAsString(Map.of("type", "view_submission", "team", Map.of("id", TEAM),
                "user", Map.of("id", user), "api_app_id", "A1", "trigger_id", "t2",
                "view", Map.of("id", viewId, "type", "modal", "callback_id", "mock_answer_modal",
                        "private_metadata", String.valueOf(askedId),
                        "state", Map.of("values", Map.of("answer_block", Map.of("answer_input",
                                Map.of("type", "plain_text_input", "value", text)))))));
    }
}
