package coach.comp;

import coach.slack.comp.CompMrkdwn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Question phrasings and the figures each answer must carry (as the seeds write them). */
class CompAnswererTest {
    static final CompService SERVICE = CompService.load(CompDataTest.CONFIG);
    static final GroundingCheck GROUNDING = new GroundingCheck(SERVICE.data());
    static final String GUIDE = "Confluent AI Engineer Interview Guide 2026 (June 2026)";
    static final String NEGOTIATION = "Confluent ML/AI Engineer Global Negotiation Guide (2025-2026 data)";

    static Stream<Arguments> questions() {
        return Stream.of(
            // level table (US medians)
            q("L3 base", "$150k"),
            q("What's the base salary for an entry level engineer?", "$150k", "L3 (Entry-Level)"),
            q("junior salary?", "$150k"),
            q("L4 bonus", "15% of base", "15% × $190k = $28.5k"),
            q("L5 equity", "$130k", "vesting period not stated"),
            q("L5 OTE", "$410k"),
            q("total comp for L5", "$410k"),
            q("compensation for mid-level", "$190k", "$285k", "15%", "$70k"),
            q("What is the OTE for senior engineers?", "$410k"),
            q("How much stock do L5s get?", "$130k"),
            q("what's the base at L5 in the US?", "$240k"),
            q("How much equity for L3 over 4 years", "$30k", "does not say over how many years"),
            // comparisons of levels
            q("L4 vs L5", "$190k", "$240k", "$240k − $190k = $50k", "$410k − $285k = $125k"),
            q("compare L3 and L4 total comp", "$190k", "$285k", "$285k − $190k = $95k"),
            q("L4 vs L5 equity", "$70k", "$130k", "$130k − $70k = $60k"),
            // regional bands
            q("Mountain View comp", "$188K–$232K", "$220K–$365K", "10–15%", "$262K–$348K"),
            q("RSUs in Mountain View", "$220K–$365K over 4 years"),
            q("stock in London per year", "£90K–£148K", "£90K ÷ 4 = £22.5K", "£148K ÷ 4 = £37K"),
            q("What's the yearly stock in Bangalore?", "₹42L–₹68L", "₹42L ÷ 4 = ₹10.5L", "₹68L ÷ 4 = ₹17L"),
            q("first-year comp in London", "£82K + 10% × £82K + £90K ÷ 4 = £112.7K",
                    "£105K + 15% × £105K + £148K ÷ 4 = £157.75K", "£108K–£152K"),
            q("TC in Bengaluru", "₹65L–₹102L"),
            q("What's the pay in India?", "₹52L–₹78L", "₹65L–₹102L"),
            q("salary in the UK", "£82K–£105K"),
            q("Mountain View bonus", "10–15% of base"),
            q("₹ bonus in Bangalore", "10–15% of base"),
            q("what's the London total comp", "£108K–£152K"),
            // level and region: two shapes of data, labelled
            q("what is L4 base in London?", "$190k", "£82K–£105K", "no London figure per level"),
            q("how much do senior ML engineers make in Bangalore", "₹52L–₹78L", "₹65L–₹102L", "$240k", "$410k",
                    "Senior ML Eng"),
            q("L5 total comp in Mountain View", "$410k", "$262K–$348K"),
            q("lakh salary for L4 in Bengaluru", "₹52L–₹78L", "$190k"),
            // comparisons of regions (no conversion)
            q("London vs Mountain View", "£82K–£105K", "$188K–$232K", "no exchange rate"),
            q("Bangalore vs London base", "₹52L–₹78L", "£82K–£105K", "no exchange rate"),
            q("London vs Bangalore total comp", "£108K–£152K", "₹65L–₹102L"),
            q("mountain view vs london bonus", "10–15%"),
            q("convert the London base to dollars", "no exchange rate", "£82K–£105K"),
            // geography remarks
            q("Bay Area base for L4", "$190k", "~12%", "$190k + 12% × $190k = $212.8k", "$188K–$232K"),
            q("SF salaries", "~12% higher", "$188K–$232K"),
            q("remote L4 equity", "$70k", "comparable equity grants"),
            q("Midwest comp", "comparable equity grants", "$150k", "$190k", "$240k"),
            // level mapping
            q("What's a Google L4 equivalent at Confluent?", "Google L4 ML", "Confluent Senior ML Eng", "L5", "$240k"),
            q("what does a Databricks senior ML engineer map to", "Databricks Senior ML", "L5"),
            q("MongoDB senior ML salary", "MongoDB Senior ML", "$240k"),
            // negotiation, premium, market
            q("how do I negotiate my offer?", "$345K", "$300K–$340K", "$320K+", "30% more RSUs", "$400K", "$350K"),
            q("counter offer advice", "$300K–$340K", "Real-Time ML"),
            q("what's the agentic AI premium", "15–25%"),
            q("how fast is the time to offer", "37 days", "49 days"),
            q("how much has AI engineer comp grown", "7%"),
            q("do customer metrics improve offer odds", "14%"),
            // unknowns: say what exists, never invent
            q("staff engineer salary", "no Staff level", "L3 (Entry-Level), L4 (Mid-Level) and L5 (Senior)"),
            q("L9 salary", "no L9 level"),
            q("salary in Berlin", "no figures for that place", "Mountain View, London, Bangalore"),
            q("L4 base in Denver", "no figures for that place", "$190k"),
            q("Google L5 pay", "covers only Google L4 ML"));
    }

