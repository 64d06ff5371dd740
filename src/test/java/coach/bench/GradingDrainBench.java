package coach.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import coach.config.StageCatalog;
import coach.grading.Criterion;
import coach.grading.Rubrics;
import coach.testing.OpenAiStandIn;
import coach.testing.SignedClient;
import coach.testing.SlackMessages;
import coach.testing.SlackStandIn;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * 500 answers submitted at once, not a test: {@code bench/grading-drain.sh [answers] [llm|offline] [limit per second]}.
 * 500 learners each start a mock interview (signed slash commands), then all answer at the same moment (signed
 * message events in the question's thread). With {@code llm}, an OpenAI stand-in answers every call after 2 s (and,
 * given a limit, answers 429 with Retry-After: 1 above that many calls a second). Prints the time until every answer
 * has its report, reports per answer (lost or doubled), the grader's outcomes, 429s, and the app's memory after.
 */
public final class GradingDrainBench {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ANSWER = "I would put a feature store behind the ranking service: a streaming job computes session features "
            + "from the click stream and writes them to a key-value store, and the ranker reads them with a 20 ms budget. "
            + "When the store is slow the ranker falls back to daily batch features, trading freshness for availability. "
            + "At my last team this cut feature lag from 15 minutes to 40 seconds for the client and their CTR rose 1.2%.";

