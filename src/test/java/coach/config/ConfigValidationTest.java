package coach.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coach.grading.Rubrics;
import coach.interview.QuestionBank;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped config loads; a broken file stops start-up naming the file, the field and the reason. */
class ConfigValidationTest {
    static final Path CONFIG = Path.of("config");

    @TempDir
    Path dir;

    @Test
    void shippedConfigIsValid() {
        StageCatalog stages = StageCatalog.load(CONFIG);
        assertThat(stages.all()).extracting(Stage::id).containsExactly("recruiter-screen", "system-design", "coding",
                "ml-deep-dive", "architecture-case", "leadership-culture");
        assertThat(stages.all()).extracting(Stage::durationMinutes).containsExactly(30, 45, 60, 90, 60, 45);
        QuestionBank bank = QuestionBank.load(CONFIG, stages);
        stages.all().forEach(s -> assertThat(bank.forStage(s.id())).hasSizeGreaterThanOrEqualTo(12));
        Rubrics rubrics = Rubrics.load(CONFIG, stages);
        stages.all().forEach(s -> assertThat(rubrics.forStage(s.id()).heaviest().id()).isEqualTo("customer-impact"));
    }

    @Test
    void aliasesAndClosestMatch() {
        StageCatalog stages = StageCatalog.load(CONFIG);
        assertThat(stages.find("SD")).map(Stage::id).contains("system-design");
        assertThat(stages.find("behavioral")).map(Stage::id).contains("leadership-culture");
        assertThat(stages.find("arch")).map(Stage::id).contains("architecture-case");
        assertThat(stages.find("nope")).isEmpty();
        assertThat(stages.closest("sytem-desing").id()).isEqualTo("system-design");
        assertThat(stages.closest("lead").id()).isEqualTo("leadership-culture");
    }

    Path copyConfig() throws IOException {
        return coach.testing.TestApps.copyConfig(dir);
    }

    void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
    }

    @Test
    void rubricWeightsMustSumToOne() throws IOException {
        Path cfg = copyConfig();
        Path rubric = cfg.resolve("rubrics/coding.yaml");
        String text = Files.readString(rubric);
        Files.writeString(rubric, text.replaceFirst("weight: 0\\.(\\d+)", "weight: 0.9$1"));
        StageCatalog stages = StageCatalog.load(cfg);
        assertThatThrownBy(() -> Rubrics.load(cfg, stages))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rubrics/coding.yaml")
                .hasMessageContaining("weight")
                .hasMessageContaining("add up to");
    }

    @Test
    void rubricAnchorsMustBeComplete() throws IOException {
        Path cfg = copyConfig();
        Path rubric = cfg.resolve("rubrics/system-design.yaml");
        String text = Files.readString(rubric);
        Files.writeString(rubric, text.replaceFirst("(?m)^(\\s+)3:", "$1 7:"));
        StageCatalog stages = StageCatalog.load(cfg);
        assertThatThrownBy(() -> Rubrics.load(cfg, stages))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("system-design.yaml")
                .hasMessageContaining("anchors");
    }

    @Test
    void unknownFieldInStagesIsNamed() throws IOException {
        Path cfg = copyConfig();
        replace(cfg.resolve("stages.yaml"), "duration_minutes: 45", "duraton_minutes: 45");
        assertThatThrownBy(() -> StageCatalog.load(cfg))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("stages.yaml")
                .hasMessageContaining("duraton_minutes");
    }

    @Test
    void questionWithoutKeyPointsIsRejected() throws IOException {
        Path cfg = copyConfig();
        Path file = cfg.resolve("questions/coding.yaml");
        String text = Files.readString(file);
        Files.writeString(file, text.replaceFirst("key_points:", "key_points_missing:"));
        StageCatalog stages = StageCatalog.load(cfg);
        assertThatThrownBy(() -> QuestionBank.load(cfg, stages))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("questions/coding.yaml");
    }

    @Test
    void brokenYamlIsReportedWithTheFile() throws IOException {
        Path cfg = copyConfig();
        Files.writeString(cfg.resolve("stages.yaml"), "stages: [ {id: x, name: \n");
        assertThatThrownBy(() -> StageCatalog.load(cfg))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("stages.yaml");
    }

    @Test
    void recoveryPromisesStayWithin30Seconds() throws IOException {
        assertThat(CoachSettings.load(CONFIG).jobs()).isEqualTo(new CoachSettings.Jobs(5, 4));
        Path cfg = copyConfig();
        replace(cfg.resolve("coach.yaml"), "heartbeat_seconds: 5", "heartbeat_seconds: 10");
        assertThatThrownBy(() -> CoachSettings.load(cfg)).hasMessageContaining("coach.yaml")
                .hasMessageContaining("jobs").hasMessageContaining("at most 30 s");
        replace(cfg.resolve("coach.yaml"), "report_order_wait_seconds: 30", "report_order_wait_seconds: 600");
        assertThatThrownBy(() -> CoachSettings.load(cfg)).hasMessageContaining("report_order_wait_seconds");
    }
}
