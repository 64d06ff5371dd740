package coach;

import coach.config.AppConfig;
import coach.config.ConfigException;
import coach.console.ConsoleCoach;
import coach.grading.SemanticMatcher;
import coach.interview.Learner;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Random;
import java.util.concurrent.CountDownLatch;

/** Starts the Slack app when SLACK_BOT_TOKEN is set, the terminal coach otherwise. */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        // before anything starts the embedding model loading, so a signal never meets it in native code
        ProcessExit exit = new ProcessExit(SemanticMatcher.shared());
        exit.handleSignals();
        AppConfig config;
        App app;
        try {
            config = AppConfig.fromEnv(System.getenv());
            app = new App(config, Clock.systemUTC(), new Random());
        } catch (ConfigException | IllegalStateException | IllegalArgumentException e) {
            // a bad config file, a database that cannot be opened (locked by another process, unreachable), a JVM
            // that cannot check Slack's signatures, a token key that does not open the stored tokens
            System.err.println("Interview Coach cannot start: " + e.getMessage());
            exit.exit(2);
            return;
        }
        if (!Charset.defaultCharset().equals(StandardCharsets.UTF_8)) {
            System.err.println("Note: the JVM's default charset is " + Charset.defaultCharset()
                    + "; Slack requests are still read and verified as UTF-8. Run with -Dfile.encoding=UTF-8 for the console.");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "shutdown"));

        if (config.slackMode()) {
            // SIGTERM: stop taking requests, finish those in flight, leave queued jobs in the database, exit 0
            exit.stopServiceOnSignal(app::close);
            try {
                app.start();
            } catch (IllegalArgumentException | IllegalStateException e) {
                System.err.println("Interview Coach cannot start: " + e.getMessage());
                app.close();
                exit.exit(2);
            } catch (java.io.IOException e) {
                // Jetty could not bind: the port is taken
                System.err.println("Interview Coach cannot start: cannot listen on port " + config.port() + " ("
                        + e.getMessage() + "); stop what uses it, or set PORT to a free port");
                app.close();
                exit.exit(2);
            }
            new CountDownLatch(1).await();
        } else {
            var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            var out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            // the same answer must always get the same score: the prompt appears once the grader's model is loaded
            out.println("Loading the grader…");
            app.awaitGraderReady();
            String user = System.getProperty("user.name", "you");
            App.Components c = app.components();
            new ConsoleCoach(c.stages(), c.interviews(), c.grading(), c.comp(), c.progress(), in, out, new Learner("console", user),
                    c.database().durability()).run();
            app.close();
            exit.exit(0);
        }
    }
}
