package coach.grading;

import java.util.Comparator;
import java.util.List;

/** A stage's published rubric. Weights sum to 1; quantified customer impact weighs most. */
public record Rubric(String stageId, List<Criterion> criteria) {
    public static final String IMPACT_ID = "customer-impact";

    public Criterion heaviest() {
        return criteria.stream().max(Comparator.comparingDouble(Criterion::weight)).orElseThrow();
    }

    public Criterion criterion(String id) {
        return criteria.stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no criterion " + id + " in " + stageId));
    }
}
