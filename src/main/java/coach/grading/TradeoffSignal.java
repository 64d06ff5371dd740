package coach.grading;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Trade-offs, failure modes and judgement. Each kind of reasoning counts once however often it appears, so saying
 * "because" ten times is one reason: the score follows the kinds of reasoning shown, not the length.
 */
final class TradeoffSignal {
    enum Kind { ALTERNATIVE, COST, REASON, FAILURE, CONDITION, LESSON }

    private static final Map<Kind, Pattern> MARKERS = new EnumMap<>(Map.of(
            Kind.ALTERNATIVE, Pattern.compile("\\b(instead of|rather than|versus|vs\\.?|compared (to|with)|alternatives?|"
                    + "alternatively|options?|another approach|we could (also )?|i could (also )?|i considered|we considered|"
                    + "chose|chosen|choose|picked|opted|preferred|or else)\\b", Pattern.CASE_INSENSITIVE),
            Kind.COST, Pattern.compile("\\b(trade-?offs?|at the cost of|at the expense of|costs?|downsides?|drawbacks?|the price|"
                    + "cheaper|more expensive|slower|overhead|penalty|sacrific\\w*|but (it|that|this|we|the)|however|"
                    + "the catch|the risk|risky|complexity)\\b", Pattern.CASE_INSENSITIVE),
            Kind.REASON, Pattern.compile("\\b(because|so that|since|which means|that's why|that is why|the reason|due to|"
                    + "in order to|to avoid|to keep|so we|so i)\\b", Pattern.CASE_INSENSITIVE),
            Kind.FAILURE, Pattern.compile("\\b(fail\\w*|crash\\w*|goes down|went down|outages?|time-?outs?|timed out|retr(y|ies|ied)|"
                    + "fall ?back|fallbacks?|degrad\\w*|lost|loses?|rollbacks?|roll(ed)? back|dead.letter|dlq|replay\\w*|"
                    + "recover\\w*|backpressure|circuit breaker|went wrong|mistakes?|didn't work|did not work|missed|"
                    + "broke|broken|incidents?|stale|drift\\w*)\\b", Pattern.CASE_INSENSITIVE),
            Kind.CONDITION, Pattern.compile("\\b(unless|depends on|it depends|if (\\w+ ){0,6}(then|would|we'd|i'd|i would|we would|"
                    + "switch|move|grows|exceeds|doubles)|when (\\w+ ){0,6}(would|switch)|at (higher|larger|10x|bigger) scale|"
                    + "beyond|above \\d|below \\d|up to the point)\\b", Pattern.CASE_INSENSITIVE),
            Kind.LESSON, Pattern.compile("\\b(i learned|i learnt|lesson|next time|in hindsight|looking back|i would do differently|"
                    + "i'd do differently|since then|now i always|it taught me|changed how i)\\b", Pattern.CASE_INSENSITIVE)));

    private TradeoffSignal() {}

    /**
     * @param sentences the sentences about the question (they alone earn)
     * @param setAside  sentences not about the question or waving a concern away: they earn nothing, but the reason
     *                  given for a 1 must not say the answer names no alternative or risk when one of these does
     */
    static Finding score(List<String> sentences, SetAside setAside) {
        Map<Kind, String> shown = new EnumMap<>(Kind.class);
        for (String s : sentences) {
            String line = Sentences.oneLine(s);
            MARKERS.forEach((kind, p) -> {
                if (!shown.containsKey(kind) && p.matcher(line).find()) shown.put(kind, s);
            });
        }
        boolean weighed = shown.containsKey(Kind.ALTERNATIVE) || shown.containsKey(Kind.COST);
        boolean failure = shown.containsKey(Kind.FAILURE) || shown.containsKey(Kind.LESSON);
        int kinds = shown.size();
        String evidence = Sentences.quote(bestEvidence(sentences, shown));
        if (kinds >= 4 && weighed && failure && shown.containsKey(Kind.CONDITION)) {
            return new Finding(5, evidence, "");
        }
        if (kinds >= 3 && weighed && failure) {
            return new Finding(4, evidence, shown.containsKey(Kind.CONDITION)
                    ? "the alternatives are not yet compared on what each costs (latency, money, risk)."
                    : "say when you would choose differently (at what scale or under which condition).");
        }
        if (kinds >= 2) {
            return new Finding(3, evidence, !weighed ? "no alternative is compared with what it costs."
                    : "no failure mode or lesson: say what breaks, how you would notice, and the fallback.");
        }
        if (kinds == 1) {
            return new Finding(2, evidence, "one kind of reasoning only: name the alternative you rejected and why.");
        }
        return setAside.first(TradeoffSignal::reasons)
                .map(s -> new Finding(1, "", setAside.wavesAway(s)
                        ? "the reasoning in “" + Sentences.quote(s) + "” waves a concern away, so it earned nothing; "
                        + "say what could go wrong and how you would handle it."
                        : "I read the reasoning in “" + Sentences.quote(s) + "” as not about this "
                        + "question, so it earned nothing here; if it is, say which part of your design it applies to."))
                .orElse(new Finding(1, "", "no alternative, trade-off, risk or failure mode is mentioned."));
    }

    private static boolean reasons(String sentence) {
        String line = Sentences.oneLine(sentence);
        return MARKERS.values().stream().anyMatch(p -> p.matcher(line).find());
    }

    /** The sentence showing the most kinds of reasoning: the one that best explains the score. */
    private static String bestEvidence(List<String> sentences, Map<Kind, String> shown) {
        String best = "";
        int bestCount = 0;
        for (String s : shown.values()) {
            String line = Sentences.oneLine(s);
            int count = (int) MARKERS.values().stream().filter(p -> p.matcher(line).find()).count();
            if (count > bestCount || (count == bestCount && sentences.indexOf(s) < sentences.indexOf(best))) {
                best = s;
                bestCount = count;
            }
        }
        return best;
    }
}
