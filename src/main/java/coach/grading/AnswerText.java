package coach.grading;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An answer as the offline grader reads it: its sentences, with everything that must earn nothing set aside before
 * any detector runs — sentences addressed to the grader, repeated sentences (a paragraph pasted twice counts once),
 * lists of bare keywords or numbers (a list is not an explanation), and sentences that wave a concern away instead of
 * handling it ({@link HandWaving}). What is left is the substance.
 */
final class AnswerText {
    private static final Pattern FUNCTION_WORD = Pattern.compile(
            "\\b(the|a|an|we|i|it|to|of|with|because|so|by|on|in|is|are|was|were|would|will|then|that|which|when|if|"
                    + "our|my|for|from|at|as|and|but|or|into|per|each|this|these|they|their|you|me|us|be|has|had|have)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD = Pattern.compile("\\S+");
    private static final Pattern SEPARATOR = Pattern.compile("[,;/|#]|\\s[+&]\\s|\\s·\\s");
    private static final Pattern ITEM_SEPARATOR = Pattern.compile("[,;]");
    /** Names every metric line may use: sharing one of these ties a line of figures to nothing in particular. */
    private static final Set<String> GENERIC_METRIC = Set.of("p99", "p95", "p90", "p50", "latenc", "ctr", "cost",
            "costs", "revenu", "custom", "impact", "error", "errors", "rate", "throug", "qps", "users", "conver",
            "result", "down", "per", "month", "saved", "faster", "slower", "lower", "higher");
    private static final Pattern LIST_MARKER = Pattern.compile("^\\s*(?:[-*•·–]|\\d{1,2}[.)])\\s+");
    /** Two sentences sharing this share of their words are one sentence said twice. */
    private static final double SAME_SENTENCE = 0.8;

    private final List<String> substance;
    private final int injections;
    private final int repeats;
    private final int lists;
    private final List<String> waved;

    private AnswerText(List<String> substance, int injections, int repeats, int lists, List<String> waved) {
        this.substance = substance;
        this.injections = injections;
        this.repeats = repeats;
        this.lists = lists;
        this.waved = waved;
    }

    static AnswerText of(String answer) {
        Copies copies = copies(answer == null ? "" : answer);
        List<String> all = Sentences.split(copies.first());
        Set<String> told = null; // what the answer tells of: read only when a line looks like a list
        List<String> kept = new ArrayList<>();
        List<Set<String>> keptWords = new ArrayList<>();
        int injections = 0;
        int repeats = (copies.count() - 1) * all.size();
        int lists = 0;
        List<String> waved = new ArrayList<>();
        String heading = "";
        for (String s : all) {
            if (InjectionDetector.isInjection(s)) {
                injections++;
                continue;
            }
            // a short heading ("Requirements:") belongs to what follows it; a short fragment alone says nothing
            if (Sentences.words(s).size() < 4) {
                if (s.strip().endsWith(":")) heading = s;
                continue;
            }
            if (!heading.isEmpty()) {
                s = heading + " " + s;
                heading = "";
            }
            if (isList(s)) {
                told = told == null ? toldWords(all) : told;
                if (!resultsOfTheStory(s, told)) {
                    lists++;
                    continue;
                }
            }
            Set<String> words = new HashSet<>(Sentences.words(s));
            if (keptWords.stream().anyMatch(w -> same(w, words))) {
                repeats++;
                continue;
            }
            if (HandWaving.isHandWaving(s)) {
                waved.add(s);
                keptWords.add(words);
                continue;
            }
            kept.add(s);
            keptWords.add(words);
        }
        return new AnswerText(List.copyOf(kept), injections, repeats, lists, List.copyOf(waved));
    }

    /** The first of {@code count} copies an answer is made of (1 when it is not pasted over again). */
    record Copies(String first, int count) {}

    /**
     * An answer pasted k times over, whole: its first copy, and k. Copies are found by their words, whatever the
     * whitespace between them, because a copy that ends without a full stop runs into the next one's first sentence
     * ("… takes engineering seriously tbh management is a mess."), a sentence no copy has, which dropping repeated
     * sentences cannot catch: pasted eight times, such an answer once scored 30 instead of 22.
     */
    static Copies copies(String answer) {
        List<String> words = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        WORD.matcher(answer).results().forEach(m -> {
            words.add(m.group());
            ends.add(m.end());
        });
        int n = words.size();
        if (n < 2) return new Copies(answer, 1);
        int[] border = new int[n]; // border[i]: the longest proper prefix of words[0..i] that is also its suffix
        for (int i = 1, k = 0; i < n; i++) {
            while (k > 0 && !words.get(i).equals(words.get(k))) k = border[k - 1];
            if (words.get(i).equals(words.get(k))) k++;
            border[i] = k;
        }
        int period = n - border[n - 1];
        return period == n || n % period != 0 ? new Copies(answer, 1)
                : new Copies(answer.substring(0, ends.get(period - 1)), n / period);
    }

    /** A run of short items with no sentence around them: bare keywords, hashtags, or numbers. */
    static boolean isList(String sentence) {
        String s = LIST_MARKER.matcher(sentence).replaceFirst("");
        List<String> words = Sentences.words(s);
        if (words.isEmpty()) return true;
        int separators = (int) SEPARATOR.matcher(s).results().count();
        long functionWords = FUNCTION_WORD.matcher(s).results().count();
        if (separators >= 3 && (double) words.size() / (separators + 1) <= 3.5) {
            return true;
        }
        // "p99 120 ms → 35 ms, +0.7% CTR, $50k → $50k": figures with nothing said about them
        if (Quantities.countQuantities(s) >= 3 && functionWords <= 1) {
            return true;
        }
        // "Kafka Flink Redis exactly-once p99 scale": many words, not one of them holds a sentence together
        return words.size() >= 4 && functionWords == 0;
    }

    /**
     * A terse line of results ("Churn 2.9% → 2.4% monthly, cost per save $41 → $28."): every item a figure, at least
     * one a before → after pair, about something the answer's sentences tell of (a word they use, other than a
     * metric's generic name). It reads as a list but reports on the story, so it is kept. Bare figures with no
     * such link ("p99 120 ms → 35 ms, +0.7% CTR") and lists of names stay set aside.
     */
    static boolean resultsOfTheStory(String line, Set<String> told) {
        String s = LIST_MARKER.matcher(line).replaceFirst("");
        boolean allFigures = ITEM_SEPARATOR.splitAsStream(s).allMatch(item -> Quantities.hasQuantity(item));
        if (!allFigures || !Quantities.hasBeforeAfter(s)) return false;
        return CoverageSignal.stems(s).stream().anyMatch(w -> !GENERIC_METRIC.contains(w)
                && w.chars().noneMatch(Character::isDigit) && told.contains(w));
    }

    /** The word stems of the answer's sentences that are not lists: what the answer tells of. */
    private static Set<String> toldWords(List<String> sentences) {
        Set<String> told = new HashSet<>();
        sentences.stream().filter(s -> Sentences.words(s).size() >= 4 && !isList(s))
                .forEach(s -> told.addAll(CoverageSignal.stems(s)));
        return told;
    }

    private static boolean same(Set<String> a, Set<String> b) {
        if (a.size() < 4 || b.size() < 4) {
            return a.equals(b);
        }
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        return (double) common.size() / union.size() >= SAME_SENTENCE;
    }

    /** The sentences that count: no text for the grader, no repeats, no bare lists. */
    List<String> substance() {
        return substance;
    }

    /** Sentences that wave a concern away instead of handling it ({@link HandWaving}): set aside, and named. */
    List<String> wavedAway() {
        return waved;
    }

    /** Words of substance: what the length advice counts. */
    int words() {
        return substance.stream().mapToInt(s -> Sentences.words(s).size()).sum();
    }

    /** What was set aside, told to the user, so an answer never silently loses credit. */
    List<String> flags() {
        List<String> flags = new ArrayList<>();
        if (injections > 0) {
            flags.add("Part of the answer addressed the grader (e.g. asked for a score); it was ignored and earned nothing.");
        }
        if (repeats > 0) {
            flags.add(repeats + (repeats == 1 ? " sentence repeats" : " sentences repeat")
                    + " an earlier one; each point counts once.");
        }
        if (lists > 0) {
            flags.add(lists + (lists == 1 ? " line is" : " lines are")
                    + " a bare list of keywords or numbers; a list earns nothing until it is explained in sentences.");
        }
        if (!waved.isEmpty()) {
            flags.add("“" + Sentences.quote(waved.get(0)) + "”" + (waved.size() > 1 ? " and " + (waved.size() - 1)
                    + " more " + (waved.size() == 2 ? "sentence wave" : "sentences wave") : " waves")
                    + " a concern away instead of handling it; interviewers count that as a gap, so it earned nothing"
                    + " and counts against correctness.");
        }
        return flags;
    }
}