    public static void main(String[] args) throws Exception {
        int answers = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        boolean llm = args.length < 2 || args[1].equals("llm");
        int limit = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        Path work = Files.createTempDirectory("grading-drain");
        RateLimit rateLimit = new RateLimit(limit);
        WireMockServer openAi = new WireMockServer(options().dynamicPort().containerThreads(300)
                .asynchronousResponseEnabled(true).asynchronousResponseThreads(50).extensions(rateLimit)
                .disableRequestJournal());
        openAi.start();
        openAi.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .willReturn(OpenAiStandIn.completion(verdict()).withFixedDelay(2000).withTransformers(RateLimit.NAME)));
        try (SlackStandIn slack = new SlackStandIn()) {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("SLACK_BOT_TOKEN", "xoxb-bench");
            env.put("SLACK_SIGNING_SECRET", Bench.SECRET);
            env.put("SLACK_API_URL", slack.apiUrl());
            env.put("COACH_DB_URL", "jdbc:h2:file:" + work.resolve("db/coach"));
            if (llm) {
                env.put("OPENAI_API_KEY", "sk-bench");
                env.put("OPENAI_BASE_URL", openAi.baseUrl() + "/v1");
            }
            Bench.Running app = Bench.startJar(env, work.resolve("app.log"));
            System.out.printf("start-up: %d ms from launch to /health 200; %s%n", app.startMillis(), Bench.memory(app.pid()));
            try {
                SignedClient client = new SignedClient(app.port(), Bench.SECRET);
                ExecutorService senders = Executors.newFixedThreadPool(16);
                for (int u = 0; u < answers; u++) {
                    int user = u;
                    senders.submit(() -> client.slashCommand("/mock", "system-design", "T1", "U" + user, "D" + user,
                            slack.responseUrl()));
                }
                Map<String, String> questionTs = awaitQuestions(slack, answers);
                long t0 = System.nanoTime();
                AtomicInteger notAcked = new AtomicInteger();
                for (int u = 0; u < answers; u++) {
                    int user = u;
                    senders.submit(() -> {
                        if (client.event(answerEvent(user, questionTs.get("D" + user)), Map.of()).statusCode() != 200) {
                            notAcked.incrementAndGet();
                        }
                    });
                }
                senders.shutdown();
                senders.awaitTermination(5, TimeUnit.MINUTES);
                double acked = (System.nanoTime() - t0) / 1e9;
                Map<String, Long> reports = awaitReports(slack, answers);
                double drained = (System.nanoTime() - t0) / 1e9;
                long doubled = reports.values().stream().filter(n -> n > 1).count();
                System.out.printf("== %d answers at once, %s ==%n", answers,
                        llm ? "LLM stand-in answering in 2 s" + (limit > 0 ? ", limit " + limit + " calls/s" : "") : "offline grader");
                System.out.printf("all %d answers acked in %.1f s (%d not acked); every report posted %.1f s after the first answer%n",
                        answers, acked, notAcked.get(), drained);
                System.out.printf("reports: %d answers with a report, %d without, %d with more than one%n",
                        reports.size(), answers - reports.size(), doubled);
                System.out.println("gradings by grader and outcome: " + gradings(app.port()));
                if (llm) System.out.printf("LLM calls: %d, of which answered 429: %d%n", rateLimit.calls.get(), rateLimit.refused.get());
                System.out.println("after grading: " + Bench.memory(app.pid()));
            } finally {
                app.close();
                openAi.stop();
            }
        }
    }

    /** Every stage's criteria scored 3, quoting a phrase of the answer. */
    static String verdict() throws Exception {
        Path config = Path.of("config");
        StageCatalog stages = StageCatalog.load(config);
        Rubrics rubrics = Rubrics.load(config, stages);
        Set<String> ids = new LinkedHashSet<>();
        stages.all().forEach(s -> rubrics.forStage(s.id()).criteria().stream().map(Criterion::id).forEach(ids::add));
        List<Map<String, Object>> criteria = new ArrayList<>();
        for (String id : ids) {
            criteria.add(Map.of("criterion_id", id, "score", 3, "evidence", "for the client", "rationale", "ok"));
        }
        return JSON.writeValueAsString(Map.of("criteria", criteria, "improvements", List.of("a", "b"), "rewrite", "r",
                "injection_attempt", false));
    }

    static String answerEvent(int user, String threadTs) {
        try {
            return JSON.writeValueAsString(Map.of("token", "x", "team_id", "T1", "api_app_id", "A1", "type", "event_callback",
                    "event_id", "EvAnswer" + user, "event_time", System.currentTimeMillis() / 1000,
                    "event", Map.of("type", "message", "channel", "D" + user, "user", "U" + user, "text", ANSWER,
                            "ts", (System.currentTimeMillis() / 1000) + "." + String.format("%06d", user), "thread_ts", threadTs,
                            "channel_type", "im")));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ts of the question posted in each learner's DM. */
    static Map<String, String> awaitQuestions(SlackStandIn slack, int n) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            Map<String, String> ts = slack.messages.posted().stream().filter(p -> p.threadTs() == null)
                    .collect(Collectors.toMap(SlackMessages.Posted::channel, SlackMessages.Posted::ts, (a, b) -> a));
            if (ts.size() >= n) return ts;
            Thread.sleep(100);
        }
        throw new IllegalStateException("not every question was posted");
    }

    /** Reports posted so far, per question thread; waits until every answer has one (at most 10 minutes). */
    static Map<String, Long> awaitReports(SlackStandIn slack, int n) throws InterruptedException {
        Map<String, Long> reports = Map.of();
        for (int i = 0; i < 12_000 && reports.size() < n; i++) {
            Thread.sleep(50);
            reports = slack.messages.posted().stream().filter(p -> p.threadTs() != null && p.text() != null && p.text().contains("scored"))
                    .collect(Collectors.groupingBy(SlackMessages.Posted::threadTs, Collectors.counting()));
        }
        Thread.sleep(2000); // a report posted twice would show up now
        return slack.messages.posted().stream().filter(p -> p.threadTs() != null && p.text() != null && p.text().contains("scored"))
                .collect(Collectors.groupingBy(SlackMessages.Posted::threadTs, Collectors.counting()));
    }

    static String gradings(int port) {
        String scrape = Bench.get(port, "/metrics").map(r -> r.body()).orElse("");
        return scrape.lines().filter(l -> l.startsWith("coach_gradings_total{"))
                .map(l -> l.replaceAll("coach_gradings_total\\{(.*)}", "$1")).collect(Collectors.joining("; "));
    }

    /** Answers 429 (Retry-After: 1) to calls beyond {@code perSecond} in the current second; 0 means no limit. */
    static final class RateLimit implements ResponseDefinitionTransformerV2 {
        static final String NAME = "rate-limit";
        final int perSecond;
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        private long second;
        private int inSecond;

        RateLimit(int perSecond) {
            this.perSecond = perSecond;
        }

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public synchronized ResponseDefinition transform(ServeEvent event) {
            calls.incrementAndGet();
            long now = System.currentTimeMillis() / 1000;
            if (now != second) {
                second = now;
                inSecond = 0;
            }
            if (perSecond > 0 && ++inSecond > perSecond) {
                refused.incrementAndGet();
                return ResponseDefinitionBuilder.responseDefinition().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}").build();
            }
            return event.getResponseDefinition();
        }
    }
}
