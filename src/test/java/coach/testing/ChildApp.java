package coach.testing;

import coach.App;
import coach.config.AppConfig;
import java.time.Clock;
import java.util.Random;

/**
 * The real app in its own JVM (started by {@link AppProcess}), configured by the environment like the jar, so a test
 * can kill it the hard way. Prints its port on stdout.
 */
public final class ChildApp {
    private ChildApp() {}

    public static void main(String[] args) throws Exception {
        App app = new App(AppConfig.fromEnv(System.getenv()), Clock.systemUTC(), new Random());
        int port = app.start();
        System.out.println("PORT=" + port);
        System.out.flush();
        Thread.currentThread().join();
    }
}
