package coach.testing;

import coach.App;
import coach.config.AppConfig;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/** Starts the real app (Jetty, Bolt, H2, db-scheduler) against stand-ins, on a free port. */
public final class TestApps {
    private TestApps() {}

    public static Map<String, String> env(SlackStandIn slack) {
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", "xoxb-" + "fake");
        env.put("SLACK_SIGNING_SECRET", SignedClient.SECRET);
        env.put("SLACK_API_URL", slack.apiUrl());
        env.put("PORT", "0");
        env.put("COACH_DB_URL", memoryDb());
        return env;
    }

    public static String memoryDb() {
        return "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }

    /** A started app; its core services through {@link #core()} (or the shortcuts), never through fields. */
    public record Running(App app, int port, SignedClient client) implements AutoCloseable {
        public App.Components core() {
            return app.components();
        }

        public coach.store.Database database() {
            return core().database();
        }

        public coach.interview.InterviewService interviews() {
            return core().interviews();
        }

        public coach.progress.ProgressService progress() {
            return core().progress();
        }

        public coach.config.StageCatalog stages() {
            return core().stages();
        }

        public io.micrometer.prometheusmetrics.PrometheusMeterRegistry metrics() {
            return core().metrics();
        }

        @Override
        public void close() {
            app.close();
        }
    }

    /** A copy of the project's config/ that a test may edit. */
    public static java.nio.file.Path copyConfig(java.nio.file.Path target) throws java.io.IOException {
        java.nio.file.Path source = java.nio.file.Path.of("config");
        try (var files = java.nio.file.Files.walk(source)) {
            for (java.nio.file.Path p : files.sorted().toList()) {
                java.nio.file.Path to = target.resolve(source.relativize(p).toString());
                if (java.nio.file.Files.isDirectory(p)) java.nio.file.Files.createDirectories(to);
                else java.nio.file.Files.copy(p, to);
            }
        }
        return target;
    }

    public static Running startSlack(Map<String, String> env) throws Exception {
        App app = new App(AppConfig.fromEnv(env), Clock.systemUTC(), new Random(42));
        try {
            int port = app.start();
            return new Running(app, port, new SignedClient(port));
        } catch (Exception | Error e) {
            app.close();
            throw e;
        }
    }
}
