package coach.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quitting the console at any moment — "quit", end of input, SIGTERM while the embedding model is still loading in
 * native code — ends the JVM cleanly: no crash, no hs_err file. Each run is a real JVM started from the test
 * classpath; ten runs, because the crash this guards against happened in about half the runs.
 */
class ExitDuringModelLoadTest {
    enum Exit { QUIT, END_OF_INPUT, SIGTERM }

    @Test
    void quittingAtAnyMomentNeverCrashesTheJvm(@TempDir Path dir) throws Exception {
        for (int run = 0; run < 10; run++) {
            Exit how = Exit.values()[run % Exit.values().length];
            Path work = Files.createDirectories(dir.resolve("run" + run));
            Process p = start(work);
            switch (how) {
                case QUIT -> {
                    p.getOutputStream().write("quit\n".getBytes(StandardCharsets.UTF_8));
                    p.getOutputStream().close();
                }
                case END_OF_INPUT -> p.getOutputStream().close();
                case SIGTERM -> {
                    // as soon as the JVM has started the app: the model is loading on its own thread now
                    waitForOutput(work.resolve("out.txt"), "Loading the grader");
                    p.destroy();
                }
            }
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("run %d (%s) ended", run, how).isTrue();
            String out = Files.readString(work.resolve("out.txt"));
            assertThat(out).as("run %d (%s)", run, how).doesNotContain("A fatal error has been detected");
            try (var files = Files.list(work)) {
                assertThat(files.map(f -> f.getFileName().toString())).as("run %d (%s)", run, how)
                        .noneMatch(n -> n.startsWith("hs_err"));
            }
            // destroy() also closes the child's stdin: the end of input may exit (0) before the signal's handler (143)
            assertThat(p.exitValue()).as("run %d (%s)", run, how).isIn(how == Exit.SIGTERM ? new Integer[] {143, 0}
                    : new Integer[] {0});
        }
    }

    private static Process start(Path work) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Dfile.encoding=UTF-8", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), "coach.Main"));
        pb.directory(work.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("SLACK_") || k.startsWith("OPENAI_") || k.startsWith("COACH_"));
        pb.environment().put("COACH_CONFIG_DIR", new File("config").getAbsolutePath());
        pb.environment().put("COACH_PROMPTS_DIR", new File("prompts").getAbsolutePath());
        pb.environment().put("COACH_DB_URL", "jdbc:h2:file:" + work.resolve("data/coach").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        pb.redirectErrorStream(true);
        pb.redirectOutput(work.resolve("out.txt").toFile());
        return pb.start();
    }

    private static void waitForOutput(Path file, String text) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (Files.exists(file) && Files.readString(file).contains(text)) return;
            Thread.sleep(50);
        }
        throw new AssertionError("the app never printed '" + text + "'");
    }
}
