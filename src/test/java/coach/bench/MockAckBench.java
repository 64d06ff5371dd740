package coach.bench;

import coach.testing.SignedClient;
import coach.testing.SlackStandIn;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ack latency of signed {@code /mock} slash commands, not a test: {@code bench/mock-ack.sh [connections] [seconds] [commands/s]}.
 * Starts a WireMock Slack stand-in, a bare Bolt app (baseline) and the packaged coach; drives each with wrk from the
 * same machine, every request signed anew the way Slack signs it, from 200 users. Then waits until every queued post
 * is done and counts: commands acked, questions stored, questions posted to the stand-in. Prints start-up time and
 * resident memory after the run, with where it goes.
 */
public final class MockAckBench {
    static final int USERS = 200;

    public static void main(String[] args) throws Exception {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        // ordinary load: every one of the 200 users sends a command a second (far more than people type); each
        // connection pauses so that the connections together offer that rate
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : USERS;
        int pauseMs = connections * 1000 / rate;
        Path work = Files.createTempDirectory("mock-ack");
        Path lua = Path.of("src/test/resources/bench/signed-requests.lua").toAbsolutePath();
        // BENCH_DB=postgres: the app on an embedded PostgreSQL (as at company scale) instead of its H2 file
        boolean postgres = "postgres".equals(System.getenv("BENCH_DB"));
        try (SlackStandIn slack = new SlackStandIn();
             EmbeddedPostgres pg = postgres ? EmbeddedPostgres.start() : null) {
            Process bare = Bench.startClass(BareBoltApp.class, work.resolve("bare.log"), String.valueOf(Bench.freePort()),
                    Bench.SECRET, slack.apiUrl());
            int barePort = port(work.resolve("bare.log"));
            // the floor of a durable ack: the bare app that also commits each command to an H2 file before acking
            Process durable = Bench.startClass(BareBoltApp.class, work.resolve("durable.log"), String.valueOf(Bench.freePort()),
                    Bench.SECRET, slack.apiUrl(), "jdbc:h2:file:" + work.resolve("durable/floor"));
            int durablePort = port(work.resolve("durable.log"));
            Map<String, String> env = new LinkedHashMap<>();
            env.put("SLACK_BOT_TOKEN", "xoxb-bench");
            env.put("SLACK_SIGNING_SECRET", Bench.SECRET);
            env.put("SLACK_API_URL", slack.apiUrl());
            env.put("COACH_DB_URL", postgres ? pg.getJdbcUrl("postgres", "postgres") : dbUrl(work));
            System.out.println("database: " + (postgres ? "PostgreSQL (embedded)" : "H2 file"));
            Bench.Running app = Bench.startJar(env, work.resolve("app.log"));
            System.out.printf("start-up: %d ms from launch to /health 200; %s%n", app.startMillis(), Bench.memory(app.pid()));
            try {
                // one file of requests per run, each signed with a timestamp of now (valid for 5 minutes)
                Path bareWarm = requests(work, "bare-warm", 0, 20_000, slack);
                Path bareRun = requests(work, "bare-run", 0, 60_000, slack);
                Path appWarm = requests(work, "app-warm", 1_000_000, 20_000, slack);
                Path appRun = requests(work, "app-run", 2_000_000, 20_000, slack);
                Path appRun2 = requests(work, "app-run2", 3_000_000, 60_000, slack);
                Path durableWarm = requests(work, "durable-warm", 4_000_000, 20_000, slack);
                Path durableRun = requests(work, "durable-run", 5_000_000, 20_000, slack);
                wrk(lua, bareWarm, barePort, connections, 3, 0);
                wrk(lua, durableWarm, durablePort, connections, 3, 0);
                Result aWarm = wrk(lua, appWarm, app.port(), connections, 3, 0);
                // the warm-up left questions to post: let them go out, so the steady run starts from a quiet app
                awaitPosts(slack, app.port());
                Result bSteady = wrk(lua, bareRun, barePort, connections, seconds, pauseMs);
                Result dSteady = wrk(lua, durableRun, durablePort, connections, seconds, pauseMs);
                Result aSteady = wrk(lua, appRun, app.port(), connections, seconds, pauseMs);
                awaitPosts(slack, app.port());
                Result b = wrk(lua, bareRun, barePort, connections, seconds, 0);
                Result a = wrk(lua, appRun2, app.port(), connections, seconds, 0);
                System.out.printf("== /mock ack, %d users, %d connections, %d s per run, wrk on the same 2 cores ==%n", USERS, connections, seconds);
                System.out.printf("ordinary load (each connection pauses %d ms: about %d commands/s offered)%n", pauseMs, rate);
                System.out.println("  bare Bolt app: " + bSteady);
                System.out.println("  bare Bolt app + one durable H2 commit before the ack: " + dSteady);
                System.out.println("  Interview Coach: " + aSteady);
                System.out.printf("  ack p99 coach / bare: %.2f×; p50 %.2f×; durable floor / bare: p99 %.2f×%n", aSteady.p99 / bSteady.p99,
                        aSteady.p50 / bSteady.p50, dSteady.p99 / bSteady.p99);
                System.out.println("as fast as each app goes (capacity, not ordinary load)");
                System.out.println("  bare Bolt app: " + b);
                System.out.println("  Interview Coach: " + a);
                System.out.printf("  ack p99 coach / bare: %.2f×; p50 %.2f×%n", a.p99 / b.p99, a.p50 / b.p50);
                long acked = aWarm.acked() + aSteady.acked() + a.acked();
                long drainStart = System.nanoTime();
                int posted = awaitPosts(slack, app.port());
                System.out.printf("questions posted to the stand-in: %d of %d commands acked (drained %.1f s after the run)%n",
                        posted, acked, (System.nanoTime() - drainStart) / 1e9);
                System.out.println("after the run: " + Bench.memory(app.pid()));
            } finally {
                app.close();
                bare.destroy();
                durable.destroy();
            }
            if (!postgres) System.out.println("questions stored (asked_question rows): " + count(work, "asked_question"));
        }
    }

