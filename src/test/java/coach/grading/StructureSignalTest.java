package coach.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A story's STAR elements, labelled or told, and the shortfall that names only what is really missing. */
class StructureSignalTest {
    private static Finding star(String... sentences) {
        return StructureSignal.star(List.of(sentences));
    }

    /** A story told without the words "situation" or "result": the report once said it had neither. */
    @Test
    void aToldStoryHasItsSceneAndResult() {
        Finding f = star("I mentored a junior engineer, Priya, who joined from a data analyst background.",
                "We did weekly 1:1s, I gave her ownership of a small Kafka consumer service end to end, and I reviewed her "
                        + "design docs with her before they went out.",
                "After about 9 months she was leading her own features and got promoted to mid-level.");
        assertThat(f.shortfall()).doesNotContain("situation", "result").contains("task");
        assertThat(f.score()).isEqualTo(4);
    }

    @Test
    void aStoryOpeningAtANamedPlaceWithAnAskHasItsSceneAndTask() {
        Finding f = star("At Brightstay (hotel booking) our pricing pipeline failed a couple of times a week.",
                "The PM wanted the team on a new deal badge.",
                "I pulled 8 weeks of incidents and proposed 2 sprints on reliability.",
                "Stale-price hours went from 38 to 2 a quarter.");
        assertThat(f.score()).isEqualTo(5);
        assertThat(f.shortfall()).isEmpty();
    }

    @Test
    void singleLetterLabelsCount() {
        assertThat(star("S: I shipped a Flink job change that dropped a timezone conversion.",
                "T: the job was mine and I was on call.", "A: I rolled back and told the customer's ops lead.",
                "R: 35 minutes of false declines, and a shadow gate since.").score()).isEqualTo(5);
    }

    /** A hypothetical is not a scene, and a scene alone is not a story. */
    @Test
    void aHypotheticalOpeningSetsNoScene() {
        Finding hypothetical = star("I would first talk to the customer and understand what they need.",
                "Then I'd find a compromise that works for everyone.");
        assertThat(hypothetical.shortfall()).contains("situation", "task", "result");
        assertThat(star("Our inference pipeline paged on-call 15 times a week.").score()).isEqualTo(2);
    }

    /**
     * A design told in labelled sections ("Structure: …", "Tests: …") shows its order as plainly as a numbered list:
     * such answers once scored 1 ("a single unbroken block with no visible order").
     */
    @Test
    void labelledSectionsAreVisibleSteps() {
        Finding f = StructureSignal.design(List.of("Assume about 2M requests a second and millions of tenants.",
                "Structure: a dict from key to node plus the stream-summary bucket list for constant-time updates.",
                "Alternatives: Count-Min with a heap merges across brokers but needs more memory.",
                "Tests: a Zipf stream against an exact counter, all-unique keys, a single-key stream."));
        assertThat(f.score()).isEqualTo(4);
        assertThat(f.evidence()).startsWith("Assume");
        // one label is not an order
        assertThat(StructureSignal.design(List.of("Note: I would cache the features in Redis with a short TTL.",
                "The ranker reads them on every request.")).score()).isLessThan(3);
    }
}
