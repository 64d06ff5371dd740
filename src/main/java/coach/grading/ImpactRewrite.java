package coach.grading;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Say it with impact": one whole sentence of the answer, rewritten to lead with the customer and the baseline →
 * result, built only from the answer's own figures (the offline grader never invents a number). When the answer
 * has no such figures, it says in a plain sentence which number to add and where. A sentence that already carries
 * a customer-tied baseline → result pair is never rewritten.
 */
final class ImpactRewrite {
    private static final Pattern METRIC = Pattern.compile("(?:\\b[\\w-]+\\s)?\\b(latency|lag|p99|p95|cost|costs|spend|bill|"
            + "revenue|ctr|click-through rate|conversion|churn|retention|availability|uptime|downtime|error rate|errors|"
            + "incidents|tickets|freshness|staleness|declines|approvals|onboarding|throughput|accuracy|precision|recall|"
            + "false positives|time to \\w+|detection time|rollback time|response time|wait time|resolution time)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CUSTOMER = Pattern.compile("\\bfor (?:the |our |a |an |its |their )?((?:[\\w-]+ ){0,3}"
            + "(?:customers?|clients?|users?|team|merchants?|advertisers?|analysts?|product|bank|retailer|partners?|"
            + "service|app|sellers?|buyers?|riders?|drivers?))\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern QUANTIFY_EXAMPLE = Pattern.compile("(?i)\\b(?:e\\.g\\.|such as|for example)\\s*(.+)$");

    private ImpactRewrite() {}

    /**
     * @param sentences the sentences about the question; only these are rewritten or quoted as the place to add a number
     * @param setAside  sentences not about the question or waving a concern away (their numbers earn nothing, but they exist)
     * @param question  the question: its own figures, restated, are not the answer's numbers
     */
    static String suggest(List<String> sentences, List<String> keyPoints, SetAside setAside, String question) {
        List<String> tied = sentences.stream().filter(Quantities::hasTiedPair).toList();
        List<String> candidates = sentences.stream().filter(s -> !Quantities.hasTiedPair(s))
                .filter(s -> Sentences.words(s).size() >= 6).toList();
        if (candidates.isEmpty()) {
            return "";
        }
        if (!tied.isEmpty()) {
            return leadWithResult(tied.get(0), mostTechnical(candidates));
        }
        Set<String> given = Quantities.stated(question);
        Optional<String> numbered = candidates.stream().filter(s -> Quantities.hasOwnQuantity(s, given))
                .max(Comparator.comparingInt(s -> Quantities.hasOutcome(s) ? 1 : 0));
        if (numbered.isPresent()) {
            String metric = metric(numbered.get()).orElse("that number");
            return "Turn “" + Sentences.quote(numbered.get()) + "” into a before → after: say what " + metric
                    + " was before your work, what it became, and which customer or team felt the difference.";
        }
        Optional<String> elsewhere = setAside.first(Quantities::hasQuantity);
        Optional<String> restated = candidates.stream().filter(Quantities::hasQuantity).findFirst();
        String opening = elsewhere.map(s -> (setAside.wavesAway(s) ? "The numbers in “" + Sentences.quote(s)
                + "” wave a concern away. " : "I read the numbers in “" + Sentences.quote(s) + "” as not about this question. ")
                + "Add a").orElse(restated.isPresent() ? "Your answer's only numbers restate the question's. Add a"
                : "Your answer has no numbers. Add one");
        return opening + " before → after on the metric this question is about"
                + example(keyPoints) + ", and say which customer felt it, next to “"
                + Sentences.quote(mostTechnical(candidates)) + "”.";
    }

    /** "For the ads client, feature lag went from 120 ms to 35 ms because we precompute features into Redis." */
    private static String leadWithResult(String tiedSentence, String mechanism) {
        String line = Sentences.oneLine(tiedSentence);
        Quantities.Pair pair = Quantities.pairs(line).get(0);
        Matcher customer = CUSTOMER.matcher(line);
        String lead = customer.find() ? "For the " + customer.group(1) + ", " : "";
        String result;
        if (!pair.before().isEmpty()) {
            String metric = metricBefore(line, line.indexOf(pair.text())).orElse("the result");
            result = metric + " went from " + pair.before() + " to " + pair.after();
        } else {
            result = metricBefore(line, line.indexOf(pair.text())).map(m -> m + " changed by " + pair.after())
                    .orElse("the result was " + pair.after());
        }
        String because = Sentences.oneLine(mechanism).replaceAll("[.!?]+$", "");
        String sentence = lead + result + " because " + lowerFirst(because) + ".";
        return "Instead of “" + Sentences.quote(mechanism) + "”, lead with the customer and the result: “"
                + upperFirst(sentence) + "”";
    }

    private static Optional<String> metricBefore(String line, int pairStart) {
        Matcher m = METRIC.matcher(line);
        String before = null;
        String after = null;
        while (m.find()) {
            if (pairStart < 0 || m.start() <= pairStart) before = m.group().strip();
            else if (after == null) after = m.group().strip();
        }
        return Optional.ofNullable(before != null ? before : after).map(ImpactRewrite::lowerFirst);
    }

    private static Optional<String> metric(String sentence) {
        return metricBefore(Sentences.oneLine(sentence), -1);
    }

    private static String mostTechnical(List<String> candidates) {
        return candidates.stream().max(Comparator.comparingInt(DepthSignal::terms)).orElse(candidates.get(0));
    }

    /** The example the question bank gives for quantifying this question's impact, if it has one. */
    private static String example(List<String> keyPoints) {
        return keyPoints.stream().filter(k -> k.toLowerCase(java.util.Locale.ROOT).contains("quantif"))
                .map(QUANTIFY_EXAMPLE::matcher).filter(Matcher::find).map(m -> m.group(1).replaceAll("[.]+$", ""))
                .findFirst().map(e -> " (for example " + e + ")").orElse("");
    }

    private static String lowerFirst(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(1))) return s; // an acronym: "CTR", "API"
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static String upperFirst(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
