package coach.interview;

import static org.assertj.core.api.Assertions.assertThat;

import coach.config.StageCatalog;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one /mock grammar both adapters use. */
class MockCommandTest {
    static final StageCatalog STAGES = StageCatalog.load(Path.of("config"));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|Pick", "help|Help", "?|Help", "rubric sd|Rubric", "done|Done", "finish|Done", "end|Done",
            "sd|Start", "System-Design|Start", "behavioral|Start", "retry|Retry", "stats|Stats", "progress|Stats",
            "review|Review", "export|Export", "forget-me|ForgetMe", "team join|Team", "sytem|Unknown", "  |Pick"})
    void everyFormIsRecognised(String text, String kind) {
        assertThat(MockCommand.parse(text, STAGES).getClass().getSimpleName()).isEqualTo(kind);
    }

    @ParameterizedTest
    @CsvSource({"sytem, system-design", "codng, coding", "leadershp, leadership-culture"})
    void aTypoSuggestsTheClosestStage(String typed, String closest) {
        assertThat(MockCommand.parse(typed, STAGES)).isInstanceOfSatisfying(MockCommand.Unknown.class,
                u -> assertThat(u.closest().id()).isEqualTo(closest));
    }

    @ParameterizedTest
    @CsvSource({"rubric, false", "rubric nope, false", "rubric ml, true"})
    void rubricNamesItsStageOrSaysItDoesNot(String text, boolean named) {
        assertThat(MockCommand.parse(text, STAGES)).isInstanceOfSatisfying(MockCommand.Rubric.class,
                r -> assertThat(r.stage().isPresent()).isEqualTo(named));
    }

    @Property(tries = 500)
    void anyTextParsesWithoutThrowing(@ForAll String text) {
        assertThat(MockCommand.parse(text, STAGES)).isNotNull();
    }
}