    /** A run of wrk as parsed from the script's RESULT line. */
    record Result(long requests, double seconds, double p50, double p99, double max, long busy, long non200, long wrapped,
                  long socketErrors) {
        /** Commands the app took: wrk's completed 200s, not counting copies re-sent after the file ran out. */
        long acked() {
            return requests - non200 - wrapped;
        }

        @Override
        public String toString() {
            return String.format("%.0f acks/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms; %d requests, %d said busy, %d not 200,"
                            + " %d re-sent (file ran out), %d socket errors",
                    requests / seconds, p50, p99, max, requests, busy, non200, wrapped, socketErrors);
        }
    }

    static Result wrk(Path lua, Path requests, int port, int connections, int seconds, int pauseMs)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--timeout", "10s", "-s", lua.toString(),
                "http://127.0.0.1:" + port + "/slack/events", "--", requests.toString(), "2", String.valueOf(pauseMs)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Matcher m = Pattern.compile("RESULT requests=(\\d+) seconds=([\\d.]+) p50=([\\d.]+) p99=([\\d.]+) max=([\\d.]+) busy=(\\d+)"
                + " non200=(\\d+) wrapped=(\\d+) socket_errors=(\\d+)").matcher(out);
        if (!m.find()) throw new IllegalStateException("wrk printed no result:\n" + out);
        Result r = new Result(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)), Long.parseLong(m.group(6)),
                Long.parseLong(m.group(7)), Long.parseLong(m.group(8)), Long.parseLong(m.group(9)));
        return r;
    }

    /** {@code n} slash commands, /mock with a stage, from 200 users in their DMs, each with its own trigger id. */
    static Path requests(Path work, String name, int first, int n, SlackStandIn slack) throws IOException {
        Path file = work.resolve(name + ".tsv");
        long ts = System.currentTimeMillis() / 1000;
        String[] stages = {"system-design", "coding", "ml-deep-dive", "recruiter-screen", "architecture-case", "leadership-culture"};
        try (Writer w = Files.newBufferedWriter(file)) {
            for (int i = first; i < first + n; i++) {
                int user = i % USERS;
                Map<String, String> f = SignedClient.slashCommandFields("/mock", stages[i % stages.length], "T1", "U" + user,
                        "D" + user, slack.server.baseUrl() + "/response/" + i);
                f.put("trigger_id", "trigger." + i);
                String body = SignedClient.form(f);
                w.write(ts + "\t" + SignedClient.sign(Bench.SECRET, ts, body) + "\t" + body + "\n");
            }
        }
        return file;
    }

    /**
     * Waits until the app's job queue is empty and the stand-in's post count has stopped growing for 2 s; returns the
     * count. It does not stop at the acked count: wrk does not count the requests still in flight when a run ends,
     * though the app acks, stores and posts them, so the acked count is a floor, not the number to wait for.
     */
    static int awaitPosts(SlackStandIn slack, int port) throws InterruptedException {
        int last = -1;
        int stable = 0;
        for (int i = 0; i < 600 && stable < 4; i++) {
            Thread.sleep(500);
            int now = slack.calls("chat.postMessage").size() + slack.responseUrlCalls().size();
            double queued = Bench.metric(port, "coach_jobs_queued") + Bench.metric(port, "coach_jobs_running");
            stable = now == last && queued == 0 ? stable + 1 : 0;
            last = now;
        }
        return last;
    }

    static long count(Path work, String table) throws Exception {
        try (var c = DriverManager.getConnection(dbUrl(work));
             var rs = c.createStatement().executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String dbUrl(Path work) {
        return "jdbc:h2:file:" + work.resolve("db/coach") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    static int port(Path log) throws IOException {
        Matcher m = Pattern.compile("PORT=(\\d+)").matcher(Files.readString(log));
        if (!m.find()) throw new IllegalStateException("no port in " + log);
        return Integer.parseInt(m.group(1));
    }
}
