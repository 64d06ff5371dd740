package coach.comp;

import static org.assertj.core.api.Assertions.assertThat;

import coach.comp.CompQuestion.Amount;
import coach.comp.CompQuestion.Component;
import coach.comp.CompQuestion.Period;
import coach.comp.CompQuestion.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompParserTest {
    static final CompParser PARSER = new CompParser(CompDataTest.real());

    @ParameterizedTest
    @ValueSource(strings = {
        "what is L4 base in London?",
        "how much do senior ML engineers make in Bangalore",
        "is 190k base good for L4?",
        "What's the salary for an L5?",
        "L4 vs L5 total comp",
        "London vs Mountain View comp",
        "How much equity do L5s get?",
        "is the bonus paid yearly?",
        "I got an L4 offer in Mountain View: 190k base, 15% bonus, 250k RSUs over 4 years",
        "level=L4 region=mountain-view base=190k bonus=15% equity=250k",
        "any tips on a counter-offer?",
        "what's the TC for a senior in the Bay Area",
        "Is ₹60L good in Bangalore?",
        "how much stock for a mid-level engineer",
        "what's the pay like in London",
        "what is the OTE at L3",
        "RSUs vesting over 4 years for L4?",
        "what's the agentic AI premium",
        "how do I negotiate my offer?",
        "£95K base in London, is that fair?",
    })
    void compQuestions(String text) {
        assertThat(PARSER.isCompQuestion(text)).as(text).isTrue();
        assertThat(PARSER.parse(text).compQuestion()).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "what's for lunch",
        "the base image is broken",
        "bonus points for tests",
        "who is paying for lunch today?",
        "the L4 load balancer in London is down again",
        "we are out of stock of coffee in the London office",
        "the total latency went up after the deploy",
        "can someone review my PR? it touches the base class",
        "TLS negotiation failed on the staging cluster",
        "we have 190k rows in the table now",
        "the senior folks are at the offsite",
        "grant the L5 group access to the repo",
        "",
        "   ",
        "asdf qwerty zxcv",
    })
    void chatterIsNotAPayQuestion(String text) {
        assertThat(PARSER.isCompQuestion(text)).as(text).isFalse();
    }

    @Test
    void levelsRegionsAndComponents() {
        CompQuestion q = PARSER.parse("what is L4 base in London?");
        assertThat(q.levels()).containsExactly("L4");
        assertThat(q.regions()).containsExactly("london");
        assertThat(q.components()).containsExactly(Component.BASE);
        assertThat(q.unknownRegion()).isFalse();

        q = PARSER.parse("how much do senior ML engineers make in Bengaluru");
        assertThat(q.levels()).containsExactly("L5");
        assertThat(q.mappedFrom()).isEqualTo("Confluent Senior ML Eng");
        assertThat(q.regions()).containsExactly("bangalore");
        assertThat(q.components()).isEmpty();

        assertThat(PARSER.parse("entry level pay in the UK").levels()).containsExactly("L3");
        assertThat(PARSER.parse("junior salary").levels()).containsExactly("L3");
        assertThat(PARSER.parse("mid-level bonus").levels()).containsExactly("L4");
        assertThat(PARSER.parse("Bay Area or SF base").regions()).containsExactly("bay-area");
        assertThat(PARSER.parse("remote comp in the mid-west").regions()).containsExactly("remote-midwest");
        assertThat(PARSER.parse("remote comp in the mid-west").levels()).isEmpty();
        assertThat(PARSER.parse("L5 base in the US").regions()).containsExactly("us");
        assertThat(PARSER.parse("India salaries").regions()).containsExactly("bangalore");
        assertThat(PARSER.parse("RSU and stock and equity").components()).containsExactly(Component.EQUITY);
        assertThat(PARSER.parse("OTE, TC, total comp").components()).containsExactly(Component.TOTAL);
    }

    @Test
    void otherCompaniesMapThroughTheLevelMapping() {
        CompQuestion q = PARSER.parse("What's a Google L4 equivalent at Confluent?");
        assertThat(q.levels()).containsExactly("L5");
        assertThat(q.mappedFrom()).isEqualTo("Google L4 ML");
        assertThat(q.topics()).contains(Topic.MAPPING);

        q = PARSER.parse("I'm senior ML at Databricks, what would I get?");
        assertThat(q.levels()).containsExactly("L5");
        assertThat(q.mappedFrom()).isEqualTo("Databricks Senior ML");

        q = PARSER.parse("Google L5 salary");
        assertThat(q.levels()).isEmpty();
        assertThat(q.unmappedCompanyLevel()).isTrue();
    }

    @Test
    void unknownLevelsAndPlaces() {
        assertThat(PARSER.parse("staff engineer salary").unknownLevels()).containsExactly("staff");
        assertThat(PARSER.parse("L9 base?").unknownLevels()).containsExactly("L9");
        assertThat(PARSER.parse("L9 base?").levels()).isEmpty();
        assertThat(PARSER.parse("salary in Berlin").unknownRegion()).isTrue();
        assertThat(PARSER.parse("L4 base in Denver").unknownRegion()).isTrue();
        assertThat(PARSER.parse("L4 base in London").unknownRegion()).isFalse();
        assertThat(PARSER.parse("L4 base in USD").unknownRegion()).isFalse();
    }

    @Test
    void periodsCurrenciesComparisonsConversion() {
        assertThat(PARSER.parse("first-year comp in London").period()).isEqualTo(Period.FIRST_YEAR);
        assertThat(PARSER.parse("yearly stock in Bangalore").period()).isEqualTo(Period.YEARLY);
        assertThat(PARSER.parse("RSUs over 4 years").period()).isEqualTo(Period.GRANT);
        assertThat(PARSER.parse("£82K or ₹52 lakh or $190k").currencies()).containsExactly("GBP", "INR", "USD");
        CompQuestion q = PARSER.parse("L4 vs L5");
        assertThat(q.levels()).containsExactly("L4", "L5");
        q = PARSER.parse("London vs Mountain View base");
        assertThat(q.regions()).containsExactly("london", "mountain-view");
        assertThat(PARSER.parse("convert the London base to dollars").conversion()).isTrue();
    }

    @Test
    void offerAmountsInKeyValueForm() {
        CompQuestion q = PARSER.parse("level=L4 region=mountain-view base=190k bonus=15% equity=250k");
        assertThat(q.levels()).containsExactly("L4");
        assertThat(q.regions()).containsExactly("mountain-view");
        assertThat(q.amounts()).extracting(Amount::component, Amount::absolute, Amount::percent).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Component.BASE, 190_000.0, false),
                org.assertj.core.groups.Tuple.tuple(Component.BONUS, 15.0, true),
                org.assertj.core.groups.Tuple.tuple(Component.EQUITY, 250_000.0, false));
    }

    @Test
    void offerAmountsInPlainWords() {
        CompQuestion q = PARSER.parse(
                "I got an L4 offer in Mountain View: 190k base, 15% bonus, 250k RSUs over 4 years");
        assertThat(q.levels()).containsExactly("L4");
        assertThat(q.regions()).containsExactly("mountain-view");
        assertThat(q.amounts()).extracting(Amount::component, Amount::absolute).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Component.BASE, 190_000.0),
                org.assertj.core.groups.Tuple.tuple(Component.BONUS, 15.0),
                org.assertj.core.groups.Tuple.tuple(Component.EQUITY, 250_000.0));
        assertThat(q.amounts().get(2).years()).isEqualTo(4);

        q = PARSER.parse("London offer: base £90,000, bonus 10%, RSUs £100K per year");
        assertThat(q.amounts()).extracting(Amount::component, Amount::absolute, Amount::currency).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Component.BASE, 90_000.0, "GBP"),
                org.assertj.core.groups.Tuple.tuple(Component.BONUS, 10.0, null),
                org.assertj.core.groups.Tuple.tuple(Component.EQUITY, 100_000.0, "GBP"));
        assertThat(q.amounts().get(2).perYear()).isTrue();

        q = PARSER.parse("base 60 lakh bonus 12% stock ₹50L in Bangalore");
        assertThat(q.amounts()).extracting(Amount::component, Amount::absolute, Amount::currency).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Component.BASE, 6_000_000.0, "INR"),
                org.assertj.core.groups.Tuple.tuple(Component.BONUS, 12.0, null),
                org.assertj.core.groups.Tuple.tuple(Component.EQUITY, 5_000_000.0, "INR"));

        q = PARSER.parse("is 190k base good for L4?");
        assertThat(q.amounts()).extracting(Amount::component, Amount::absolute)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Component.BASE, 190_000.0));
        assertThat(q.isOffer()).isTrue();
    }

    @Test
    void negativeAndSigningBonus() {
        CompQuestion q = PARSER.parse("base=-190k, 20k signing bonus");
        assertThat(q.amounts().get(0).negative()).isTrue();
        assertThat(q.amounts().get(0).component()).isEqualTo(Component.BASE);
        assertThat(q.ignored()).containsExactly("sign-on bonus");
        assertThat(q.amounts().get(1).component()).isNull();
    }

    @Test
    void veryLongTextIsCut() {
        String longText = "what is L4 base in London? " + "la ".repeat(100_000);
        assertThat(PARSER.parse(longText).levels()).containsExactly("L4");
        assertThat(PARSER.isCompQuestion(longText)).isTrue();
    }
}
