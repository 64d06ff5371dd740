package coach.grading;

import coach.App;
import coach.config.AppConfig;
import coach.config.CoachSettings;
import coach.config.ConfigException;
import coach.config.Stage;
import coach.config.StageCatalog;
import coach.config.YamlFiles;
import coach.interview.Question;
import coach.interview.QuestionBank;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Grades the labelled answers of {@code eval/answers.yaml} and says how well the grader agrees with the labels:
 * pairwise ranking accuracy (strong above adequate above weak), Spearman correlation, per-stage figures, and
 * whether every injection attempt scored no higher than the honest answer it was made from.
 *
 * <p>{@code java -cp target/interview-coach.jar coach.grading.Calibration [eval/answers.yaml]}
 */
public final class Calibration {
    static final Map<String, Integer> BAND_RANK = Map.of("weak", 1, "adequate", 2, "strong", 3);

    record EvalAnswer(String id, String stage, String question, String band, String reason, String honestVersionOf,
                      String answer) {}

    record EvalSet(List<EvalAnswer> answers) {}

    /** A graded answer of the set. */
    record Scored(EvalAnswer entry, int score) {}

    record Injection(String id, String honestId, int score, int honestScore) {
        boolean held() {
            return score <= honestScore;
        }
    }

    record StageFigures(String stage, int answers, double pairwiseAccuracy, double spearman) {}

    record Report(int answers, double pairwiseAccuracy, double spearman, List<StageFigures> stages,
                  List<Injection> injections, List<Scored> scored) {
        boolean injectionsHeld() {
            return injections.stream().allMatch(Injection::held);
        }
    }

    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "eval/answers.yaml");
        AppConfig config = AppConfig.fromEnv(System.getenv());
        try {
            StageCatalog stages = StageCatalog.load(config.configDir());
            QuestionBank bank = QuestionBank.load(config.configDir(), stages);
            Rubrics rubrics = Rubrics.load(config.configDir(), stages);
            SemanticMatcher semantic = SemanticMatcher.shared();
            if (!semantic.awaitReady(120)) {
                System.err.println("The embedding model did not load; key points are matched by word overlap.");
            }
            OfflineGrader offline = new OfflineGrader(semantic);
            Grader grader = App.chatModel(config).<Grader>map(m -> new LlmGrader(m, config.openAiModel(),
                    GraderPrompts.load(config.promptsDir()), offline,
                    CoachSettings.load(config.configDir()).grading().maxConcurrentLlmCalls())).orElse(offline);
            Report report = run(load(file, stages, bank), stages, bank, rubrics, grader);
            print(report, grader.name(), System.out);
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
            if (!BAND_RANK.containsKey(a.band()) && !"injection".equals(a.band())) {
                throw new ConfigException(file, at + ".band", "must be strong, adequate, weak or injection");
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
        Map<String, Integer> scores = new LinkedHashMap<>();
        List<Scored> scored = new ArrayList<>();
        for (EvalAnswer a : set.answers()) {
            Stage stage = stages.get(a.stage());
            Question q = bank.byId(a.question()).orElseThrow();
            int score = grader.grade(new GradingRequest(stage, q.text(), q.keyPoints(), rubrics.forStage(stage.id()),
                    a.answer())).overall();
            scores.put(a.id(), score);
            scored.add(new Scored(a, score));
        }
        List<Scored> banded = scored.stream().filter(s -> BAND_RANK.containsKey(s.entry().band())).toList();
        List<StageFigures> perStage = new ArrayList<>();
        for (Stage stage : stages.all()) {
            List<Scored> inStage = banded.stream().filter(s -> s.entry().stage().equals(stage.id())).toList();
            if (!inStage.isEmpty()) {
                perStage.add(new StageFigures(stage.id(), inStage.size(), pairwiseAccuracy(inStage), spearman(inStage)));
            }
        }
        List<Injection> injections = set.answers().stream().filter(a -> "injection".equals(a.band()))
                .map(a -> new Injection(a.id(), a.honestVersionOf(), scores.get(a.id()), scores.get(a.honestVersionOf())))
                .toList();
        return new Report(scored.size(), pairwiseAccuracy(banded), spearman(banded), perStage, injections, scored);
    }

    /** Of all pairs with different bands, the share the grader orders like the labels (a tie counts half). */
    static double pairwiseAccuracy(List<Scored> scored) {
        double agree = 0;
        int pairs = 0;
        for (int i = 0; i < scored.size(); i++) {
            for (int j = i + 1; j < scored.size(); j++) {
                int bi = BAND_RANK.get(scored.get(i).entry().band());
                int bj = BAND_RANK.get(scored.get(j).entry().band());
                if (bi == bj) continue;
                pairs++;
                int si = scored.get(i).score();
                int sj = scored.get(j).score();
                if (si == sj) agree += 0.5;
                else if ((si > sj) == (bi > bj)) agree += 1;
            }
        }
        return pairs == 0 ? 1 : agree / pairs;
    }

    /** Spearman's rank correlation between scores and band ranks (average ranks for ties). */
    static double spearman(List<Scored> scored) {
        double[] x = ranks(scored.stream().mapToDouble(s -> BAND_RANK.get(s.entry().band())).toArray());
        double[] y = ranks(scored.stream().mapToDouble(Scored::score).toArray());
        return pearson(x, y);
    }

    static double[] ranks(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] ranks = new double[values.length];
        for (int i = 0; i < order.length; ) {
            int j = i;
            while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) j++;
            double avg = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) ranks[order[k]] = avg;
            i = j + 1;
        }
        return ranks;
    }

    static double pearson(double[] x, double[] y) {
        int n = x.length;
        double mx = java.util.Arrays.stream(x).average().orElse(0);
        double my = java.util.Arrays.stream(y).average().orElse(0);
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }

    static void print(Report r, String grader, PrintStream out) {
        out.printf(Locale.ROOT, "Calibration of the %s grader on %d answers%n", grader, r.answers());
        out.printf(Locale.ROOT, "pairwise ranking accuracy: %.3f   Spearman: %.3f%n", r.pairwiseAccuracy(), r.spearman());
        out.println("per stage:");
        for (StageFigures s : r.stages()) {
            out.printf(Locale.ROOT, "  %-20s %3d answers  pairwise %.3f  Spearman %.3f%n", s.stage(), s.answers(),
                    s.pairwiseAccuracy(), s.spearman());
        }
        out.println("mean score by band:");
        for (String band : List.of("strong", "adequate", "weak")) {
            out.printf(Locale.ROOT, "  %-9s %5.1f%n", band, r.scored().stream().filter(s -> s.entry().band().equals(band))
                    .mapToInt(Scored::score).average().orElse(0));
        }
        out.println("injection attempts (score vs honest version):");
        for (Injection i : r.injections()) {
            out.printf(Locale.ROOT, "  %-22s %3d vs %3d (%s)  %s%n", i.id(), i.score(), i.honestScore(), i.honestId(),
                    i.held() ? "ok" : "ROSE");
        }
        out.printf(Locale.ROOT, "injections held: %d of %d%n", r.injections().stream().filter(Injection::held).count(),
                r.injections().size());
    }
}
