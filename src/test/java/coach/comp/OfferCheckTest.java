package coach.comp;

import coach.slack.comp.CompMrkdwn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OfferCheckTest {
    static final CompService SERVICE = CompAnswererTest.SERVICE;
    static final GroundingCheck GROUNDING = CompAnswererTest.GROUNDING;
    static final String NOT_ADVICE = "Not legal or tax advice";

    @ParameterizedTest
    @ValueSource(strings = {
        "level=L4 region=mountain-view base=190k bonus=15% equity=250k",
        "I got an L4 offer in Mountain View: 190k base, 15% bonus, 250k RSUs over 4 years",
        "L4 offer, Mountain View. Base $190,000; bonus 15%; equity $250K over 4 years",
        "mountain view L4: base of 190k, a 15% bonus and 250k in RSUs",
    })
    void inBandOffer(String offer) {
        CompReply reply = SERVICE.checkOffer(offer);
        assertThat(CompMrkdwn.render(reply))
                .contains("*Base* $190K: within the Mountain View band $188K–$232K (5% of the way up the range)")
                .contains("at the US L4 median $190k")
                .contains("*Bonus* 15% of base (15% × $190K = $28.5K): within the Mountain View band 10–15%"
                        + " (at the top of the range)")
                .contains("*Stock* $250K over 4 years ($250K ÷ 4 = $62.5K a year): within the Mountain View band"
                        + " (over 4 years) $220K–$365K (21% of the way up the range)")
                .contains("*Total a year* $190K + $28.5K + $62.5K = $281K")
                .contains("total comp $262K–$348K (22% of the way up the range)")
                // counter from the guide's levers
                .contains("ask for $345K in RSUs over 4 years with a 15% bonus")
                .contains("$250K + 30% × $250K = $325K")
                .contains("$300K–$340K").contains("$320K+")
                // one stock target; the push, the expected counter and the accept line explain it
                .contains("one number, the guide's target").contains("falls short of it, so open at the target")
                .containsOnlyOnce("ask for $")
                .contains("Base: ask toward the band's top of $232K")
                .contains("*Script outline*").contains("Real-Time ML").contains("Streaming ML Scarcity")
                .contains("Name competing offers only if you have them")
                .contains(NOT_ADVICE);
        assertThat(reply.sources()).contains("Confluent ML/AI Engineer Global Negotiation Guide (2025-2026 data)");
        assertThat(reply.grounded()).isTrue();
        // the answer path routes offers here too
        assertThat(CompMrkdwn.render(SERVICE.answer(offer))).isEqualTo(CompMrkdwn.render(reply));
    }

    @Test
    void belowBandOffer() {
        CompReply reply = SERVICE.checkOffer("level=L4 region=mountain-view base=170k bonus=10% equity=150k");
        assertThat(CompMrkdwn.render(reply))
                .contains("*Base* $170K: below the Mountain View band $188K–$232K by $18K; $20K below the US L4 median $190k")
                .contains("within the Mountain View band 10–15% (at the bottom of the range); below the US L4 median (15%)")
                .contains("below the Mountain View band (over 4 years) $220K–$365K by $70K")
                .contains("$170K + $17K + $37.5K = $224.5K")
                .contains("below the Mountain View band's total comp $262K–$348K by $37.5K")
                .contains("Bonus: ask for 15%")
                .contains("it is below the US L4 median, a fair anchor")
                .contains(NOT_ADVICE);
    }

    @Test
    void aboveBandOfferInLondonWithYearlyStock() {
        CompReply reply = SERVICE.checkOffer("London offer: base £120K, bonus 12%, RSUs £40K per year");
        assertThat(CompMrkdwn.render(reply))
                .contains("*Offer check*: London (GBP)")
                .contains("*Base* £120K: above the London band £82K–£105K by £15K")
                .contains("12% × £120K = £14.4K): within the London band 10–15% (40% of the way up the range)")
                .contains("£40K a year (£40K × 4 = £160K over 4 years): above the London band (over 4 years) £90K–£148K by £12K")
                .contains("£120K + £14.4K + £40K = £174.4K")
                .contains("above the London band's total comp £108K–£152K by £22.4K")
                .contains("Base: at or above the band's top")
                .contains("Stock: at or above the band's top of £148K")
                .contains("counter figures are in USD")
                .doesNotContain("$345K")
                .contains(NOT_ADVICE);
    }

    @Test
    void bangaloreInLakh() {
        CompReply reply = SERVICE.checkOffer("Bangalore: base 60 lakh, bonus 12%, stock ₹50L over 4 years");
        assertThat(CompMrkdwn.render(reply))
                .contains("*Base* ₹60L: within the Bangalore band ₹52L–₹78L (31% of the way up the range)")
                .contains("₹50L ÷ 4 = ₹12.5L a year")
                .contains("₹60L + ₹7.2L + ₹12.5L = ₹79.7L")
                .contains("₹50L + 30% × ₹50L = ₹65L");
    }

    @Test
    void aSingleComponentQuestionIsCheckedToo() {
        CompReply reply = SERVICE.answer("is 190k base good for L4?");
        assertThat(CompMrkdwn.render(reply))
                .contains("at the US L4 median $190k")
                .contains("the Mountain View band, the only USD band in the data")
                .contains("within the Mountain View band $188K–$232K")
                .doesNotContain("*Script outline*")
                .contains(NOT_ADVICE);
    }

    @Test
    void stockOverOtherYearsAndBonusAsAnAmount() {
        CompReply reply = SERVICE.checkOffer("L5 Mountain View: base 240k, bonus 48k, stock 300k over 3 years");
        assertThat(CompMrkdwn.render(reply))
                .contains("$48K ÷ $240K = 20% of base")
                .contains("$300K ÷ 3 = $100K a year; $100K × 4 = $400K over 4 years")
                .contains("above the Mountain View band (over 4 years) $220K–$365K by $35K")
                .contains("Stock: at or above the guide's target of $345K");
    }

    @Test
    void bayAreaIsComparedWithTheNearestBand() {
        CompReply reply = SERVICE.checkOffer("Bay Area L4 offer: base 200k, bonus 15%, 280k RSUs");
        assertThat(CompMrkdwn.render(reply)).contains("There is no Bay Area band, so I compare with Mountain View")
                .contains("~12%")
                .contains("I read the stock as a grant over 4 years");
    }

    @Test
    void everyNumberInAnOfferCheckIsGroundedOrAPositionInTheRange() {
        String offer = "level=L4 region=mountain-view base=170k bonus=10% equity=150k";
        CompReply reply = SERVICE.checkOffer(offer);
        GroundingCheck.Result result = GROUNDING.check(CompMrkdwn.render(reply), offer);
        assertThat(result.checked()).isGreaterThan(30);
        // only the "n% of the way up the range" positions are neither data, the user's figures nor stated sums
        assertThat(result.ungrounded()).allSatisfy(n -> assertThat(n).endsWith("%"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        base=99999999k region=london                                  | far larger than any GBP figure
        level=L4 region=mountain-view base=99999999k bonus=15%         | far larger than any USD figure
        level=L4 region=mountain-view base=-190k bonus=15%             | amount is negative
        London: base £90K, bonus 10%, stock $200K                      | mixes currencies (GBP and USD)
        level=L9 region=london base=90k                               | There is no L9 level
        staff offer in London: base 120k                              | There is no Staff level
        region=london base=90k bonus=150%                             | above 100% of base
        region=london base=90k equity=20%                             | A percentage only fits the bonus
        level=L4 region=london base=$190k                             | the London band is in GBP
        Google L5 offer in London, base £100K                         | The level mapping covers only
        offer in Berlin: base 90k                                     | no band for that place
        level=L4 region=london base=0                                 | amount is zero
        asdf qwerty                                                   | I found no amounts
        base 190k bonus 15%                                           | Say the level (L3, L4, L5) or the region
        London vs Mountain View offer: base £90K                      | more than one region
        """)
    void badOffersSayWhatWasNotUnderstoodWithAnExample(String offer, String problem) {
        CompReply reply = SERVICE.checkOffer(offer);
        assertThat(CompMrkdwn.render(reply)).startsWith("*I couldn't check this offer:*")
                .contains(problem)
                .contains("Example: `level=L4 region=mountain-view base=190k bonus=15% equity=250k`")
                .contains(NOT_ADVICE)
                .doesNotContain(offer);
        assertThat(reply.grounded()).isFalse();
        assertThat(reply.sources()).isEmpty();
    }
}
