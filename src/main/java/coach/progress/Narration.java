package coach.progress;

import coach.grading.Criterion;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A criterion's trend told in a sentence, with what to do next taken from the rubric's anchors: "Quantified customer
 * impact went from 2 to 4 over your last 5 answers. Keep it up." / "Trade-offs has stayed at 2 over your last 5
 * answers: to reach 3, name two or three trade-offs with a reason."
 */
final class Narration {
    private Narration() {}

    static String of(String name, List<Integer> window, Trend trend, Optional<Criterion> criterion, boolean enough) {
        int from = window.get(0);
        int to = window.get(window.size() - 1);
        String over = "over your last " + window.size() + (window.size() == 1 ? " answer" : " answers");
        if (!enough) {
            return name + ": " + to + "/5 so far; a trend needs " + ProgressService.MIN_FOR_TREND + " answers.";
        }
        return switch (trend) {
            case IMPROVING -> name + " went from " + from + " to " + to + " " + over + ". Keep doing what changed.";
            case DECLINING -> name + " fell from " + from + " to " + to + " " + over + next(criterion, from, "to get back to ");
            case AT_CEILING -> name + " has stayed at " + to + " or above " + over + ": a strength.";
            case FLAT -> name + " has stayed at " + to + " " + over + next(criterion, Math.min(5, to + 1), "to reach ");
        };
    }

    private static String next(Optional<Criterion> criterion, int level, String lead) {
        return criterion.map(c -> ": " + lead + level + ", " + lowerFirst(c.anchor(level)))
                .map(s -> s.endsWith(".") ? s : s + ".").orElse(".");
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }
}
