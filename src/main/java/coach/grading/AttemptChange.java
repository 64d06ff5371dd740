package coach.grading;

import java.util.ArrayList;
import java.util.List;

/**
 * How a new attempt at a question compares with the previous one, criterion by criterion and overall:
 * "Quantified customer impact 2 → 4 · Trade-offs 3 → 3 · overall 38 → 61".
 */
public record AttemptChange(int attempt, List<Step> criteria, int overallBefore, int overallAfter) {
    /** One criterion's score before and after. */
    public record Step(String name, int before, int after) {
        public boolean changed() {
            return before != after;
        }
    }

    public static java.util.Optional<AttemptChange> of(GradedAnswer graded) {
        return graded.previousAttempt().map(previous -> {
            List<Step> steps = new ArrayList<>();
            for (CriterionScore now : graded.grade().criteria()) {
                previous.criteria().stream().filter(c -> c.criterionId().equals(now.criterionId())).findFirst()
                        .ifPresent(before -> steps.add(new Step(now.name(), before.score(), now.score())));
            }
            return new AttemptChange(graded.attempt(), steps, previous.overall(), graded.grade().overall());
        });
    }

    /** "Quantified customer impact 2 → 4 · overall 38 → 61" (unchanged criteria are summed up, not listed). */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        int unchanged = 0;
        for (Step s : criteria) {
            if (!s.changed()) {
                unchanged++;
                continue;
            }
            sb.append(s.name()).append(' ').append(s.before()).append(" → ").append(s.after()).append(" · ");
        }
        sb.append("overall ").append(overallBefore).append(" → ").append(overallAfter);
        if (unchanged > 0) {
            sb.append(" (").append(unchanged).append(unchanged == 1 ? " criterion" : " criteria").append(" unchanged)");
        }
        return sb.toString();
    }
}
