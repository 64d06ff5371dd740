package coach.grading;

import java.util.Map;

/** One weighted rubric criterion with its 1–5 anchors (what an answer at each level shows). */
public record Criterion(String id, String name, double weight, Signal signal, String description, Map<Integer, String> anchors) {
    public String anchor(int score) {
        return anchors.getOrDefault(score, "");
    }
}
