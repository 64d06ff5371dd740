package coach.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds quantification in a sentence: numbers with units (ms, %, $, k/M/B, x, QPS, p99, SLA …), baseline → result
 * pairs ("from 120 ms to 35 ms", "8 s instead of 9 minutes", "cut cost by 40%", "+0.7% CTR"), and whether a number
 * is tied to a customer or business outcome (latency, cost, CTR, revenue, a named customer …).
 */
final class Quantities {
    private static final String NUM = "(?:[$£€₹]\\s?)?\\d+(?:[.,]\\d+)*";
    private static final String UNIT = "(?:\\s?(?:ms|milliseconds?|µs|us|s|secs?|seconds?|minutes?|mins?|hours?|hrs?|h|days?|weeks?"
            + "|months?|quarters?|years?|%|percent|pp|points?|x|×|-?fold|k|K|M|B|bn|million|billion|thousand|qps|QPS|rps|RPS"
            + "|tps|TPS|req/s|events/s|msg/s|GB|MB|TB|GiB|MiB|nodes?|pods?|GPUs?|CPUs?|cores?|users?|customers?|clients?"
            + "|engineers?|tickets?|incidents?|pages|alerts|bps|basis points|lakh|L|AUC)\\b|%)";
    private static final String AMOUNT = NUM + UNIT + "?";
    private static final Pattern QUANTITY = Pattern.compile(
            "(?:" + NUM + UNIT + "|[$£€₹]\\s?\\d+(?:[.,]\\d+)?|\\bp(?:50|90|95|99|999)\\b|\\b99(?:\\.9+)?\\s?%)",
            Pattern.CASE_INSENSITIVE);
    private static final String CHANGE = "(?:cut|cuts|reduc\\w*|lower\\w*|dropp\\w*|drop|fell|fall\\w*|improv\\w*|increas\\w*"
            + "|rais\\w*|rose|grew|grow\\w*|boost\\w*|sav\\w*|halv\\w*|doubl\\w*|went|go(?:es)?|moved?|shrank|shrunk|climb\\w*"
            + "|jump\\w*|brought|bring\\w*|slash\\w*|decreas\\w*|took|take[sn]?|lift\\w*|came|got)";
    private static final List<Pattern> PAIRS = List.of(
            // from 120 ms to 35 ms; from about 9 minutes down to 8 s
            Pattern.compile("\\bfrom\\s+(?:about\\s+|around\\s+|~)?(" + AMOUNT + ")[^.;\\n]{0,30}?\\bto\\s+(?:about\\s+|under\\s+|~)?(" + AMOUNT + ")", Pattern.CASE_INSENSITIVE),
            // 120 ms → 35 ms, 40k -> 28k
            Pattern.compile("(" + AMOUNT + ")\\s*(?:→|->|=>|⇒|—>|➝)\\s*(" + AMOUNT + ")", Pattern.CASE_INSENSITIVE),
            // 8 s instead of 9 minutes; 35 ms, down from 120 ms; 35 ms compared with 120 ms before
            Pattern.compile("(" + NUM + UNIT + ")[^.;\\n]{0,25}?\\b(?:instead of|down from|up from|versus|vs\\.?|compared (?:to|with)|rather than)\\s+(?:the\\s+|about\\s+|~)?(" + AMOUNT + ")", Pattern.CASE_INSENSITIVE),
            // cut cost by 40%; latency dropped 30%; reduced it to 35 ms
            Pattern.compile("\\b" + CHANGE + "\\b[^.;\\n]{0,40}?\\b(?:by|to)\\s+(?:about\\s+|under\\s+|~)?()(" + NUM + UNIT + ")", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\b" + CHANGE + "\\s+(?:\\w+\\s+){0,3}?()(" + NUM + "\\s?(?:%|percent|x|×|pp|points?))", Pattern.CASE_INSENSITIVE),
            // +0.7% CTR, −30% tickets, 3x faster, 40% fewer declines
            Pattern.compile("(?:^|[\\s(])()([+−-]\\s?\\d+(?:\\.\\d+)?\\s?(?:%|pp|points?))", Pattern.CASE_INSENSITIVE),
            Pattern.compile("()(" + NUM + "\\s?(?:%|percent|x|×|-fold|pp|points?))\\s+(?:fewer|less|more|lower|higher|faster|slower|cheaper|better|reduction|increase|drop|improvement|uplift|lift)\\b", Pattern.CASE_INSENSITIVE));
    private static final List<String> OUTCOMES = List.of(
            "latency", "lag", "p99", "p95", "p50", "cost", "spend", "bill", "revenue", "ctr",
            "click-through", "conversion", "churn", "retention", "availability", "uptime", "sla", "slo", "downtime",
            "error rate", "errors", "incident", "customer", "client", "user", "engagement", "fraud", "false positive",
            "accuracy", "precision", "recall", "time to", "savings", "saved", "margin", "arr", "nps", "tickets",
            "on-call", "pages", "alerts", "false alarms", "freshness", "staleness", "declin", "approval", "onboarding",
            "adoption", "sales", "deals", "renewal", "satisfaction", "csat", "complaints", "outage", "response time", "wait", "resolution",
            "mttr", "mttd", "detection", "lead time", "$", "£", "€", "₹", "budget", "money",
            "partner", "merchant", "advertiser", "analyst", "roi", "mape", "forecast error", "stockout", "inventory",
            "waste", "abandon", "bounce");

    private Quantities() {}

    /** A baseline → result pair found in a sentence: the baseline may be empty ("cut cost by 40%"). */
    record Pair(String text, String before, String after) {}

    /** A number with a unit, or a baseline → result pair even without units ("false alerts from 40 to 5 a day"). */
    static boolean hasQuantity(String sentence) {
        return QUANTITY.matcher(sentence).find() || !pairs(sentence).isEmpty();
    }

    /** The quantities a text states ("20 ms", "p99"), as {@link #hasOwnQuantity} compares them. */
    static Set<String> stated(String text) {
        return QUANTITY.matcher(text == null ? "" : text).results().map(r -> normalised(r.group())).collect(Collectors.toSet());
    }

    /**
     * A quantity of the sentence's own: a baseline → result pair, or a number with a unit that {@code given} does not
     * state too. "I'd approach the 20 ms budget by making everything fast" restates its question's figure and shows
     * nothing; "p99 went from 20 ms to 6 ms" measures something.
     */
    static boolean hasOwnQuantity(String sentence, Set<String> given) {
        if (given.isEmpty()) return hasQuantity(sentence);
        String own = QUANTITY.matcher(sentence).replaceAll(r -> given.contains(normalised(r.group())) ? " "
                : Matcher.quoteReplacement(r.group()));
        return !pairs(sentence).isEmpty() || hasQuantity(own);
    }

    private static String normalised(String quantity) {
        return quantity.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    static int countQuantities(String sentence) {
        return (int) QUANTITY.matcher(sentence).results().count();
    }

    /** Every baseline → result pair in the sentence, each counted once even where two patterns see it. */
    static List<Pair> pairs(String sentence) {
        String s = Sentences.oneLine(sentence);
        List<Pair> found = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        for (Pattern p : PAIRS) {
            Matcher m = p.matcher(s);
            while (m.find()) {
                int start = m.start(2);
                int end = m.end(2);
                if (spans.stream().anyMatch(sp -> start < sp[1] && end > sp[0])) continue;
                spans.add(new int[] {start, end});
                // "8 s instead of 9 minutes" names the result first
                boolean resultFirst = p == PAIRS.get(2);
                String first = m.group(1).strip();
                String second = m.group(2).strip();
                found.add(resultFirst ? new Pair(m.group().strip(), second, first) : new Pair(m.group().strip(), first, second));
            }
        }
        return found;
    }

    static boolean hasBeforeAfter(String sentence) {
        return !pairs(sentence).isEmpty();
    }

    static boolean hasOutcome(String sentence) {
        String s = sentence.toLowerCase(Locale.ROOT);
        return OUTCOMES.stream().anyMatch(s::contains);
    }

    /** A before → after pair on a customer or business outcome: what the impact criterion values most. */
    static boolean hasTiedPair(String sentence) {
        return hasOutcome(sentence) && hasBeforeAfter(sentence);
    }
}