    static Arguments q(String question, String... expected) {
        return Arguments.of(question, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("questions")
    void answersWithTheSourceFigures(String question, String[] expected) {
        CompReply reply = SERVICE.answer(question);
        assertThat(CompMrkdwn.render(reply)).as(question).contains(Arrays.asList(expected));
        assertThat(CompMrkdwn.render(reply)).doesNotContain(question); // never echoes the user's text
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("questions")
    void everyFigureInATemplatedAnswerIsGroundedInCompYaml(String question, String[] expected) {
        CompReply reply = SERVICE.answer(question);
        if (!reply.grounded()) {
            return; // "not understood" replies quote examples, not data (checked in helpAndNotUnderstoodQuoteNoData)
        }
        GroundingCheck.Result result = GROUNDING.check(CompMrkdwn.render(reply));
        assertThat(result.ungrounded()).as(question + "\n" + CompMrkdwn.render(reply)).isEmpty();
    }

    @Test
    void answersNameTheirSourcesAndACaveat() {
        CompReply reply = SERVICE.answer("what is L4 base in London?");
        assertThat(reply.sources()).containsExactlyInAnyOrder(GUIDE, NEGOTIATION);
        assertThat(CompMrkdwn.render(reply)).contains("_Sources: ").contains("_Caveat: ")
                .contains("June 2026 cost-of-living index (CPI = 104.1)");
        assertThat(reply.grounded()).isTrue();

        reply = SERVICE.answer("London base");
        assertThat(reply.sources()).containsExactly(NEGOTIATION);
        assertThat(CompMrkdwn.render(reply)).contains("no level");

        reply = SERVICE.answer("L4 base");
        assertThat(reply.sources()).containsExactly(GUIDE);
        assertThat(CompMrkdwn.render(reply)).contains("location matters");
    }

    @Test
    void slackMrkdwn() {
        String text = CompMrkdwn.render(SERVICE.answer("L4 vs L5"));
        assertThat(text).contains("• *L4 (Mid-Level), US median*").doesNotContain("**");
    }

    @Test
    void helpAndNotUnderstoodQuoteNoData() {
        CompReply help = SERVICE.help();
        assertThat(CompMrkdwn.render(help)).contains("level=L4 region=mountain-view").contains("L3 (Entry-Level)");
        assertThat(help.grounded()).isFalse();
        CompReply nonsense = SERVICE.answer("asdf qwerty zxcv");
        assertThat(CompMrkdwn.render(nonsense)).contains("couldn't tell").contains("what is L4 base in London?");
        assertThat(nonsense.grounded()).isFalse();
        assertThat(CompMrkdwn.render(SERVICE.answer("help"))).isEqualTo(CompMrkdwn.render(help));
    }

    @Test
    void everyExampleInHelpGetsAnAnswerFromTheData() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("`([^`]+)`").matcher(CompMrkdwn.render(SERVICE.help()));
        int examples = 0;
        while (m.find()) {
            CompReply reply = SERVICE.answer(m.group(1));
            assertThat(reply.grounded()).as(m.group(1)).isTrue();
            assertThat(reply.sources()).as(m.group(1)).isNotEmpty();
            examples++;
        }
        assertThat(examples).isGreaterThanOrEqualTo(12);
    }

    @Test
    void aGeneralPayQuestionGetsAnOverview() {
        CompReply reply = SERVICE.answer("what's the comp like?");
        assertThat(CompMrkdwn.render(reply)).contains("$285k").contains("£108K–£152K").contains("₹65L–₹102L");
    }
}
