package coach.grading;

import java.util.List;
import java.util.Set;

/**
 * Quantified customer impact, on the rubric's ladder: 5 two or more baseline → result pairs on customer or business
 * metrics, 4 one such pair, 3 a number tied to a customer outcome, 2 bare numbers with units, 1 no numbers.
 */
final class ImpactSignal {
    private ImpactSignal() {}

    /**
     * @param sentences the sentences about the question (they alone earn)
     * @param setAside  sentences not about the question or waving a concern away: they earn nothing, but the reason
     *                  given for a 1 must not say the answer has no numbers when these have some
     * @param question  its own figures, restated ("the 20 ms budget"), earn nothing unless a baseline → result has them
     */
    static Finding score(List<String> sentences, SetAside setAside, String question) {
        int tiedPairs = 0;
        int tied = 0;
        int numbers = 0;
        String evidence = "";
        int evidenceRank = 0;
        Set<String> given = Quantities.stated(question);
        for (String s : sentences) {
            if (!Quantities.hasOwnQuantity(s, given)) continue;
            numbers++;
            boolean outcome = Quantities.hasOutcome(s);
            int pairs = outcome ? Quantities.pairs(s).size() : 0;
            if (outcome) tied++;
            tiedPairs += pairs;
            int rank = 1 + (outcome ? 10 : 0) + 10 * pairs;
            if (rank > evidenceRank) {
                evidenceRank = rank;
                evidence = s;
            }
        }
        if (tiedPairs >= 2) return new Finding(5, Sentences.quote(evidence), "");
        if (tiedPairs == 1) {
            return new Finding(4, Sentences.quote(evidence), "one baseline → result pair; a second customer metric "
                    + "measured before and after (e.g. cost, CTR, tickets or conversion) would make it 5.");
        }
        if (tied > 0) {
            return new Finding(3, Sentences.quote(evidence), "no baseline → result pair: say what the number was "
                    + "before your work and what it became.");
        }
        if (numbers > 0) {
            return new Finding(2, Sentences.quote(evidence), "none of the numbers is tied to a customer or business "
                    + "outcome (latency a customer sees, cost, CTR, revenue, tickets).");
        }
        String restated = sentences.stream().filter(Quantities::hasQuantity).findFirst().orElse("");
        if (!restated.isEmpty()) {
            return new Finding(1, "", "the only numbers in “" + Sentences.quote(restated) + "” restate the question's; say "
                    + "what your work changed, measured before and after.");
        }
        return setAside.first(Quantities::hasQuantity).map(s -> new Finding(1, "", setAside.wavesAway(s)
                        ? "the answer's numbers are in “" + Sentences.quote(s) + "”, which waves a concern away."
                        : "the answer's numbers are in a sentence I read as not about this question."))
                .orElse(new Finding(1, "", "the answer has no number with a unit."));
    }
}
