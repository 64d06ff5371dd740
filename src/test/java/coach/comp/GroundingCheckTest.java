package coach.comp;

import static org.assertj.core.api.Assertions.assertThat;

import coach.comp.GroundingCheck.Figure;
import coach.comp.GroundingCheck.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GroundingCheckTest {
    static final GroundingCheck CHECK = CompAnswererTest.GROUNDING;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        190k          | 190000   | MONEY   |
        $190K         | 190000   | MONEY   | USD
        £82K          | 82000    | MONEY   | GBP
        ₹52L          | 5200000  | MONEY   | INR
        52 lakh       | 5200000  | MONEY   | INR
        $190,000      | 190000   | MONEY   | USD
        15%           | 15       | PERCENT |
        4 years       | 4        | PLAIN   |
        June 2026     | 2026     | PLAIN   |
        1,000         | 1000     | PLAIN   |
        $1.2M         | 1200000  | MONEY   | USD
        190 USD       | 190      | MONEY   | USD
        """)
    void readsNumbersWithCurrencyAndUnit(String text, double value, Kind kind, String currency) {
        List<Figure> figures = GroundingCheck.extract(text);
        assertThat(figures).hasSize(1);
        assertThat(figures.get(0).value()).isEqualTo(value);
        assertThat(figures.get(0).kind()).isEqualTo(kind);
        assertThat(figures.get(0).currency()).isEqualTo(currency);
    }

    @Test
    void rangesGiveBothEndsTheirUnit() {
        assertThat(GroundingCheck.extract("15–25%")).extracting(Figure::value, Figure::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(15.0, Kind.PERCENT),
                        org.assertj.core.groups.Tuple.tuple(25.0, Kind.PERCENT));
        assertThat(GroundingCheck.extract("$300K-340K")).extracting(Figure::value, Figure::currency)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(300_000.0, "USD"),
                        org.assertj.core.groups.Tuple.tuple(340_000.0, "USD"));
        assertThat(GroundingCheck.extract("₹52–78L")).extracting(Figure::value)
                .containsExactly(5_200_000.0, 7_800_000.0);
        assertThat(GroundingCheck.extract("L4 and Q1\n1. item")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "L4 base is $190k in the US; the London band is £82K–£105K.",
        "Bangalore total comp: ₹65L to ₹102L; bonus 10-15%.",
        "Mountain View stock $220K–$365K over 4 years, about $91K a year.",
        "The agentic AI premium is 15–25%; accept at $320K+ with a 15% bonus.",
        "Time to offer: 37 days vs the 49-day median (2025-2026 data, June 2026, CPI = 104.1).",
        "L5 earns $50k more base than L4 ($240k vs $190k).",
        "Push for 30% more: $220K + 30% × $220K = $286K.",
        "First year: £82K + 10% × £82K + £90K ÷ 4 = £112.7K.",
        "Base in the Bay Area: $190k + 12% × $190k = $212.8k.",
        "Low end a year: $188,000 + $18,800 + $55,000 = $261,800.",
    })
    void groundedTexts(String text) {
        GroundingCheck.Result result = CHECK.check(text);
        assertThat(result.ungrounded()).as(text).isEmpty();
        assertThat(result.grounded()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        L4 base in London is about £95K.                         | £95K
        The London band is $82K–$105K.                           | $82K
        Mountain View base tops out at $233K.                    | $233K
        L5 base is $240k, so $240k − $190k = $57k.               | $57k
        Expect a 35–40% premium.                                 | 35
        Offers come in about 21 days.                            | 21
        Stock is $220K ÷ 4 = $60K a year.                        | $60K
        Equity of 1,000 shares.                                  | 1,000
        """)
    void inventedFiguresAreCaught(String text, String invented) {
        GroundingCheck.Result result = CHECK.check(text);
        assertThat(result.grounded()).as(text).isFalse();
        assertThat(result.ungrounded()).as(text).contains(invented);
    }

    @Test
    void factsCountAsGrounded() {
        String facts = "*Base* $205K: within the Mountain View band $188K–$232K (39% of the way up the range)";
        assertThat(CHECK.check("Your $205K base sits 39% up the Mountain View range ($188K–$232K).", facts).grounded())
                .isTrue();
        assertThat(CHECK.check("Your $205K base sits 45% up the range.", facts).ungrounded()).containsExactly("45%");
    }
}
