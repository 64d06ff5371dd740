package coach;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import coach.store.Database;
import coach.testing.AppProcess;
import coach.testing.SlackStandIn;
import coach.testing.TestApps;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start-up that cannot work stops with exit code 2 and its cause in one line, no stack trace: Slack unreachable
 * (where, and that the token was not checked), a token Slack refuses, a database file another process holds, a bad
 * config file (file, field, reason), a port in use. Each run is the app as the jar starts it (coach.Main) in its own JVM.
 */
class StartupErrorsTest {
    static final String PREFIX = "Interview Coach cannot start: ";

    @TempDir
    Path dir;

    @Test
    void slackUnreachableSaysWhereAndThatTheTokenWasNotChecked() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Map<String, String> env = env("http://127.0.0.1:" + closed + "/api/", memoryDb(), Path.of("config"));
        String line = failure(env);
        assertThat(line).contains("Slack is unreachable at 127.0.0.1:" + closed, "connection refused",
                "SLACK_BOT_TOKEN was not checked");
    }

    @Test
    void aTokenSlackRefusesIsNamed() throws Exception {
        try (SlackStandIn slack = new SlackStandIn()) {
            slack.server.stubFor(post(urlPathEqualTo("/api/auth.test"))
                    .willReturn(SlackStandIn.okJson("{\"ok\":false,\"error\":\"invalid_auth\"}")));
            String line = failure(env(slack.apiUrl(), memoryDb(), Path.of("config")));
            assertThat(line).contains("Slack refused SLACK_BOT_TOKEN (invalid_auth)", "Bot User OAuth Token");
        }
    }

    @Test
    void aDatabaseFileHeldByAnotherProcessSaysWhatToDo() throws Exception {
        String db = "jdbc:h2:file:" + dir.resolve("db/coach") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        try (Database held = Database.open(db)) { // this JVM holds the file, as a running instance would
            String line = failure(env("http://127.0.0.1:9/api/", db, Path.of("config")));
            assertThat(line).contains("the database " + dir.resolve("db/coach") + ".mv.db is locked by another process",
                    "stop that process", "COACH_DB_URL");
        }
    }

    @Test
    void aBadConfigFileNamesFileFieldAndReason() throws Exception {
        Path config = TestApps.copyConfig(dir.resolve("config"));
        Path rubric = config.resolve("rubrics/coding.yaml");
        Files.writeString(rubric, Files.readString(rubric).replaceFirst("weight: 0\\.(\\d+)", "weight: 0.9$1"));
        String line = failure(env("http://127.0.0.1:9/api/", memoryDb(), config));
        assertThat(line).contains("coding.yaml", "weight", "must add up to 1.0");
    }

    @Test
    void aPortInUseIsNamed() throws Exception {
        try (SlackStandIn slack = new SlackStandIn(); ServerSocket taken = new ServerSocket(0)) {
            Map<String, String> env = new java.util.HashMap<>(env(slack.apiUrl(), memoryDb(), Path.of("config")));
            env.put("PORT", String.valueOf(taken.getLocalPort()));
            String line = failure(env);
            assertThat(line).contains("cannot listen on port " + taken.getLocalPort(), "set PORT to a free port");
        }
    }

    /** Runs the app, which must stop by itself with code 2; returns its one-line message. */
    private static String failure(Map<String, String> env) throws Exception {
        AppProcess.Ended ended = AppProcess.runToExit(env, Duration.ofSeconds(60));
        System.out.println("exit " + ended.exitCode() + ": " + ended.output().strip());
        assertThat(ended.exitCode()).as(ended.output()).isEqualTo(2);
        assertThat(ended.output()).as("no stack trace").doesNotContain("\tat ", "Exception in thread");
        String line = ended.output().lines().filter(l -> l.startsWith(PREFIX)).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + PREFIX + "' line in: " + ended.output()));
        assertThat(ended.output().lines().filter(l -> l.startsWith(PREFIX)).count()).isEqualTo(1);
        return line;
    }

    private static String memoryDb() {
        return TestApps.memoryDb();
    }

    private static Map<String, String> env(String slackApiUrl, String db, Path config) {
        return Map.of("SLACK_BOT_TOKEN", "xoxb-" + "startup", "SLACK_SIGNING_SECRET", "startup-secret",
                "SLACK_API_URL", slackApiUrl, "PORT", "0", "COACH_DB_URL", db,
                "COACH_CONFIG_DIR", config.toAbsolutePath().toString(),
                "COACH_PROMPTS_DIR", Path.of("prompts").toAbsolutePath().toString(),
                "PATH", System.getenv().getOrDefault("PATH", ""));
    }
}
