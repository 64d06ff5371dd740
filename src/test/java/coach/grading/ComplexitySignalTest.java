package coach.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The coding rubric's "complexity, edge cases and tests", read the way its anchors are written. */
class ComplexitySignalTest {
    private static Finding score(String... sentences) {
        return ComplexitySignal.score(List.of(sentences));
    }

    @Test
    void aBigOIsReadWithItsOwnClause() {
        // "space" after the second big-O does not make the first one space
        Finding both = score("O(1) per request, O(c) space, idle buckets evicted after 10 min.", "Fake-clock tests.");
        assertThat(both.score()).isEqualTo(3);
        assertThat(both.shortfall()).doesNotContain("space (memory)");
        assertThat(score("O(V + E) time and space.", "An empty graph returns an empty order.").shortfall())
                .doesNotContain("space (memory)");
        assertThat(score("O(n log k) per query.", "Ties break by id.").shortfall()).contains("space (memory) complexity");
    }

    @Test
    void theLevelsFollowTheAnchors() {
        assertThat(score("I would write clean code.").score()).isEqualTo(1);
        assertThat(score("I keep a hash map of counts.").score()).isEqualTo(2);
        assertThat(score("It is O(n log k) per query.").score()).isEqualTo(2);
        assertThat(score("It is O(n log k) per query and O(k) memory.", "Ties break by item id.").score()).isEqualTo(3);
        Finding four = score("It is O(n log k) time and O(k) memory.", "An empty stream returns an empty list, ties break "
                + "by id, and duplicates are counted once.", "I'd unit test each of those.");
        assertThat(four.score()).isEqualTo(4);
        assertThat(four.shortfall()).contains("worst or amortised", "brute-force");
        assertThat(score("It is O(1) amortised per event and O(k) memory, O(n log k) in the worst case.",
                "An empty stream returns an empty list, ties break by id, and duplicates are counted once.",
                "I'd test it against a brute-force version on randomised streams.").score()).isEqualTo(5);
    }

    @Test
    void eachKindCountsOnce() {
        String one = "It is O(n) time and O(1) memory, and an empty input returns zero.";
        assertThat(score(one, one.replace("an empty input", "empty input again"), "Empty lists are fine too.").score())
                .isEqualTo(score(one).score());
        assertThat(score(one).shortfall()).contains("only 2 kinds of edge case (empty input, zero or negative values)");
    }

    /** Letters whose lower case is longer ("İ") do not shift what is read around a big-O. */
    @Test
    void textThatChangesLengthWhenLowerCasedIsReadWithoutError() {
        assertThat(score("İİİİ O(n) İİİİ, MEMORY İS O(1); o(log n) per İtem.").score()).isEqualTo(2);
        assertThat(score("İİİİ O(n) İİİİ, MEMORY İS O(1); o(log n) per İtem.").shortfall()).contains("no edge case");
    }

    @Test
    void aBigOCountsAsAMechanismForDepth() {
        assertThat(DepthSignal.terms("O(1) per reading and O(N) memory")).isEqualTo(2);
        assertThat(DepthSignal.terms("also(1) and go(2)")).isZero();
    }
}
