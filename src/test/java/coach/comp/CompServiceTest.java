package coach.comp;

import coach.slack.comp.CompMrkdwn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompServiceTest {
    static final CompService SERVICE = CompService.load(Path.of("config"));

    @Test
    void facade() {
        assertThat(SERVICE.isCompQuestion("what is L4 base in London?")).isTrue();
        assertThat(SERVICE.isCompQuestion("the base image is broken")).isFalse();
        assertThat(CompMrkdwn.render(SERVICE.answer("what is L4 base in London?"))).contains("£82K–£105K");
        assertThat(CompMrkdwn.render(SERVICE.checkOffer("level=L4 region=london base=90k"))).contains("within the London band");
        assertThat(CompMrkdwn.render(SERVICE.help())).contains("Offer check");
        assertThat(CompMrkdwn.render(SERVICE.answer(null))).contains("couldn't tell");
        assertThat(SERVICE.isCompQuestion(null)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        asdf qwerty zxcv                                   | I couldn't tell what you're asking about pay
        ?!?!                                               | I couldn't tell what you're asking about pay
        level=L9                                           | There is no L9 level
        what does an L9 make                               | There is no L9 level
        level=L4 region=mountain-view base=99999999k       | far larger than any USD figure
        level=L4 region=london base=-90k bonus=10%         | amount is negative
        London offer: base £90K and equity $100K           | mixes currencies (GBP and USD)
        """)
    void badInputGetsAClearReplyWithAnExample(String text, String expected) {
        CompReply reply = SERVICE.answer(text);
        assertThat(CompMrkdwn.render(reply)).contains(expected).containsAnyOf("Example: `level=L4", "Try `what is L4 base in London?`");
        assertThat(reply.grounded()).isFalse();
    }

    @Test
    void userTextIsNeverEchoed() {
        String[] hostile = {
            "<!channel> what is L4 base in London?",
            "<@U123ABC> L5 vs L4 & <b>",
            "level=L4 region=<!here> base=190k bonus=15% equity=250k",
            "staff <!everyone> salary in Atlantis",
        };
        for (String text : hostile) {
            for (CompReply reply : List.of(SERVICE.answer(text), SERVICE.checkOffer(text))) {
                assertThat(CompMrkdwn.render(reply)).doesNotContain("<!").doesNotContain("<@").doesNotContain("Atlantis");
            }
        }
    }

    @Test
    void oddInputNeverThrows() {
        String[] odd = {
            "İSTANBUL US salary L4", "💸💸 L5 base? 🤔", "عربى L4 base in London", "9".repeat(400) + "k base L4 London",
            "base=" + "1".repeat(30) + "% bonus", "L99 L0 L00 level 77", "$ £ ₹ % k L", "-----", "base==190k==",
            "l".repeat(5000), "190k " + "base ".repeat(2000), "level=L4 region=mountain-view base=190k bonus=0% equity=0",
        };
        for (String text : odd) {
            assertThat(SERVICE.isCompQuestion(text)).isIn(true, false);
            assertThat(CompMrkdwn.render(SERVICE.answer(text))).isNotBlank();
            assertThat(CompMrkdwn.render(SERVICE.checkOffer(text))).isNotBlank();
        }
        assertThat(CompMrkdwn.render(SERVICE.checkOffer("level=L4 region=mountain-view base=190k bonus=0% equity=0")))
                .contains("*Bonus* 0% of base").contains("*Stock* $0K");
    }

    @Test
    void sharedBetweenThreadsGivesTheSameAnswers() throws Exception {
        List<String> questions = List.of("what is L4 base in London?", "L4 vs L5",
                "I got an L4 offer in Mountain View: 190k base, 15% bonus, 250k RSUs over 4 years",
                "first-year comp in London", "how do I negotiate?", "staff salary in Berlin");
        List<String> expected = questions.stream().map(q -> CompMrkdwn.render(SERVICE.answer(q))).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        int k = i % questions.size();
                        if (!CompMrkdwn.render(SERVICE.answer(questions.get(k))).equals(expected.get(k))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
