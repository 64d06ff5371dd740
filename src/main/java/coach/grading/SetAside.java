package coach.grading;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Sentences of substance that earned nothing for a criterion, and why: read as not about the question, or waving a
 * concern away ({@link AnswerText#wavedAway()}). A detector names the first that holds what it looks for, so its reason
 * never says the answer lacks what such a sentence holds, and says why it did not count.
 */
record SetAside(List<String> offTopic, List<String> wavedAway) {
    SetAside {
        offTopic = List.copyOf(offTopic);
        wavedAway = List.copyOf(wavedAway);
    }

    /** The first sentence that {@code holds} what a detector looks for: off-topic ones first. */
    Optional<String> first(Predicate<String> holds) {
        return Stream.concat(offTopic.stream(), wavedAway.stream()).filter(holds).findFirst();
    }

    boolean wavesAway(String sentence) {
        return wavedAway.contains(sentence);
    }
}
