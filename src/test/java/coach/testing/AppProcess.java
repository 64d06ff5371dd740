package coach.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A separate JVM running {@link ChildApp} from the test classpath, which a test may kill with SIGKILL. */
public final class AppProcess implements AutoCloseable {
    private final Process process;
    private final int port;

    private AppProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static AppProcess start(Map<String, String> env, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Dfile.encoding=UTF-8", "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), ChildApp.class.getName()));
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith("PORT=")) return Integer.parseInt(line.substring(5).trim());
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            throw new IllegalStateException("the app exited before serving; see " + log);
        });
        try {
            return new AppProcess(p, port.get(60, TimeUnit.SECONDS));
        } catch (Exception e) {
            p.destroyForcibly();
            String tail = Files.exists(log) ? Files.readString(log) : "";
            throw new IllegalStateException("the app did not start: " + tail.substring(Math.max(0, tail.length() - 3000)), e);
        }
    }

    /**
     * The app as the jar runs it ({@code coach.Main}: signal handling, start-up messages, exit codes), on a free port;
     * returns once /health answers 200.
     */
    public static AppProcess startMain(Map<String, String> env, Path log) throws IOException {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Map<String, String> withPort = new java.util.HashMap<>(env);
        withPort.put("PORT", String.valueOf(port));
        ProcessBuilder pb = new ProcessBuilder(command("coach.Main"));
        pb.environment().clear();
        pb.environment().putAll(withPort);
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process p = pb.start();
        SignedClient client = new SignedClient(port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && p.isAlive()) {
            try {
                if (client.get("/health").statusCode() == 200) return new AppProcess(p, port);
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        p.destroyForcibly();
        String tail = Files.exists(log) ? Files.readString(log) : "";
        throw new IllegalStateException("the app did not start: " + tail.substring(Math.max(0, tail.length() - 3000)));
    }

    /** What a run of {@code coach.Main} that is expected to stop by itself printed, and its exit code. */
    public record Ended(int exitCode, String output) {}

    /** Runs {@code coach.Main} until it exits by itself (at most {@code max}), stdout and stderr together. */
    public static Ended runToExit(Map<String, String> env, Duration max) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command("coach.Main"));
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
        if (!p.waitFor(max.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("the app did not exit within " + max);
        }
        return new Ended(p.exitValue(), out.join());
    }

    private static List<String> command(String mainClass) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-Dfile.encoding=UTF-8", "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), mainClass);
    }

    /** SIGTERM, as a service manager stops the app; returns the exit code, or throws if it is still running after {@code max}. */
    public int terminate(Duration max) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(max.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the app was still running " + max.toSeconds() + " s after SIGTERM");
        }
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int port() {
        return port;
    }

    public SignedClient client() {
        return new SignedClient(port);
    }

    /** kill -9: no shutdown hook, no flush, nothing in memory survives. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(Duration.ofSeconds(10).toSeconds(), TimeUnit.SECONDS);
        }
    }
}
