package coach.grading;

import static org.assertj.core.api.Assertions.assertThat;

import static coach.grading.OfflineGraderTest.criterion;
import static coach.grading.OfflineGraderTest.gradedWithMeaning;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sentences that wave a concern away earn nothing, cost a level of correctness, and are named in the report. */
class HandWavingTest {
    @ParameterizedTest
    @ValueSource(strings = {
            "Memory isn't really an issue these days because disks are cheap.",
            "Duplicates are not a problem for this pipeline.",
            "There's no need to reinvent the wheel here.",
            "We don't have to worry about ordering at all.",
            "The vector database handles re-indexing automatically.",
            "You can share one GPU between as many pods as you want, Kubernetes handles that out of the box.",
            "Kubernetes automatically scales it for us.",
            "With good dashboards, quality takes care of itself.",
            "More replicas is always better for availability.",
            "With random keys you never get hot partitions.",
            "I'd just use a global lock around the map.",
            "Just use a cron job that retries.",
            "Security is also important.",
            "Latency should be fine because the cluster is big.",
            "Kafka has exactly-once, so I would turn that on and it should work.",
            "The SLA is the cloud provider's, so we get it for free."})
    void aConcernWavedAwayIsFound(String sentence) {
        assertThat(HandWaving.isHandWaving(sentence)).isTrue();
    }

    /** Reasoned claims in strong answers use some of the same words; they are not waving anything away. */
    @ParameterizedTest
    @ValueSource(strings = {
            "At-least-once is fine for the audit log because each write carries an idempotency key.",
            "We never replace pods in place; every version gets its own deployment.",
            "Ordering per user is essential, so the topic is keyed by user id.",
            "The key is the tenant id, so one tenant's burst stays in one partition.",
            "That is 960 vCPUs, which should be enough with 30% headroom.",
            "The issue was a stale feature that nobody owned.",
            "Idle buckets expire after C / r seconds because they would be full anyway.",
            "It is important to measure the p99 end to end rather than sum the hops, since tails do not add.",
            "Duplicates are not a problem because the sink is idempotent, keyed by event id.",
            "It should work for any k up to the heap size, which I test with k = 0, 1 and n.",
            "We don't have to worry about ordering since Kafka keeps it per partition and we key by user."})
    void aReasonedClaimIsNot(String sentence) {
        assertThat(HandWaving.isHandWaving(sentence)).isFalse();
    }

    @Test
    void aDismissedConstraintCostsALevelOfCorrectnessAndIsNamed() {
        String honest = "I would keep a Count-Min Sketch of width 2,000 and depth 5 next to a min-heap of the top 100 "
                + "tenants, so memory stays fixed at about 40 KB and each request costs five hash updates. The sketch "
                + "overestimates a count by at most εN with probability 1 − δ, which I size from the memory budget.";
        String waved = honest + " Exact counts are not really an issue anyway, since servers have plenty of memory.";
        Grade before = graded(honest);
        Grade after = graded(waved);
        CriterionScore was = criterion(before, "correctness");
        CriterionScore is = criterion(after, "correctness");
        assertThat(was.score()).isGreaterThan(1);
        assertThat(is.score()).isEqualTo(was.score() - 1);
        assertThat(is.rationale()).contains("“Exact counts are not really an issue anyway").contains("waves a concern away");
        assertThat(after.overall()).isLessThan(before.overall());
        assertThat(after.flags()).anyMatch(f -> f.contains("waves a concern away") && f.contains("earned nothing"));
    }

    /** A waved sentence's numbers and reasons earn nothing, but the report never says the answer has none. */
    @Test
    void whatAWavedSentenceHoldsIsNamedNotDenied() {
        Grade g = graded("I would count every tenant in a hash map and sort the counts at the end. Memory is not "
                + "really an issue because servers have 256 GB.");
        CriterionScore impact = criterion(g, "customer-impact");
        CriterionScore tradeoffs = criterion(g, "tradeoffs");
        assertThat(impact.score()).isEqualTo(1);
        assertThat(impact.rationale()).doesNotContain("no number").contains("256 GB", "waves a concern away");
        assertThat(tradeoffs.rationale()).doesNotContain("no alternative").contains("256 GB", "waves a concern away");
        assertThat(g.rewrite()).doesNotContain("no numbers").contains("wave a concern away");
        assertThat(g.flags()).noneMatch(f -> f.contains("not about this question"));
    }

    /** At most two levels go: a long run of dismissals does not take a covered answer to the floor by itself. */
    @Test
    void atMostTwoLevelsAreLost() {
        Finding covered = new Finding(5, "q", "");
        Finding lowered = HandWaving.discount(covered, List.of("a", "b", "c"));
        assertThat(lowered.score()).isEqualTo(3);
        assertThat(lowered.shortfall()).contains("(and 2 more)");
        assertThat(HandWaving.discount(covered, List.of())).isEqualTo(covered);
    }

    /** An answer to the heavy-hitters coding question, graded with the embedding model. */
    private static Grade graded(String answer) {
        return gradedWithMeaning("coding", "code-heavy-hitters", answer);
    }
}
