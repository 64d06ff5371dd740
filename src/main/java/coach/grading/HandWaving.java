package coach.grading;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A sentence that waves a concern away instead of handling it: "memory isn't really an issue", "no need to reinvent
 * the wheel", "the database handles that automatically", "more partitions is always better", "testing is important".
 * Interviewers hear these as a gap, not as coverage, so such a sentence earns nothing and the report names it.
 */
final class HandWaving {
    /**
     * "Memory isn't really an issue", "latency is not a concern", "no need to reinvent the wheel", "we don't have to
     * worry about ordering": a dismissal, unless the sentence says which mechanism takes care of it ("duplicates are not
     * a problem because the sink is idempotent").
     */
    private static final Pattern DISMISSAL = Pattern.compile(
            "\\b(?:isn't|is not|aren't|are not|wasn't|won't be|not)\\s+(?:really\\s+|actually\\s+)?(?:an?\\s+|much\\s+of\\s+an?\\s+)?"
                    + "(?:issue|problem|concern|big deal|worry)\\b"
                    + "|\\bno need (?:to|for)\\b|\\b(?:don't|do not|doesn't|does not|won't|never)\\s+(?:really\\s+)?(?:need|have)\\s+to\\s+"
                    + "(?:worry|think|care|bother)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern BECAUSE = Pattern.compile("\\b(because|since|thanks to|given|as long as|with)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final List<Pattern> MARKERS = List.of(
            // "takes care of itself", "Pinecone handles updates automatically", "Kafka automatically moves the hot key",
            // "we get it for free"
            "\\btakes? care of (?:it|them)sel(?:f|ves)\\b|\\bhandles? (?:[\\w-]+\\s+){0,2}(?:automatically|out of the box)\\b"
                    + "|\\bautomatically (?:handles?|moves?|fix\\w*|scales?|takes? care)\\b"
                    + "|\\bget (?:it|that|this|them) (?:for free|automatically)\\b",
            // "more partitions is always better", "you never get hot keys"
            "\\b(?:is|are) always (?:better|fine|enough)\\b|\\balways works\\b|\\byou never (?:get|have|need)\\b",
            // "I'd just use a HashMap", "you just call observe()"
            "\\b(?:i'd|i would|we|you|we'd)\\s+just\\s+(?:use|call|do|add|drop|throw|take|put|start|restart|retry|bump|increase|pick|log)\\b"
                    + "|^\\W*just\\s+(?:use|call|do|add|throw|put)\\b",
            // a sentence that only says something matters ("Latency is very important for users."); "should be fine";
            // "… and it should work."
            "^\\W*(?:[\\w-]+\\s+){1,3}(?:is|are)\\s+(?:also\\s+|really\\s+|very\\s+)?(?:important|key|crucial|essential)"
                    + "(?:\\s+(?:for|to|in)(?:\\s+[\\w-]+){1,3})?\\s*[.!]?\\s*$"
                    + "|\\bshould (?:be|work) (?:fine|ok|okay)\\b|\\bit should (?:just )?work\\s*[.!]?\\s*$")
            .stream().map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE)).toList();

    private HandWaving() {}

    /** A sentence waved away costs a level of correctness: it is the gap an interviewer hears. */
    static final int MAX_LEVELS_LOST = 2;

    static boolean isHandWaving(String sentence) {
        String s = Sentences.oneLine(sentence);
        boolean handled = BECAUSE.matcher(s).find() && DepthSignal.terms(s) > 0;
        return DISMISSAL.matcher(s).find() && !handled || MARKERS.stream().anyMatch(p -> p.matcher(s).find());
    }

    /**
     * Correctness and coverage after the sentences waved away: one level lower for each (at most
     * {@link #MAX_LEVELS_LOST}), and the reason names the first, so the anchor shown agrees with the score given.
     */
    static Finding discount(Finding coverage, List<String> waved) {
        if (waved.isEmpty() || coverage.score() == 1) {
            return coverage;
        }
        int score = Math.max(1, coverage.score() - Math.min(MAX_LEVELS_LOST, waved.size()));
        String why = "“" + Sentences.quote(waved.get(0)) + "”" + (waved.size() > 1 ? " (and " + (waved.size() - 1)
                + " more)" : "") + " waves a concern away instead of handling it; say how you would handle it.";
        return new Finding(score, coverage.evidence(), coverage.shortfall().isEmpty() ? why : why + " Also " + coverage.shortfall());
    }
}
