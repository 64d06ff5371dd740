package coach.grading;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds quantification in an answer: numbers with units (ms, %, $, k/M/B, x, QPS, p99, SLA …), baseline → result
 * pairs, and whether a number is tied to a customer or business outcome (latency, cost, CTR, revenue …).
 */
final class Quantities {
    private static final String NUM = "(?:[$£€₹]\\s?)?\\d+(?:[.,]\\d+)?";
    private static final String UNIT = "(?:\\s?(?:ms|milliseconds?|µs|us|s|sec|seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?"
            + "|%|percent|pp|x|×|-?fold|k|K|M|B|bn|million|billion|thousand|qps|QPS|rps|RPS|tps|TPS|req/s|events/s|msg/s"
            + "|GB|MB|TB|GiB|MiB|nodes?|pods?|GPUs?|CPUs?|cores?|users?|customers?|engineers?|points?|bps|basis points|lakh|L)\\b|%)";
    private static final Pattern QUANTITY = Pattern.compile(
            "(?:" + NUM + UNIT + "|[$£€₹]\\s?\\d+(?:[.,]\\d+)?|\\bp(?:50|90|95|99|999)\\b|\\b99(?:\\.9+)?\\s?%)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BEFORE_AFTER = Pattern.compile(
            "(?:from\\s+" + NUM + ".{0,25}?\\bto\\s+" + NUM + ")|(?:" + NUM + "[^.\\n]{0,20}?(?:→|->|=>|⇒|—>|to)\\s*" + NUM + ")"
                    + "|(?:(?:cut|reduced?|lowered|dropped|improved|increased|raised|grew|boosted|saved|halved|doubled)"
                    + "[^.\\n]{0,40}?(?:by\\s+)?" + NUM + UNIT + ")|(?:[+−-]\\s?\\d+(?:\\.\\d+)?\\s?%)",
            Pattern.CASE_INSENSITIVE);
    private static final List<String> OUTCOMES = List.of(
            "latency", "lag", "p99", "p95", "p50", "throughput", "cost", "spend", "bill", "revenue", "ctr",
            "click-through", "conversion", "churn", "retention", "availability", "uptime", "sla", "slo", "downtime",
            "error rate", "errors", "incident", "customer", "client", "user", "engagement", "fraud", "false positive",
            "accuracy", "precision", "recall", "time to", "savings", "saved", "margin", "arr", "nps", "support tickets",
            "on-call", "pages", "freshness", "staleness");

    private Quantities() {}

    static boolean hasQuantity(String sentence) {
        return QUANTITY.matcher(sentence).find();
    }

    static int countQuantities(String sentence) {
        var m = QUANTITY.matcher(sentence);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    static boolean hasBeforeAfter(String sentence) {
        return BEFORE_AFTER.matcher(sentence).find() && countQuantities(sentence) >= 1;
    }

    static boolean hasOutcome(String sentence) {
        String s = sentence.toLowerCase(Locale.ROOT);
        return OUTCOMES.stream().anyMatch(s::contains);
    }
}
