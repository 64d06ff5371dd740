package coach.grading;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Complexity, edge cases and tests, as the coding rubric asks for them: time and space complexity in big-O, the
 * distinct edge cases handled, the tests described, and for the top level the worst or amortised case and a
 * comparison with a brute-force or randomised oracle. Each kind counts once, so saying "edge cases" or "O(n)" again
 * earns nothing more; whether a stated complexity is right is for coverage and the LLM grader to judge.
 */
final class ComplexitySignal {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    /** A complexity in big-O: "O(1)", "O(n log k)", "O(V + E)". */
    static final Pattern BIG_O = Pattern.compile("\\bO\\([^()]{1,20}\\)", FLAGS);
    /** Within a few words of a big-O: what it measures. */
    private static final Pattern SPACE = Pattern.compile("\\b(space|memory|extra|storage|ram)\\b", FLAGS);
    private static final Pattern STRUCTURE = Pattern.compile("\\b(hash ?maps?|hash ?sets?|dict(ionary)?|heaps?|heapq|"
            + "min-heap|max-heap|deques?|arraydeque|linkedhashmap|ordereddict|treemap|sorted (list|set|array)|tries?|"
            + "stacks?|queues?|priority queue|linked list|ring buffer|circular buffer|bitsets?|bloom filters?|"
            + "count-min|sketch(es)?|union-find|counters?|arrays?)\\b", FLAGS);
    private static final Map<String, Pattern> EDGE_CASES = edgeCases();
    private static final Pattern TESTS = Pattern.compile("\\b(test(s|ed|ing)?|property[- ]based|fuzz\\w*|junit|pytest|"
            + "hypothesis|jqwik|assert\\w*)\\b", FLAGS);
    private static final Pattern ORACLE = Pattern.compile("\\b(brute[- ]force|naive|exact|reference) (version|"
            + "implementation|counts?|answer|solution|oracle)\\b|\\brandomi[sz]ed (tests?|inputs?|streams?|comparison)\\b"
            + "|\\boracle\\b", FLAGS);
    private static final Pattern WORST = Pattern.compile("\\b(amorti[sz]ed|worst[- ]case|in the worst case|"
            + "worst case)\\b", FLAGS);

    private ComplexitySignal() {}

    private static Map<String, Pattern> edgeCases() {
        Map<String, Pattern> kinds = new LinkedHashMap<>();
        kinds.put("empty input", Pattern.compile("\\b(empty|null|none|no (input|events|readings|elements|items|keys))\\b", FLAGS));
        kinds.put("duplicates", Pattern.compile("\\bduplicat\\w*", FLAGS));
        kinds.put("ties", Pattern.compile("\\b(ties?|tie-break\\w*|equal (counts|scores|keys))\\b", FLAGS));
        kinds.put("boundaries", Pattern.compile("\\b(boundar\\w*|off-by-one|inclusive|exclusive)\\b", FLAGS));
        kinds.put("warm-up", Pattern.compile("\\b(warm-?up|fewer than|not (yet )?full|cold start)\\b", FLAGS));
        kinds.put("zero or negative values", Pattern.compile("\\b(zero|negative|divi\\w* by)\\b", FLAGS));
        kinds.put("overflow or precision", Pattern.compile("\\b(overflow\\w*|precision|floating[- ]point|numeric\\w*|"
                + "rounding|cancellation|welford)\\b", FLAGS));
        kinds.put("out-of-order input", Pattern.compile("\\b(out[- ]of[- ]order|late (events?|data|arrivals?)|clock skew)\\b", FLAGS));
        kinds.put("concurrency", Pattern.compile("\\b(concurren\\w*|race conditions?|thread[- ]safe\\w*|locks?|locking)\\b", FLAGS));
        kinds.put("capacity", Pattern.compile("\\b(capacity|evict\\w*|large inputs?|memory limit|full)\\b", FLAGS));
        kinds.put("invalid input", Pattern.compile("\\b(invalid|malformed|unicode|missing (values?|keys?|fields?))\\b", FLAGS));
        return kinds;
    }

    /** What a sentence or an answer shows, kind by kind. */
    private record Shown(boolean time, boolean space, List<String> edgeCases, boolean tests, boolean oracle,
                         boolean worst, boolean structures) {}

