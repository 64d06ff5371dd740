package coach.comp;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The one /comp grammar shared by Slack and the console. */
class CompCommandTest {
    static final CompService SERVICE = CompAnswererTest.SERVICE;

    @Test
    void everyForm() {
        assertThat(CompCommand.parse(null)).isEqualTo(new CompCommand.Help());
        assertThat(CompCommand.parse("  ")).isEqualTo(new CompCommand.Help());
        assertThat(CompCommand.parse("HELP")).isEqualTo(new CompCommand.Help());
        assertThat(CompCommand.parse("?")).isEqualTo(new CompCommand.Help());
        assertThat(CompCommand.parse("watch")).isEqualTo(new CompCommand.Watch(true));
        assertThat(CompCommand.parse("Unwatch")).isEqualTo(new CompCommand.Watch(false));
        assertThat(CompCommand.parse("offer  level=L4 base=190k")).isEqualTo(new CompCommand.Offer("level=L4 base=190k"));
        assertThat(CompCommand.parse("offer")).isEqualTo(new CompCommand.Offer(""));
        assertThat(CompCommand.parse(" what is L4 base? ")).isEqualTo(new CompCommand.Ask("what is L4 base?"));
    }

    @Test
    void theServiceAnswersEachForm() {
        assertThat(SERVICE.reply(CompCommand.parse("help"))).isEqualTo(SERVICE.help());
        assertThat(SERVICE.reply(CompCommand.parse("offer level=L4 region=london base=90k")))
                .isEqualTo(SERVICE.checkOffer("level=L4 region=london base=90k"));
        assertThat(SERVICE.reply(CompCommand.parse("L4 vs L5"))).isEqualTo(SERVICE.answer("L4 vs L5"));
        assertThat(SERVICE.reply(CompCommand.parse("asdf")).facts()).contains("couldn't tell");
    }

    @Property(tries = 500)
    void parsingAndAnsweringNeverThrow(@ForAll String text) {
        CompCommand command = CompCommand.parse(text);
        assertThat(command).isNotNull();
        assertThat(SERVICE.reply(command).facts()).isNotBlank();
    }

    @Property(tries = 300)
    void keywordsWinOnlyAsTheFirstWord(@ForAll String rest) {
        assertThat(CompCommand.parse("offer " + rest)).isInstanceOf(CompCommand.Offer.class);
    }
}
