package coach.grading;

import coach.config.AppConfig;
import coach.config.CoachSettings;
import coach.config.ConfigException;
import coach.config.Stage;
import coach.config.StageCatalog;
import coach.config.YamlFiles;
import coach.interview.Question;
import coach.interview.QuestionBank;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Grades the labelled answers of {@code eval/answers.yaml} and says how well the grader agrees with the labels, on
 * the tuning split, on the held-out split (entries marked {@code split: holdout}, never tuned on) and on both:
 * pairwise ranking accuracy, Spearman, band agreement and mean distance to the label's band, overall, per stage and
 * per length; mean score per label; and whether every gaming attempt scored no higher than its honest version.
 *
 * <p>{@code java -cp target/interview-coach.jar coach.grading.Calibration [eval/answers.yaml] [--details]}
 */
public final class Calibration {
    static final String HOLDOUT = "holdout";

    record EvalAnswer(String id, String stage, String question, String band, String reason, String honestVersionOf,
                      String answer, String split) {
        boolean holdout() {
            return HOLDOUT.equals(split);
        }
    }

    record EvalSet(List<EvalAnswer> answers) {}

    /** A graded answer of the set. */
    record Scored(EvalAnswer entry, Grade grade) {
        int score() {
            return grade.overall();
        }

        int words() {
            return Sentences.words(entry.answer()).size();
        }

        CalibrationMetrics.Point point() {
            return new CalibrationMetrics.Point(entry.band(), score(), words());
        }
    }

    record Injection(String id, String honestId, int score, int honestScore) {
        boolean held() {
            return score <= honestScore;
        }
    }

    record Report(List<Scored> scored, List<Injection> injections) {
        boolean injectionsHeld() {
            return injections.stream().allMatch(Injection::held);
        }

        /** The labelled (non-injection) answers of a split: "tune", "holdout" or "all". */
        List<Scored> labelled(String split) {
            return scored.stream().filter(s -> CalibrationMetrics.BAND_RANK.containsKey(s.entry().band()))
                    .filter(s -> split.equals("all") || (split.equals(HOLDOUT) == s.entry().holdout()))
                    .toList();
        }

        CalibrationMetrics.Figures figures(List<Scored> part) {
            return CalibrationMetrics.of(part.stream().map(Scored::point).toList());
        }
    }

    public static void main(String[] args) {
        List<String> rest = new ArrayList<>(List.of(args));
        boolean details = rest.remove("--details");
        Path file = Path.of(rest.isEmpty() ? "eval/answers.yaml" : rest.get(0));
        AppConfig config = AppConfig.fromEnv(System.getenv());
        try {
            StageCatalog stages = StageCatalog.load(config.configDir());
            QuestionBank bank = QuestionBank.load(config.configDir(), stages);
            Rubrics rubrics = Rubrics.load(config.configDir(), stages);
            SemanticMatcher semantic = SemanticMatcher.shared();
            if (!semantic.awaitReady(120)) {
                System.err.println("The embedding model did not load; key points are matched by word overlap.");
            }
            OfflineGrader offline = new OfflineGrader(semantic, bank.topicTexts());
            Grader grader = ChatModels.fromConfig(config).<Grader>map(m -> new LlmGrader(m, config.openAiModel(),
                    GraderPrompts.load(config.promptsDir()), offline,
                    CoachSettings.load(config.configDir()).grading().maxConcurrentLlmCalls())).orElse(offline);
            Report report = run(load(file, stages, bank), stages, bank, rubrics, grader);
            CalibrationPrinter.print(report, grader.name(), stages, System.out);
            if (details) CalibrationPrinter.details(report, System.out);
            System.exit(report.injectionsHeld() ? 0 : 1);
        } catch (ConfigException e) {
            System.err.println("Calibration cannot run: " + e.getMessage());
            System.exit(2);
        }
    }

    static EvalSet load(Path file, StageCatalog stages, QuestionBank bank) {
        EvalSet set = YamlFiles.read(file, EvalSet.class);
        if (set.answers() == null || set.answers().isEmpty()) {
            throw new ConfigException(file, "answers", "no answers to grade");
        }
        Map<String, EvalAnswer> byId = new HashMap<>();
        for (int i = 0; i < set.answers().size(); i++) {
            EvalAnswer a = set.answers().get(i);
            String at = "answers[" + i + "]";
            if (a.id() == null || byId.put(a.id(), a) != null) {
                throw new ConfigException(file, at + ".id", "missing or used twice");
            }
            if (stages.find(a.stage()).isEmpty()) {
                throw new ConfigException(file, at + ".stage", "unknown stage '" + a.stage() + "'");
            }
            if (bank.byId(a.question()).isEmpty()) {
                throw new ConfigException(file, at + ".question", "unknown question '" + a.question() + "'");
            }
            if (!CalibrationMetrics.BAND_RANK.containsKey(a.band()) && !"injection".equals(a.band())) {
                throw new ConfigException(file, at + ".band", "must be strong, adequate, weak or injection");
            }
            if (a.split() != null && !Set.of("tune", HOLDOUT).contains(a.split())) {
                throw new ConfigException(file, at + ".split", "must be tune or holdout (or absent, meaning tune)");
            }
            if (a.answer() == null || a.answer().isBlank()) {
                throw new ConfigException(file, at + ".answer", "is empty");
            }
        }
        for (int i = 0; i < set.answers().size(); i++) {
            EvalAnswer a = set.answers().get(i);
            if ("injection".equals(a.band())) {
                EvalAnswer honest = a.honestVersionOf() == null ? null : byId.get(a.honestVersionOf());
                if (honest == null || "injection".equals(honest.band())) {
                    throw new ConfigException(file, "answers[" + i + "].honest_version_of",
                            "an injection entry names the honest entry it was made from");
                }
            }
        }
        return set;
    }

    static Report run(EvalSet set, StageCatalog stages, QuestionBank bank, Rubrics rubrics, Grader grader) {
        Map<String, Integer> scores = new HashMap<>();
        List<Scored> scored = new ArrayList<>();
        for (EvalAnswer a : set.answers()) {
            Stage stage = stages.get(a.stage());
            Question q = bank.byId(a.question()).orElseThrow();
            Grade grade = grader.grade(new GradingRequest(stage, q.text(), q.keyPoints(), rubrics.forStage(stage.id()),
                    a.answer()));
            scores.put(a.id(), grade.overall());
            scored.add(new Scored(a, grade));
        }
        List<Injection> injections = set.answers().stream().filter(a -> "injection".equals(a.band()))
                .map(a -> new Injection(a.id(), a.honestVersionOf(), scores.get(a.id()), scores.get(a.honestVersionOf())))
                .toList();
        return new Report(scored, injections);
    }
}
