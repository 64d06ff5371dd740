package coach.grading;

import static org.assertj.core.api.Assertions.assertThat;

import coach.config.StageCatalog;
import coach.interview.Question;
import coach.interview.QuestionBank;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The feedback reads right on every answer of the calibration set: quotes, rationales and the impact rewrite. */
class FeedbackOverCalibrationSetTest {
    static final Path CONFIG = Path.of("config");
    static final StageCatalog STAGES = StageCatalog.load(CONFIG);
    static final QuestionBank BANK = QuestionBank.load(CONFIG, STAGES);
    static final Rubrics RUBRICS = Rubrics.load(CONFIG, STAGES);
    static List<Calibration.Scored> graded;

    @BeforeAll
    static void gradeAll() {
        var set = Calibration.load(Path.of("eval/answers.yaml"), STAGES, BANK);
        graded = Calibration.run(set, STAGES, BANK, RUBRICS, new OfflineGrader(SemanticMatcher.shared(), BANK.topicTexts())).scored();
    }

    @Test
    void everyQuoteIsAWholeSentenceOrCutAtAWordWithAnEllipsis() {
        for (Calibration.Scored s : graded) {
            String answer = Sentences.oneLine(s.entry().answer());
            for (CriterionScore c : s.grade().criteria()) {
                if (c.evidence().isEmpty()) continue;
                if (c.evidence().endsWith("…")) {
                    String head = c.evidence().substring(0, c.evidence().length() - 1);
                    assertThat(answer).as(s.entry().id()).contains(head);
                    int at = answer.indexOf(head) + head.length();
                    assertThat(answer.charAt(at)).as(s.entry().id() + " cut mid-word").isIn(' ', ',', ';', ':', '-', '–');
                } else {
                    assertThat(answer).as(s.entry().id()).contains(c.evidence());
                }
            }
        }
    }

    @Test
    void theRationaleIsTheAnchorOfTheScoreGiven() {
        for (Calibration.Scored s : graded) {
            Rubric rubric = RUBRICS.forStage(s.entry().stage());
            for (CriterionScore c : s.grade().criteria()) {
                assertThat(c.rationale()).as(s.entry().id()).startsWith(rubric.criterion(c.criterionId()).anchor(c.score()));
                assertThat(c.rationale().contains("Not higher")).isEqualTo(c.score() < 5);
            }
        }
    }

    @Test
    void theRewriteHasNoPlaceholdersAndNeverRewritesASentenceThatAlreadyHasItsImpact() {
        for (Calibration.Scored s : graded) {
            String rewrite = s.grade().rewrite();
            // the answer's own sentences are quoted as written (code may hold "kv[1]"); the app's words hold no placeholder
            assertThat(rewrite.replaceAll("“[^”]*”", "")).as(s.entry().id()).doesNotContain("[").doesNotContain("]");
            int open = rewrite.indexOf("Instead of “");
            if (open >= 0) {
                String original = rewrite.substring(open + "Instead of “".length(), rewrite.indexOf('”', open));
                assertThat(Quantities.hasOutcome(original) && Quantities.hasBeforeAfter(original)).as(s.entry().id()).isFalse();
            }
        }
    }

    @Test
    void aConciseStrongAnswerOfTheSetScoresInTheStrongBandMoreOftenThanNot() {
        List<Calibration.Scored> conciseStrong = graded.stream().filter(s -> s.entry().band().equals("strong"))
                .filter(s -> s.words() >= 40 && s.words() <= 90).toList();
        long inBand = conciseStrong.stream().filter(s -> s.score() >= ScoreBand.STRONG.low()).count();
        assertThat(conciseStrong).hasSizeGreaterThan(40);
        assertThat((double) inBand / conciseStrong.size()).isGreaterThan(0.5);
    }

    static Question question(String id) {
        return BANK.byId(id).orElseThrow();
    }
}
