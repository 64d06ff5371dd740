package coach.progress;

import coach.config.Stage;
import coach.grading.Criterion;
import coach.grading.Rubrics;
import coach.grading.Signal;
import coach.interview.Learner;
import coach.interview.Question;
import coach.interview.QuestionPreference;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Prefers the questions that exercise a learner's weakest criterion in a stage: a question whose key points ask for
 * trade-offs when trade-offs is weakest, for complexity, tests and edge cases when depth (or coding's complexity) is.
 * Quantified impact and coverage are asked for by every question, so they set no preference.
 */
public final class WeaknessFocus implements QuestionPreference {
    private static final Map<Signal, Pattern> EXERCISES = new EnumMap<>(Map.of(
            Signal.TRADEOFFS, Pattern.compile("trade-?off|versus|\\bvs\\b|compar|cost|fail|fallback|degrad|risk|"
                    + "decid|instead|given up|alternative", Pattern.CASE_INSENSITIVE),
            Signal.DEPTH, Pattern.compile("complexity|edge case|test|measur|parameter|tun|threshold|window|budget|"
                    + "specific|technolog", Pattern.CASE_INSENSITIVE),
            Signal.COMPLEXITY, Pattern.compile("complexity|edge case|test|O\\(", Pattern.CASE_INSENSITIVE),
            Signal.STRUCTURE, Pattern.compile("STAR|situation|step|walk", Pattern.CASE_INSENSITIVE)));
    private final BiFunction<Learner, String, Map<String, Double>> averages;
    private final Rubrics rubrics;

    /** @param averages a learner's average score per criterion in a stage (grading's stored scores) */
    public WeaknessFocus(BiFunction<Learner, String, Map<String, Double>> averages, Rubrics rubrics) {
        this.averages = averages;
        this.rubrics = rubrics;
    }

    @Override
    public Predicate<Question> prefer(Learner who, Stage stage) {
        Optional<Pattern> exercise = weakestSignal(averages.apply(who, stage.id()), stage).map(EXERCISES::get);
        return q -> exercise.isPresent() && q.keyPoints().stream().anyMatch(k -> exercise.get().matcher(k).find());
    }

    /** The signal of the learner's lowest-averaging criterion in this stage, if they have answered it before. */
    Optional<Signal> weakestSignal(Map<String, Double> averages, Stage stage) {
        return averages.entrySet().stream().min(Map.Entry.comparingByValue())
                .flatMap(e -> rubrics.forStage(stage.id()).criteria().stream()
                        .filter(c -> c.id().equals(e.getKey())).findFirst()).map(Criterion::signal);
    }
}
