package coach.grading;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Coverage of the question's key points, by meaning (sentence embeddings) so a paraphrase counts. Each key point is
 * covered by the sentence matched to it (a sentence covers two at most): fully above {@link #COVERED}, half above
 * {@link #PARTLY}. Word overlap stands in only when the embedding model could not be loaded at all, so within one
 * process the method never changes between two gradings of the same answer.
 */
final class CoverageSignal {
    static final double COVERED = 0.66;
    static final double PARTLY = 0.58;
    static final int KEY_POINTS_PER_SENTENCE = 2;
    /** Words that say nothing of a topic; "went" too, which every before → after uses ("… went from 50 to 20 …"). */
    private static final Set<String> STOPWORDS = Set.of("the", "a", "an", "and", "or", "of", "to", "in", "on", "for",
            "with", "that", "this", "is", "are", "be", "by", "as", "it", "its", "at", "from", "how", "what", "which",
            "when", "you", "your", "their", "them", "they", "into", "about", "e.g", "eg", "etc", "such", "each", "any",
            "all", "can", "would", "will", "should", "does", "do", "not", "no", "so", "than", "then", "there", "these",
            "those", "was", "were", "has", "have", "had", "i", "we", "our", "my", "me", "one", "two", "also", "very",
            "just", "like", "get", "got", "make", "made", "lot", "lots", "really", "much", "many", "well", "good",
            "great", "new", "old", "year", "years", "week", "weeks", "day", "days", "time", "after", "before",
            "over", "more", "most", "some", "other", "every", "first", "last", "only", "still", "went", "go", "goes",
            "gone", "going");

    private CoverageSignal() {}

    static Finding score(KeyMatch match, List<String> sentences, List<String> keyPoints) {
        return score(match, sentences, keyPoints, Map.of());
    }

    /** A key point another detector judges: how far it is covered (0, 0.5 or 1) and the sentence that shows it. */
    record Judged(double covered, String evidence) {}

    /** {@code judged}: the key points another detector judges, by index; no sentence is spent on them. */
    static Finding score(KeyMatch match, List<String> sentences, List<String> keyPoints, Map<Integer, Judged> judged) {
        if (keyPoints.isEmpty()) {
            return new Finding(3, "", "the question lists no key points to check against.");
        }
        if (sentences.isEmpty()) {
            return new Finding(1, "", "none of the question's key points is addressed.");
        }
        double threshold = match.semantic() ? COVERED : 0.5;
        double partly = match.semantic() ? PARTLY : 0.34;
        int[] coveredBy = coveringSentences(match, sentences.size(), keyPoints.size(), judged.keySet());
        double covered = 0;
        int missedIndex = -1;
        // the closest pair of all is always matched, so its sentence is the evidence
        double bestOverall = 0;
        String evidence = "";
        for (int k = 0; k < keyPoints.size(); k++) {
            if (judged.containsKey(k)) {
                covered += judged.get(k).covered();
                if (judged.get(k).covered() < 1 && missedIndex < 0) missedIndex = k;
                continue;
            }
            double similarity = coveredBy[k] < 0 ? 0 : match.toKeyPoint(k, coveredBy[k]);
            covered += similarity >= threshold ? 1 : similarity >= partly ? 0.5 : 0;
            if (similarity < threshold && missedIndex < 0) missedIndex = k;
            if (similarity > bestOverall) {
                bestOverall = similarity;
                evidence = sentences.get(coveredBy[k]);
            }
        }
        int score = 1 + (int) Math.round(4 * covered / keyPoints.size());
        String missed = missedIndex < 0 ? "" : "not covered yet: " + lowerFirst(keyPoints.get(missedIndex)) + ".";
        if (bestOverall < partly) {
            // nothing matched by meaning: the sentence a judged key point was seen in, if any
            evidence = judged.values().stream().filter(j -> j.covered() > 0).map(Judged::evidence).findFirst().orElse("");
        }
        return new Finding(score, Sentences.quote(evidence), missed);
    }

    /**
     * The sentence that covers each key point (-1 for none left), closest pairs matched first, where a sentence covers
     * at most {@value #KEY_POINTS_PER_SENTENCE} key points. Without a limit one generic sentence ("I'd put the features
     * in Redis because it's fast") sat close enough to most key points of its question to count as covering three
     * quarters of them; with a limit of one, a dense sentence ("A Flink job consumes the topic … writing to Redis with
     * TTLs") covered only one of the two it covers, and the report called the other missing.
     */
    static int[] coveringSentences(KeyMatch match, int sentences, int keyPoints, Set<Integer> judged) {
        List<int[]> pairs = new ArrayList<>();
        for (int k = 0; k < keyPoints; k++) {
            if (judged.contains(k)) continue;
            for (int i = 0; i < sentences; i++) {
                if (match.aboutTheWork(i)) pairs.add(new int[] {k, i});
            }
        }
        // ties broken by key point, then sentence, so the matching never depends on the sort's stability
        pairs.sort(Comparator.comparingDouble((int[] p) -> -match.toKeyPoint(p[0], p[1]))
                .thenComparingInt(p -> p[0]).thenComparingInt(p -> p[1]));
        int[] coveredBy = new int[keyPoints];
        Arrays.fill(coveredBy, -1);
        int[] sentenceUses = new int[sentences];
        for (int[] p : pairs) {
            if (coveredBy[p[0]] >= 0 || sentenceUses[p[1]] >= KEY_POINTS_PER_SENTENCE) continue;
            coveredBy[p[0]] = p[1];
            sentenceUses[p[1]]++;
        }
        return coveredBy;
    }

    static double[][] overlap(List<String> keyPoints, List<String> sentences) {
        double[][] out = new double[keyPoints.size()][sentences.size()];
        for (int k = 0; k < keyPoints.size(); k++) {
            Set<String> kp = stems(keyPoints.get(k));
            for (int i = 0; i < sentences.size(); i++) {
                Set<String> ss = stems(sentences.get(i));
                out[k][i] = kp.isEmpty() ? 0 : (double) kp.stream().filter(ss::contains).count() / kp.size();
            }
        }
        return out;
    }

    static Set<String> stems(String text) {
        Set<String> out = new HashSet<>();
        for (String w : Sentences.words(text)) {
            if (w.length() < 3 || STOPWORDS.contains(w)) continue;
            out.add(w.length() > 6 ? w.substring(0, 6) : w);
        }
        return out;
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
