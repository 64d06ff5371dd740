package coach.progress;

import coach.config.Stage;
import coach.grading.Criterion;
import coach.grading.GradeRepository.Scored;
import coach.grading.Rubrics;
import java.util.function.Function;
import coach.grading.Signal;
import coach.interview.Learner;
import coach.interview.Question;
import coach.interview.QuestionPreference;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Prefers the questions that exercise a learner's weakest criterion in a stage: a question whose key points ask for
 * trade-offs when trade-offs is weakest, for complexity, tests and edge cases when depth is. Quantified impact and
 * coverage are asked for by every question, so they set no preference.
 */
public final class WeaknessFocus implements QuestionPreference {
    private static final Map<Signal, Pattern> EXERCISES = new EnumMap<>(Map.of(
            Signal.TRADEOFFS, Pattern.compile("trade-?off|versus|\\bvs\\b|compar|cost|fail|fallback|degrad|risk|"
                    + "decid|instead|given up|alternative", Pattern.CASE_INSENSITIVE),
            Signal.DEPTH, Pattern.compile("complexity|edge case|test|measur|parameter|tun|threshold|window|budget|"
                    + "specific|technolog", Pattern.CASE_INSENSITIVE),
            Signal.STRUCTURE, Pattern.compile("STAR|situation|step|walk", Pattern.CASE_INSENSITIVE)));
    private final Function<Learner, List<Scored>> history;
    private final Rubrics rubrics;

    /** @param history a learner's graded answers (grading's stored scores), oldest first */
    public WeaknessFocus(Function<Learner, List<Scored>> history, Rubrics rubrics) {
        this.history = history;
        this.rubrics = rubrics;
    }

    @Override
    public Predicate<Question> prefer(Learner who, Stage stage) {
        Optional<Pattern> exercise = weakestSignal(history.apply(who), stage).map(EXERCISES::get);
        return q -> exercise.isPresent() && q.keyPoints().stream().anyMatch(k -> exercise.get().matcher(k).find());
    }

    /** The signal of the learner's lowest-averaging criterion in this stage, if they have answered it before. */
    Optional<Signal> weakestSignal(List<Scored> history, Stage stage) {
        Map<String, int[]> sums = new HashMap<>();
        history.stream().filter(s -> s.stageId().equals(stage.id())).forEach(s -> s.criteria().forEach((id, score) -> {
            int[] sum = sums.computeIfAbsent(id, k -> new int[2]);
            sum[0] += score;
            sum[1]++;
        }));
        return sums.entrySet().stream().min(Map.Entry.comparingByValue(
                        java.util.Comparator.comparingDouble(v -> (double) v[0] / v[1])))
                .flatMap(e -> rubrics.forStage(stage.id()).criteria().stream()
                        .filter(c -> c.id().equals(e.getKey())).findFirst()).map(Criterion::signal);
    }
}