    static Finding score(List<String> sentences) {
        boolean time = false;
        boolean space = false;
        boolean tests = false;
        boolean oracle = false;
        boolean worst = false;
        boolean structures = false;
        Set<String> edges = new LinkedHashSet<>();
        String evidence = "";
        int bestRank = 0;
        for (String s : sentences) {
            String line = Sentences.oneLine(s);
            boolean[] measures = measures(line);
            time |= measures[0];
            space |= measures[1];
            List<String> here = EDGE_CASES.entrySet().stream().filter(e -> e.getValue().matcher(line).find())
                    .map(Map.Entry::getKey).toList();
            edges.addAll(here);
            boolean testHere = TESTS.matcher(line).find();
            tests |= testHere;
            oracle |= ORACLE.matcher(line).find();
            worst |= WORST.matcher(line).find();
            structures |= STRUCTURE.matcher(line).find();
            int rank = (measures[0] ? 3 : 0) + (measures[1] ? 3 : 0) + here.size() + (testHere ? 1 : 0);
            if (rank > bestRank) {
                bestRank = rank;
                evidence = s;
            }
        }
        return level(new Shown(time, space, List.copyOf(edges), tests, oracle, worst, structures), Sentences.quote(evidence));
    }

    /**
     * {time, space}: which complexities a sentence states. A big-O is read with the words after it, up to the next
     * comma or big-O ("O(k) memory", "O(V + E) time and space"), or when those say nothing, with the words before it
     * ("memory is O(k)"); a big-O that names neither is a time complexity.
     */
    private static boolean[] measures(String line) {
        boolean[] found = new boolean[2];
        Matcher m = BIG_O.matcher(line);
        int previous = 0;
        while (m.find()) {
            int to = m.end();
            while (to < line.length() && ",;.".indexOf(line.charAt(to)) < 0 && !line.regionMatches(true, to, "O(", 0, 2)) {
                to++;
            }
            // (lower-cased after cutting: lower-casing can change a string's length)
            String after = line.substring(m.end(), to).toLowerCase(Locale.ROOT);
            int from = Math.max(previous, Math.max(line.lastIndexOf(',', m.start()), line.lastIndexOf(';', m.start())) + 1);
            String before = line.substring(Math.min(from, m.start()), m.start()).toLowerCase(Locale.ROOT);
            boolean both = after.contains("time and space") || after.contains("time and memory");
            boolean named = after.contains("time") || SPACE.matcher(after).find();
            boolean isSpace = named ? SPACE.matcher(after).find() && !after.contains("time") : SPACE.matcher(before).find();
            found[0] |= both || !isSpace;
            found[1] |= both || isSpace;
            previous = to;
        }
        return found;
    }

    private static Finding level(Shown s, String quote) {
        int edges = s.edgeCases().size();
        String named = edges == 0 ? "" : " (" + String.join(", ", s.edgeCases()) + ")";
        if (s.time() && s.space() && edges >= 3 && s.tests()) {
            return s.oracle() && s.worst() ? new Finding(5, quote, "") : new Finding(4, quote, (s.worst() ? ""
                    : "say the worst or amortised case" + (s.oracle() ? "." : ", and ")) + (s.oracle() ? ""
                    : "compare against a brute-force or randomised oracle in the tests."));
        }
        if (s.time() && (edges > 0 || s.tests())) {
            return new Finding(3, quote, (s.space() ? "" : "state the space (memory) complexity too; ")
                    + (edges < 3 ? (edges == 0 ? "no edge case is named" : "only " + edges + " kind"
                    + (edges == 1 ? "" : "s") + " of edge case" + named) + ": name three or more (empty input, "
                    + "duplicates, ties, boundaries)" : "three kinds of edge case" + named)
                    + (s.tests() ? "." : ", and the tests that cover them."));
        }
        if (s.time() || s.space() || edges > 0 || s.tests() || s.structures()) {
            return new Finding(2, quote, !s.time() ? "no time complexity: state it in big-O, with the edge cases "
                    + "you handle." : "no edge case or test: name the edge cases you handle and how you would test them.");
        }
        return new Finding(1, "", "no complexity, data structure, edge case or test is stated.");
    }
}
