package coach.practice;

import static org.assertj.core.api.Assertions.assertThat;

import coach.config.StageCatalog;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PracticeCommandTest {
    static final StageCatalog STAGES = StageCatalog.load(Path.of("config"));
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    static PracticeCommand parse(String text) {
        return PracticeCommand.parse(text, STAGES, TODAY);
    }

    @Test
    void theDocumentedSubscription() {
        assertThat(parse("daily 09:00 weekdays mix")).isEqualTo(new PracticeCommand.Subscribe(false, LocalTime.of(9, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), "mix"));
    }

    @ParameterizedTest
    @CsvSource({"09:00,09:00", "9:00,09:00", "9am,09:00", "9:30pm,21:30", "12am,00:00", "12pm,12:00", "21:05,21:05"})
    void timesIn24hOrAmPm(String typed, String expected) {
        assertThat(PracticeCommand.time(typed)).isEqualTo(LocalTime.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({"25:00", "9:75", "13pm", "nine", "9", "0am"})
    void impossibleTimesAreRefusedWithAnExample(String typed) {
        assertThat(PracticeCommand.time(typed)).isNull();
        assertThat(parse("daily " + typed)).isInstanceOfSatisfying(PracticeCommand.Invalid.class,
                i -> assertThat(i.message()).contains("/practice daily 09:00 weekdays mix"));
    }

    @Test
    void daysStagesAndAliases() {
        assertThat(parse("daily 7am mon,wed,fri sd")).isEqualTo(new PracticeCommand.Subscribe(false, LocalTime.of(7, 0),
                EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), "system-design"));
        assertThat(parse("daily 18:00 everyday coding")).isEqualTo(new PracticeCommand.Subscribe(false, LocalTime.of(18, 0),
                EnumSet.allOf(DayOfWeek.class), "coding"));
        assertThat(parse("channel daily 10:00 ml")).isEqualTo(new PracticeCommand.Subscribe(true, LocalTime.of(10, 0),
                EnumSet.allOf(DayOfWeek.class), "ml-deep-dive"));
    }

    @Test
    void unknownDaysStagesAndWordsAreNamed() {
        assertThat(((PracticeCommand.Invalid) parse("daily 09:00 someday")).message()).contains("`someday`", "weekdays", "system-design");
        assertThat(((PracticeCommand.Invalid) parse("daily 09:00 weekdays cooking")).message()).contains("`cooking`");
        assertThat(((PracticeCommand.Invalid) parse("channel daily 10:00")).message()).contains("Which stage");
        assertThat(((PracticeCommand.Invalid) parse("sometimes")).message()).contains("/practice daily 09:00 weekdays mix");
    }

    @Test
    void pauses() {
        assertThat(parse("pause until 2026-12-01")).isEqualTo(new PracticeCommand.Pause(LocalDate.of(2026, 12, 1)));
        assertThat(parse("pause 7d")).isEqualTo(new PracticeCommand.Pause(TODAY.plusDays(7)));
        assertThat(parse("pause 2w")).isEqualTo(new PracticeCommand.Pause(TODAY.plusWeeks(2)));
        assertThat(((PracticeCommand.Invalid) parse("pause until 2026-11-01")).message()).contains("not in the future", "2026-11-23");
        assertThat(((PracticeCommand.Invalid) parse("pause until tomorrowish")).message()).contains("pause 7d");
        assertThat(parse("status")).isInstanceOf(PracticeCommand.Status.class);
        assertThat(parse("")).isInstanceOf(PracticeCommand.Help.class);
    }
}
