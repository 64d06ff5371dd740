package coach.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import coach.config.ConfigException;
import coach.config.StageCatalog;
import coach.interview.QuestionBank;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationTest {
    static final Path CONFIG = Path.of("config");
    static final StageCatalog STAGES = StageCatalog.load(CONFIG);
    static final QuestionBank BANK = QuestionBank.load(CONFIG, STAGES);
    static final Rubrics RUBRICS = Rubrics.load(CONFIG, STAGES);

    static CalibrationMetrics.Point scored(String band, int score) {
        return new CalibrationMetrics.Point(band, score, 60);
    }

    @Test
    void pairwiseAccuracyAndSpearmanOnKnownScores() {
        var perfect = List.of(scored("weak", 10), scored("adequate", 40), scored("strong", 80), scored("strong", 90));
        assertThat(CalibrationMetrics.pairwiseAccuracy(perfect)).isEqualTo(1.0);
        assertThat(CalibrationMetrics.spearman(perfect)).isCloseTo(0.949, within(0.001));
        var oneSwap = List.of(scored("weak", 50), scored("adequate", 40), scored("strong", 80));
        assertThat(CalibrationMetrics.pairwiseAccuracy(oneSwap)).isCloseTo(2.0 / 3, within(1e-9));
        var tie = List.of(scored("weak", 40), scored("strong", 40));
        assertThat(CalibrationMetrics.pairwiseAccuracy(tie)).isEqualTo(0.5);
    }

    @Test
    void theFixtureIsGradedAndInjectionsAreCompared() {
        var set = Calibration.load(Path.of("src/test/resources/eval/fixture.yaml"), STAGES, BANK);
        var report = Calibration.run(set, STAGES, BANK, RUBRICS, new OfflineGrader());
        assertThat(report.scored()).hasSize(3);
        assertThat(report.figures(report.labelled("all")).pairwise()).isEqualTo(1.0);
        assertThat(report.injections()).hasSize(1);
        assertThat(report.injectionsHeld()).isTrue();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CalibrationPrinter.print(report, "offline", STAGES, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("pairwise 1.000", "injections held: 1 of 1",
                "system-design");
    }

    @Test
    void aBrokenEvalFileIsNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("answers.yaml");
        Files.writeString(file, """
                answers:
                  - id: x
                    stage: system-design
                    question: no-such-question
                    band: strong
                    reason: r
                    answer: a
                """);
        assertThatThrownBy(() -> Calibration.load(file, STAGES, BANK)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("answers[0].question").hasMessageContaining("no-such-question");
    }

    /**
     * The regression guard on the real calibration set, on the held-out split (never tuned on): the figures measured
     * when the thresholds were last set, less a small tolerance, and every gaming attempt held.
     */
    @Test
    void theOfflineGraderAgreesWithTheCalibrationSet() {
        Path file = Path.of("eval/answers.yaml");
        SemanticMatcher semantic = SemanticMatcher.shared();
        assertThat(semantic.awaitReady(120)).isTrue();
        var report = Calibration.run(Calibration.load(file, STAGES, BANK), STAGES, BANK, RUBRICS, new OfflineGrader(semantic, BANK.topicTexts()));
        CalibrationPrinter.print(report, "offline", STAGES, System.out);
        assertThat(report.scored()).hasSizeGreaterThanOrEqualTo(640);
        assertThat(report.labelled(Calibration.HOLDOUT)).hasSizeGreaterThanOrEqualTo(198);
        var heldOut = report.figures(report.labelled(Calibration.HOLDOUT));
        assertThat(heldOut.pairwise()).isGreaterThanOrEqualTo(0.91);
        assertThat(heldOut.bandAgreement()).isGreaterThanOrEqualTo(0.69);
        assertThat(heldOut.meanByLabel().get("strong")).isGreaterThanOrEqualTo(71);
        assertThat(heldOut.meanByLabel().get("strong")).isGreaterThan(heldOut.meanByLabel().get("adequate") + 15);
        assertThat(heldOut.meanByLabel().get("adequate")).isGreaterThan(heldOut.meanByLabel().get("weak") + 8);
        assertThat(report.injectionsHeld()).isTrue();
    }
}
