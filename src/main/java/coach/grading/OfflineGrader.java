package coach.grading;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The deterministic grader: same input, same grade, no network. Each rubric criterion names the detector
 * ({@link Signal}) that scores it; every score comes with a verbatim quote from the answer as evidence.
 * Sentences that address the grader are dropped before scoring and flagged.
 */
public final class OfflineGrader implements Grader {
    private static final Set<String> STOPWORDS = Set.of("the", "a", "an", "and", "or", "of", "to", "in", "on", "for",
            "with", "that", "this", "is", "are", "be", "by", "as", "it", "its", "at", "from", "how", "what", "which",
            "when", "you", "your", "their", "them", "they", "into", "about", "e.g", "eg", "etc", "such", "each", "any",
            "all", "can", "would", "will", "should", "does", "do", "not", "no", "so", "than", "then", "there", "these",
            "those", "was", "were", "has", "have", "had", "i", "we", "our", "my", "me");
    private static final Pattern TRADEOFF = Pattern.compile(
            "\\b(trade-?offs?|instead of|at the cost of|rather than|versus|vs\\.?|alternatively|downside|drawback|"
                    + "however|but|on the other hand|because|so that|fails?|failure|fallback|risk|cost of|chose|pros|cons|"
                    + "compared (to|with)|if .{1,40} (fails|goes down|lags|spikes))\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern STAR_SITUATION = Pattern.compile("\\b(situation|context|background|at my last|at \\w+,? (we|i)|when i was|last year|in \\d{4}|our team)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern STAR_TASK = Pattern.compile("\\b(task|goal|needed to|had to|responsible for|my job|asked to|objective|challenge)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern STAR_ACTION = Pattern.compile("\\bi (built|led|designed|proposed|wrote|ran|set up|introduced|organi[sz]ed|talked|met|decided|moved|created|drove|paired|shipped|migrated|negotiated|escalated|mentored|changed|started)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern STAR_RESULT = Pattern.compile("\\b(result|as a result|outcome|which (led|meant|cut|reduced|raised|improved)|in the end|afterwards|learned|impact)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ORGANISED = Pattern.compile("(^|\\n)\\s*(\\d+[.)]|[-*•])\\s|\\b(first(ly)?|second(ly)?|then|next|finally|step \\d|requirements?|assumptions?|to summari[sz]e|in summary)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern TECHNICAL = Pattern.compile(
            "\\b(kafka|flink|ksql|ksqldb|kafka streams|exactly-once|at-least-once|idempoten\\w*|transaction\\w*|watermark\\w*|"
                    + "window\\w*|tumbling|sliding|hopping|session window|partition\\w*|offset\\w*|consumer group|schema registry|"
                    + "avro|protobuf|backward|forward|compatib\\w*|state store|rocksdb|checkpoint\\w*|changelog|redis|cassandra|"
                    + "feature store|online store|offline store|kubernetes|k8s|hpa|keda|autoscal\\w*|gpu|cpu|batch(ing)?|"
                    + "quantiz\\w*|int8|fp16|onnx|triton|canary|shadow|blue-green|rollback|roll-back|drain\\w*|prometheus|"
                    + "histogram\\w*|alert\\w*|slo|sla|p99|p95|cold start|warm-?up|backpressure|dead letter|dlq|cache|ttl|"
                    + "o\\([^)]*\\)|hash ?map|heap|deque|two pointers|binary search|dfs|bfs|complexity|edge case\\w*|unit tests?|"
                    + "embedding\\w*|vector|rag|drift|a/b|latency budget|replica\\w*|sharding|consistent hashing|circuit breaker)\\b",
            Pattern.CASE_INSENSITIVE);

    /** Similarity at which a sentence counts as covering a key point, and at which it counts half. */
    static final double COVERED = 0.80;
    static final double PARTLY = 0.72;
    private static final Pattern FUNCTION_WORD = Pattern.compile(
            "\\b(the|a|an|we|i|it|to|of|with|because|so|by|on|in|is|are|was|would|then|that|which|when|if|our|my)\\b",
            Pattern.CASE_INSENSITIVE);

    private final Optional<SemanticMatcher> semantic;

    /** Word-overlap key-point coverage only (deterministic from the first call). */
    public OfflineGrader() {
        this(null);
    }

    /** Key points covered by meaning once the embedding model is loaded, by word overlap until then. */
    public OfflineGrader(SemanticMatcher semantic) {
        this.semantic = Optional.ofNullable(semantic);
    }

    @Override
    public String name() {
        return "offline";
    }

    @Override
    public Grade grade(GradingRequest request) {
        List<String> all = Sentences.split(request.answer());
        List<String> honest = all.stream().filter(s -> !InjectionDetector.isInjection(s)).toList();
        List<String> flags = new ArrayList<>();
        if (honest.size() < all.size()) {
            flags.add("Part of the answer addressed the grader (e.g. asked for a score); it was ignored and earned nothing.");
        }
        int words = Sentences.words(String.join(" ", honest)).size();
        boolean tooShort = words < request.stage().minAnswerWords();

        List<CriterionScore> scores = new ArrayList<>();
        for (Criterion c : request.rubric().criteria()) {
            Scored s = switch (c.signal()) {
                case QUANTIFIED_IMPACT -> impact(honest);
                case KEY_POINTS -> semantic.flatMap(SemanticMatcher::ready)
                        .map(sim -> semanticKeyPoints(sim, honest, request.keyPoints()))
                        .orElseGet(() -> keyPoints(honest, request.keyPoints()));
                case TRADEOFFS -> count(honest, TRADEOFF, new int[] {1, 2, 4, 6});
                case STRUCTURE -> request.stage().behavioural() ? star(honest) : count(honest, ORGANISED, new int[] {1, 2, 4, 6});
                case DEPTH -> depth(honest);
            };
            int score = s.score;
            String rationale = c.anchor(score);
            if (tooShort && score > 2) {
                score = 2;
                rationale = "Capped at 2: the answer has " + words + " words; this stage expects at least "
                        + request.stage().minAnswerWords() + ". " + c.anchor(2);
            }
            scores.add(new CriterionScore(c.id(), c.name(), c.weight(), score, s.evidence, rationale));
        }
        return new Grade(Scoring.overall(scores), scores, improvements(request.rubric(), scores),
                rewrite(honest), name(), "", flags);
    }

    private record Scored(int score, String evidence) {}

    private static Scored impact(List<String> sentences) {
        int tied = 0;
        int pairs = 0;
        int numbers = 0;
        String evidence = "";
        int evidenceRank = 0;
        for (String s : sentences) {
            if (!Quantities.hasQuantity(s)) continue;
            numbers++;
            boolean outcome = Quantities.hasOutcome(s);
            boolean pair = Quantities.hasBeforeAfter(s);
            if (outcome) tied++;
            if (outcome && pair) pairs++;
            int rank = (outcome ? 2 : 0) + (pair ? 1 : 0) + 1;
            if (rank > evidenceRank) {
                evidenceRank = rank;
                evidence = Sentences.quote(s);
            }
        }
        // 5: two baseline → result pairs on customer metrics; 4: one; 3: a number tied to an outcome; 2: bare numbers
        int score = pairs >= 2 ? 5 : pairs == 1 ? 4 : tied >= 1 ? 3 : numbers > 0 ? 2 : 1;
        return new Scored(score, evidence);
    }

    private static Scored keyPoints(List<String> sentences, List<String> keyPoints) {
        if (keyPoints.isEmpty()) {
            return new Scored(3, "");
        }
        Set<String> answerStems = stems(String.join(" ", sentences));
        int covered = 0;
        String bestSentence = "";
        double bestOverlap = 0;
        for (String kp : keyPoints) {
            Set<String> kpStems = stems(kp);
            if (kpStems.isEmpty()) continue;
            long hit = kpStems.stream().filter(answerStems::contains).count();
            if ((double) hit / kpStems.size() >= 0.5) {
                covered++;
            }
            for (String s : sentences) {
                Set<String> ss = stems(s);
                double overlap = (double) kpStems.stream().filter(ss::contains).count() / kpStems.size();
                if (overlap > bestOverlap) {
                    bestOverlap = overlap;
                    bestSentence = s;
                }
            }
        }
        double fraction = (double) covered / keyPoints.size();
        int score = 1 + (int) Math.round(4 * fraction);
        return new Scored(score, bestOverlap > 0 ? Sentences.quote(bestSentence) : "");
    }

    /**
     * Key points covered by meaning: a paraphrase counts. Only sentences with substance take part (five words or
     * more, read as a sentence rather than a list of buzzwords), so keyword stuffing earns nothing here.
     */
    private static Scored semanticKeyPoints(SemanticMatcher.Similarity sim, List<String> sentences, List<String> keyPoints) {
        List<String> candidates = sentences.stream()
                .filter(s -> Sentences.words(s).size() >= 5 && FUNCTION_WORD.matcher(s).find())
                .toList();
        if (keyPoints.isEmpty()) {
            return new Scored(3, "");
        }
        if (candidates.isEmpty()) {
            return new Scored(1, "");
        }
        List<float[]> vectors = sim.vectors(candidates);
        double covered = 0;
        String evidence = "";
        double bestOverall = 0;
        for (String kp : keyPoints) {
            float[] k = sim.vector(kp);
            double best = 0;
            String bestSentence = "";
            for (int i = 0; i < candidates.size(); i++) {
                double c = sim.cosine(k, vectors.get(i));
                if (c > best) {
                    best = c;
                    bestSentence = candidates.get(i);
                }
            }
            covered += best >= COVERED ? 1 : best >= PARTLY ? 0.5 : 0;
            if (best > bestOverall) {
                bestOverall = best;
                evidence = bestSentence;
            }
        }
        int score = 1 + (int) Math.round(4 * covered / keyPoints.size());
        return new Scored(score, bestOverall >= PARTLY ? Sentences.quote(evidence) : "");
    }

    private static Scored count(List<String> sentences, Pattern marker, int[] thresholds) {
        int hits = 0;
        String evidence = "";
        for (String s : sentences) {
            var m = marker.matcher(s);
            int before = hits;
            while (m.find()) hits++;
            if (hits > before && evidence.isEmpty()) evidence = Sentences.quote(s);
        }
        int score = 1;
        for (int t : thresholds) {
            if (hits >= t) score++;
        }
        return new Scored(score, evidence);
    }

    private static Scored star(List<String> sentences) {
        Pattern[] parts = {STAR_SITUATION, STAR_TASK, STAR_ACTION, STAR_RESULT};
        int present = 0;
        String evidence = "";
        for (Pattern p : parts) {
            for (String s : sentences) {
                if (p.matcher(s).find()) {
                    present++;
                    if (p == STAR_ACTION || evidence.isEmpty()) evidence = Sentences.quote(s);
                    break;
                }
            }
        }
        return new Scored(1 + present, evidence);
    }

    private static Scored depth(List<String> sentences) {
        Set<String> terms = new HashSet<>();
        String evidence = "";
        int best = 0;
        for (String s : sentences) {
            var m = TECHNICAL.matcher(s);
            int here = 0;
            while (m.find()) {
                terms.add(m.group().toLowerCase(Locale.ROOT));
                here++;
            }
            if (here > best) {
                best = here;
                evidence = Sentences.quote(s);
            }
        }
        int n = terms.size();
        int score = n >= 10 ? 5 : n >= 6 ? 4 : n >= 3 ? 3 : n >= 1 ? 2 : 1;
        return new Scored(score, evidence);
    }

    static Set<String> stems(String text) {
        Set<String> out = new HashSet<>();
        for (String w : Sentences.words(text)) {
            if (w.length() < 3 || STOPWORDS.contains(w)) continue;
            out.add(w.length() > 6 ? w.substring(0, 6) : w);
        }
        return out;
    }

    /** The two criteria where a better answer would gain the most weighted points, with the next anchor up. */
    static List<String> improvements(Rubric rubric, List<CriterionScore> scores) {
        return scores.stream()
                .filter(s -> s.score() < 5)
                .sorted(Comparator.comparingDouble((CriterionScore s) -> -s.weight() * (5 - s.score())))
                .limit(2)
                .map(s -> s.name() + " (" + s.score() + "/5): to reach " + (s.score() + 1) + ", "
                        + lowerFirst(rubric.criterion(s.criterionId()).anchor(s.score() + 1)))
                .toList();
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * One sentence of the answer rewritten to quantify customer impact. The offline grader cannot know the
     * user's real numbers, so it leaves bracketed slots for them rather than inventing figures.
     */
    static String rewrite(List<String> sentences) {
        String base = sentences.stream()
                .filter(s -> !Quantities.hasQuantity(s))
                .filter(s -> Sentences.words(s).size() >= 5)
                .max(Comparator.comparingInt(s -> (int) TECHNICAL.matcher(s).results().count()))
                .orElse(sentences.isEmpty() ? "" : sentences.get(0));
        if (base.isEmpty()) {
            return "";
        }
        String trimmed = Sentences.quote(base).replaceAll("[.!?]+$", "");
        return trimmed + ", which cut [metric, e.g. p99 feature latency] from [baseline, e.g. 120 ms] to [result, e.g. 35 ms]"
                + " for [which customers], worth [business effect, e.g. +0.7% CTR].";
    }
}
