package coach.grading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the offline grader sets aside before any detector reads an answer, and what it keeps. */
class AnswerTextTest {
    private static final String STORY = "I set up a 10% holdout on the old rules-based offers, randomised by subscriber, "
            + "with churn as the metric and cost per save as the guardrail. ";

    /** A terse line of results about what the story set up is the story's result, not a bare list. */
    @Test
    void aTerseLineOfResultsAboutTheStoryIsKept() {
        String results = "Churn 2.9% → 2.4% monthly, cost per save $41 → $28.";
        assertThat(AnswerText.isList(results)).isTrue();
        assertThat(AnswerText.of(STORY + results).substance()).contains(results);
        assertThat(AnswerText.of(STORY + results).flags()).isEmpty();
    }

    /** Figures tied to nothing the answer says, or tied only by a metric's generic name, earn nothing. */
    @Test
    void bareFiguresAndListsOfNamesStaySetAside() {
        String bare = "p99 120 ms → 35 ms, +0.7% CTR, $50k → $50k.";
        assertThat(AnswerText.of(STORY + bare).substance()).doesNotContain(bare);
        String withLatency = "We cut p99 latency for the client. ";
        assertThat(AnswerText.of(STORY + withLatency + bare).substance()).doesNotContain(bare);
        String names = "Keywords: churn, holdout, Kafka 120 → 35 ms, subscriber, guardrail.";
        assertThat(AnswerText.of(STORY + names).substance()).doesNotContain(names);
        assertThat(AnswerText.of(STORY + names).flags()).anyMatch(f -> f.contains("bare list"));
    }

    /**
     * An answer pasted over again is read once, whatever the whitespace between the copies: a copy that ends without a
     * full stop runs into the next copy's first sentence, which makes a sentence no copy has.
     */
    @Test
    void anAnswerPastedOverAgainIsReadOnce() {
        String answer = "tbh management is a mess. 3 reorgs in 18 months and nobody writes tests. "
                + "I just want somewhere that takes engineering seriously";
        String pasted = String.join(" ", java.util.Collections.nCopies(8, answer));
        assertThat(AnswerText.of(pasted).substance()).isEqualTo(AnswerText.of(answer).substance());
        assertThat(AnswerText.of(pasted).flags()).anyMatch(f -> f.startsWith("21 sentences repeat"));
        assertThat(AnswerText.copies(answer + "\n\n" + answer)).isEqualTo(new AnswerText.Copies(answer, 2));
        // the same words twice inside one answer are not a second copy of it
        String twice = "We cached it. We cached it. Then p99 fell from 120 ms to 35 ms.";
        assertThat(AnswerText.copies(twice).count()).isEqualTo(1);
    }
}
