package coach.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import coach.store.Database;
import coach.testing.AppProcess;
import coach.testing.SignedClient;
import coach.testing.SlackMessages;
import coach.testing.SlackStandIn;
import coach.testing.TestApps;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ack means stored: the app runs in its own JVM on an H2 file; answers are submitted at once, the JVM is killed
 * (SIGKILL) right after the acks arrive, and a new JVM on the same file must store, grade and report every acked
 * answer exactly once. Several kill delays; the restart of one round serves the next.
 */
class KillRecoveryEndToEndTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TEAM = "T1";
    static final int USERS_PER_ROUND = 20;
    static final long[] KILL_DELAYS_MS = {0, 50, 300};

    @TempDir
    Path dir;

    record Round(long killDelayMs, List<String> users, List<String> acked, int reportedBeforeKill) {}

    @Test
    void everyAckedAnswerSurvivesAKillAndIsGradedAndReportedExactlyOnce() throws Exception {
        Path config = TestApps.copyConfig(dir.resolve("config"));
        // dead instances are noticed after 1 s × 4 missed heartbeats, so the test does not wait 20 s per kill
        Files.writeString(config.resolve("coach.yaml"), Files.readString(config.resolve("coach.yaml"))
                .replace("heartbeat_seconds: 5", "heartbeat_seconds: 1"));
        String db = "jdbc:h2:file:" + dir.resolve("db/coach") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        Path log = dir.resolve("app.log");
        List<Round> rounds = new ArrayList<>();
        try (SlackStandIn slack = new SlackStandIn()) {
            Map<String, String> env = env(slack, db, config);
            AppProcess app = AppProcess.start(env, log);
            for (long delay : KILL_DELAYS_MS) {
                Round round = answerThenKill(app, slack, delay);
                rounds.add(round);
                app = AppProcess.start(env, log);
                for (String user : round.acked()) {
                    await().atMost(Duration.ofSeconds(30)).until(() -> !reportsIn(slack, channel(user)).isEmpty());
                }
            }
            app.close();
            try (Database database = Database.open(db)) {
                for (Round round : rounds) {
                    int stored = 0, graded = 0, duplicates = 0;
                    for (String user : round.acked()) {
                        int answers = count(database, "select count(*) from answer where team_id = 'T1' and user_id = :u", user);
                        int grades = count(database, "select count(*) from grade where team_id = 'T1' and user_id = :u", user);
                        int reports = reportsIn(slack, channel(user)).size();
                        stored += answers;
                        graded += grades;
                        duplicates += Math.max(0, reports - 1);
                        assertThat(answers).as("answers of %s", user).isEqualTo(1);
                        assertThat(grades).as("grades of %s", user).isEqualTo(1);
                        assertThat(reports).as("reports to %s", user).isEqualTo(1);
                    }
                    System.out.printf("kill %d ms after the acks: acked=%d reported before the kill=%d stored=%d graded=%d "
                                    + "duplicate reports=%d%n", round.killDelayMs(), round.acked().size(),
                            round.reportedBeforeKill(), stored, graded, duplicates);
                    assertThat(round.acked()).isNotEmpty();
                }
            }
        }
    }

    /** Asks every user a question (and waits for it to be posted), then submits all answers at once and kills. */
    private Round answerThenKill(AppProcess app, SlackStandIn slack, long delayMs) throws Exception {
        SignedClient client = app.client();
        List<String> users = new ArrayList<>();
        for (int i = 0; i < USERS_PER_ROUND; i++) {
            String user = "U" + delayMs + "x" + i;
            users.add(user);
            assertThat(client.slashCommand("/mock", "coding", TEAM, user, channel(user), slack.responseUrl()).statusCode()).isEqualTo(200);
        }
        Map<String, Long> askedIds = new HashMap<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (String user : users) {
                slack.messages.posted().stream().filter(p -> p.channel().equals(channel(user)) && p.metadata() != null)
                        .map(p -> p.metadata().path("event_payload").path("delivery_id").asText())
                        .filter(id -> id.startsWith("question:"))
                        .findFirst().ifPresent(id -> askedIds.put(user, Long.parseLong(id.substring("question:".length()))));
            }
            return askedIds.size() == users.size();
        });
        ExecutorService pool = Executors.newFixedThreadPool(USERS_PER_ROUND);
        List<Future<Integer>> acks = new ArrayList<>();
        for (String user : users) {
            String body = submission(user, askedIds.get(user));
            acks.add(pool.submit(() -> client.interactive(body).statusCode()));
        }
        List<String> acked = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            if (acks.get(i).get() == 200) acked.add(users.get(i));
        }
        pool.shutdown();
        if (delayMs > 0) Thread.sleep(delayMs);
        app.kill();
        int reportedBeforeKill = (int) users.stream().filter(u -> !reportsIn(slack, channel(u)).isEmpty()).count();
        return new Round(delayMs, users, acked, reportedBeforeKill);
    }

    static List<SlackMessages.Posted> reportsIn(SlackStandIn slack, String channel) {
        return slack.messages.posted().stream()
                .filter(p -> p.channel().equals(channel) && p.threadTs() != null && p.text() != null && p.text().contains("scored"))
                .toList();
    }

    static String channel(String user) {
        return "D" + user; // a DM: the report is a normal thread message, visible in the stand-in's history
    }

    static String submission(String user, long askedId) throws Exception {
        String answer = "I would use a token bucket per client in Redis with a Lua script for atomic refill; this cut "
                + "abusive traffic by 80% and kept p99 latency for paying customers at 40 ms.";
        return JSON.writeValueAsString(Map.of("type", "view_submission", "team", Map.of("id", TEAM),
                "user", Map.of("id", user), "api_app_id", "A1", "trigger_id", "t-" + user,
                "view", Map.of("id", "V" + user, "type", "modal", "callback_id", "mock_answer_modal",
                        "private_metadata", String.valueOf(askedId),
                        "state", Map.of("values", Map.of("answer_block", Map.of("answer_input",
                                Map.of("type", "plain_text_input", "value", answer)))))));
    }

    static int count(Database database, String sql, String user) {
        return database.jdbi().withHandle(h -> h.createQuery(sql).bind("u", user).mapTo(Integer.class).one());
    }

    static Map<String, String> env(SlackStandIn slack, String db, Path config) {
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", "xoxb-" + "fake");
        env.put("SLACK_SIGNING_SECRET", SignedClient.SECRET);
        env.put("SLACK_API_URL", slack.apiUrl());
        env.put("SLACK_TIMEOUT_SECONDS", "2");
        env.put("PORT", "0");
        env.put("COACH_DB_URL", db);
        env.put("COACH_CONFIG_DIR", config.toString());
        env.put("COACH_PROMPTS_DIR", Path.of("prompts").toAbsolutePath().toString());
        env.put("PATH", System.getenv().getOrDefault("PATH", ""));
        return env;
    }
}
