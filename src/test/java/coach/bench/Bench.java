package coach.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the benches share: starting the packaged app as users run it, and reading its memory and metrics. */
final class Bench {
    static final String SECRET = "bench-secret";
    /** The JVM options the README recommends for serving Slack (see "Running it for a company"). */
    static final List<String> DEFAULT_JVM_OPTS = List.of("-XX:+UseSerialGC", "-Xms32m", "-Xmx160m", "-XX:MaxHeapFreeRatio=30", "-XX:MinHeapFreeRatio=10", "-Xss512k",
            "-XX:MaxMetaspaceSize=96m", "-XX:ReservedCodeCacheSize=48m", "-XX:MaxDirectMemorySize=32m");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Bench() {}

    /** The app started from the jar, its port, and how long it took from launch to /health answering 200. */
    record Running(Process process, int port, long startMillis) implements AutoCloseable {
        long pid() {
            return process.pid();
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        }
    }

    static List<String> jvmOpts() {
        String env = System.getenv("COACH_JVM_OPTS");
        return env == null ? DEFAULT_JVM_OPTS : List.of(env.trim().split("\\s+"));
    }

    /** {@code java <opts> -Dfile.encoding=UTF-8 -XX:NativeMemoryTracking=summary -jar target/interview-coach.jar}. */
    static Running startJar(Map<String, String> env, Path log) throws IOException, InterruptedException {
        int port = freePort();
        List<String> cmd = new ArrayList<>(List.of(java()));
        cmd.addAll(jvmOpts());
        cmd.addAll(List.of("-Dfile.encoding=UTF-8", "-XX:NativeMemoryTracking=summary", "-jar", "target/interview-coach.jar"));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        pb.environment().put("PORT", String.valueOf(port));
        pb.environment().putIfAbsent("COACH_LOG_LEVEL", "WARN");
        // glibc gives each thread that allocates its own malloc arena (64 MiB reserved, partly resident): two suffice
        pb.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        long t0 = System.nanoTime();
        Process p = pb.start();
        long deadline = t0 + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline && p.isAlive()) {
            if (get(port, "/health").map(r -> r.statusCode() == 200).orElse(false)) {
                return new Running(p, port, (System.nanoTime() - t0) / 1_000_000);
            }
            Thread.sleep(20);
        }
        p.destroyForcibly();
        throw new IllegalStateException("the app did not start; see " + log + "\n" + Files.readString(log));
    }

    /** A test-classpath main class in its own JVM with the same options; returns once it prints PORT=. */
    static Process startClass(Class<?> main, Path log, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(java()));
        cmd.addAll(jvmOpts());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        for (int i = 0; i < 600 && p.isAlive(); i++) {
            if (Files.readString(log).contains("PORT=")) return p;
            Thread.sleep(50);
        }
        throw new IllegalStateException(main.getSimpleName() + " did not start:\n" + Files.readString(log));
    }

    static java.util.Optional<HttpResponse<String>> get(int port, String path) {
        try {
            return java.util.Optional.of(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }

    /** Sum of a Prometheus metric's samples whose line contains every one of {@code labels}. */
    static double metric(int port, String name, String... labels) {
        String scrape = get(port, "/metrics").map(HttpResponse::body).orElse("");
        double sum = 0;
        for (String line : scrape.split("\n")) {
            if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) continue;
            boolean all = true;
            for (String l : labels) all &= line.contains(l);
            if (all) sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
        return sum;
    }

    /** Resident set size of a process, from /proc. */
    static long rssMiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
        return -1;
    }

    /**
     * Where the memory goes: resident total, and the JVM's own committed memory by part (Native Memory Tracking);
     * what is resident beyond the JVM's total is native code outside it (ONNX Runtime and its model, glibc arenas).
     */
    static String memory(long pid) throws IOException, InterruptedException {
        long rss = rssMiB(pid);
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid), "VM.native_memory", "summary", "scale=MB").redirectErrorStream(true).start();
        String nmt = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor();
        long jvmTotal = committed(nmt, "Total");
        if (jvmTotal < 0) return "resident " + rss + " MiB (no NMT: " + nmt.strip() + ")";
        // every part of the JVM's own memory of 4 MiB or more, largest first
        Matcher part = Pattern.compile("(?m)^-\\s*([A-Za-z ]+?)\\s*\\(reserved=\\d+MB, committed=(\\d+)MB\\)").matcher(nmt);
        java.util.List<java.util.Map.Entry<String, Long>> parts = new java.util.ArrayList<>();
        while (part.find()) parts.add(java.util.Map.entry(part.group(1).trim(), Long.parseLong(part.group(2))));
        parts.sort(java.util.Map.Entry.<String, Long>comparingByValue().reversed());
        String big = parts.stream().filter(e -> e.getValue() >= 4).map(e -> e.getKey().toLowerCase() + " " + e.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
        StringBuilder out = new StringBuilder("resident " + rss + " MiB = JVM " + jvmTotal + " MiB committed (" + big
                + ") + native outside the JVM ≈ " + (rss - jvmTotal) + " MiB (ONNX Runtime and its model, malloc arenas)");
        Matcher threads = Pattern.compile("\\(thread #(\\d+)\\)").matcher(nmt);
        if (threads.find()) out.append("; ").append(threads.group(1)).append(" threads");
        return out.toString();
    }

    private static long committed(String nmt, String part) {
        Matcher m = Pattern.compile("(?m)^-?\\s*" + Pattern.quote(part) + "\\s*\\(reserved=\\d+MB, committed=(\\d+)MB\\)").matcher(nmt);
        if (m.find()) return Long.parseLong(m.group(1));
        Matcher total = Pattern.compile("(?m)^" + Pattern.quote(part) + ": reserved=\\d+MB, committed=(\\d+)MB").matcher(nmt);
        return total.find() ? Long.parseLong(total.group(1)) : (part.equals("Total") ? -1 : 0);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
