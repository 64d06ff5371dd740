package coach.comp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coach.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompDataTest {
    static final Path CONFIG = Path.of("config");

    static CompData real() {
        return CompData.load(CONFIG);
    }

    @Test
    void loadsEveryFigureOfBothSeeds() {
        CompData d = real();
        assertThat(d.sources()).extracting(CompData.Source::cite).containsExactly(
                "Confluent AI Engineer Interview Guide 2026 (June 2026)",
                "Confluent ML/AI Engineer Global Negotiation Guide (2025-2026 data)");

        CompData.LevelRow l4 = d.level("L4").orElseThrow();
        assertThat(l4.base()).isEqualTo(190.0);
        assertThat(l4.bonusPercent()).isEqualTo(15.0);
        assertThat(l4.equity()).isEqualTo(70.0);
        assertThat(l4.ote()).isEqualTo(285.0);
        assertThat(d.level("L3").orElseThrow().ote()).isEqualTo(190.0);
        assertThat(d.level("L5").orElseThrow().base()).isEqualTo(240.0);
        assertThat(d.level("L6")).isEmpty();

        CompData.Band mv = d.band("mountain-view").orElseThrow();
        assertThat(Money.rangeInUnit(mv.currency(), mv.unit(), mv.base())).isEqualTo("$188K–$232K");
        assertThat(Money.rangeInUnit(mv.currency(), mv.unit(), mv.stock())).isEqualTo("$220K–$365K");
        assertThat(Money.rangeInUnit(mv.currency(), mv.unit(), mv.totalComp())).isEqualTo("$262K–$348K");
        CompData.Band london = d.band("london").orElseThrow();
        assertThat(Money.rangeInUnit(london.currency(), london.unit(), london.base())).isEqualTo("£82K–£105K");
        assertThat(Money.rangeInUnit(london.currency(), london.unit(), london.stock())).isEqualTo("£90K–£148K");
        assertThat(Money.rangeInUnit(london.currency(), london.unit(), london.totalComp())).isEqualTo("£108K–£152K");
        CompData.Band blr = d.band("bangalore").orElseThrow();
        assertThat(Money.rangeInUnit(blr.currency(), blr.unit(), blr.base())).isEqualTo("₹52L–₹78L");
        assertThat(Money.rangeInUnit(blr.currency(), blr.unit(), blr.stock())).isEqualTo("₹42L–₹68L");
        assertThat(Money.rangeInUnit(blr.currency(), blr.unit(), blr.totalComp())).isEqualTo("₹65L–₹102L");
        assertThat(d.bands()).allSatisfy(b -> assertThat(Money.pctRange(b.bonusPercent())).isEqualTo("10–15%"));

        assertThat(d.geo("bay-area").orElseThrow().basePremiumPercent()).isEqualTo(12.0);
        assertThat(d.levelMapping().confluentLevel()).isEqualTo("L5");
        assertThat(d.market()).extracting(CompData.MarketFigure::value).containsExactly(7.0, 37.0, 49.0, 14.0);

        CompData.Negotiation n = d.negotiation();
        assertThat(n.targetStock()).isEqualTo(345.0);
        assertThat(n.targetBonusPercent()).isEqualTo(15.0);
        assertThat(n.competingOffers()).extracting(CompData.CompetingOffer::amount).containsExactly(400.0, 350.0);
        assertThat(n.expectedCounterStock()).isEqualTo(new CompData.Range(300.0, 340.0));
        assertThat(n.acceptStock()).isEqualTo(320.0);
        assertThat(n.stockPushPercent()).isEqualTo(30.0);
        assertThat(n.agenticPremiumPercent()).isEqualTo(new CompData.Range(15.0, 25.0));
        assertThat(n.levers()).hasSize(4);
    }

    /** Each row: a text to replace in the real comp.yaml, its replacement, the field and a part of the reason. */
    @ParameterizedTest(name = "{2}: {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        currency: GBP                     | currency: EUR                   | bands[1].currency                 | unknown currency 'EUR'
        base: {low: 188, high: 232}       | base: {low: 240, high: 232}     | bands[0].base                     | low (240) is greater than high (232)
        stock: {low: 90, high: 148}       | stock: {low: -90, high: 148}    | bands[1].stock.low                | must not be negative
        bonus_percent: 20                 | bonus_percent: 120              | level_table.levels[2].bonus_percent | from 0 to 100
        bonus_percent: {low: 10, high: 15}\\n    total_comp: {low: 65 | bonus_percent: {low: 10, high: 150}\\n    total_comp: {low: 65 | bands[2].bonus_percent.high | from 0 to 100
        equity: 70                        | equity: -70                     | level_table.levels[1].equity      | must not be negative
        base: 150                         | base: -150                      | level_table.levels[0].base        | must not be negative
        stock_push_percent: 30            | stock_push_percent: 130         | negotiation.stock_push_percent    | from 0 to 100
        expected_counter_stock: {low: 300, high: 340} | expected_counter_stock: {low: 340, high: 300} | negotiation.expected_counter_stock | greater than high
        unit: L                           | unit: lakh                      | bands[2].unit                     | unknown unit 'lakh'
        nearest_band: mountain-view       | nearest_band: palo-alto         | geography[0].nearest_band         | no band with region 'palo-alto'
        confluent_level: L5               | confluent_level: L7             | level_mapping.confluent_level     | 'L7' is not in level_table.levels
        unit: days                        | unit: weeks                     | market[1].unit                    | unknown unit 'weeks'
        """)
    void rejectsABrokenFigure(String from, String to, String field, String reason, @TempDir Path dir) throws IOException {
        write(dir, replaceOnce(original(), from.replace("\\n", "\n"), to.replace("\\n", "\n")));
        assertThatThrownBy(() -> CompData.load(dir))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.file()).endsWith("comp.yaml");
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.reason()).contains(reason);
                });
    }

    /** The schema's and the cross-field checks' reasons, for what the table above does not cover. */
    @ParameterizedTest(name = "{2}: {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        stock_years: 4                    | stock_years: 11                 | bands[0].stock_years              | whole number of years from 1 to 10
        aliases: [mid, mid-level, mid level, intermediate] | aliases: [mid, junior] | level_table.levels[1].aliases | alias 'junior' is also used by L3
        title: Confluent AI Engineer Interview Guide 2026 | title: ' '     | sources[0].title                  | missing or blank
        - level: L3                       | - level: X3                     | level_table.levels[0].level       | 'X3' is not a level like L4
        - component: base                 | - component: salary             | vocabulary.components[2].component | unknown component 'salary' (known: base, bonus, equity, total)
        value: 7                          | value: 107                      | market[0].value                   | a percentage must be from 0 to 100 (is 107)
        - id: remote-midwest              | - id: london                    | geography[1].id                   | duplicate region id 'london'
        role: ML/AI Engineer\\n    currency: USD | currency: USD            | bands[0].role                     | missing
        agentic_premium: [agentic, premium] | agentic_premium: []  | vocabulary.phrases.agentic_premium | missing or empty
        "    grant: [over 4 years"        | "    grnt: [over 4 years"        | vocabulary.phrases.grnt         | unknown field
        """)
    void rejectsWhatTheSchemaAndTheCrossChecksCatch(String from, String to, String field, String reason, @TempDir Path dir)
            throws IOException {
        rejectsABrokenFigure(from, to, field, reason, dir);
    }

    @Test
    void everyEntryNeedsAKnownSource(@TempDir Path dir) throws IOException {
        String yaml = original();
        int band = yaml.indexOf("  - region: london");
        int src = yaml.indexOf("    source: negotiation-guide\n", band);
        write(dir, yaml.substring(0, src) + yaml.substring(src + "    source: negotiation-guide\n".length()));
        assertThatThrownBy(() -> CompData.load(dir)).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.field()).isEqualTo("bands[1].source");
            assertThat(e.reason()).contains("every entry needs a source");
        });

        write(dir, replaceOnce(original(), "    source: interview-guide\n  - id: offer-odds",
                "    source: a-blog\n  - id: offer-odds"));
        assertThatThrownBy(() -> CompData.load(dir)).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.field()).isEqualTo("market[2].source");
            assertThat(e.reason()).contains("unknown source 'a-blog'");
        });
    }

    @Test
    void unknownFieldMissingFileAndBadYamlAreNamed(@TempDir Path dir) throws IOException {
        write(dir, replaceOnce(original(), "    stock_years: 4\n", "    stock_yrs: 4\n"));
        assertThatThrownBy(() -> CompData.load(dir)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.field()).isEqualTo("bands[0].stock_yrs"));

        write(dir, replaceOnce(original(), "base: {low: 82, high: 105}", "base: {low: eighty, high: 105}"));
        assertThatThrownBy(() -> CompData.load(dir)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.field()).isEqualTo("bands[1].base.low"));

        write(dir, "sources: [\n");
        assertThatThrownBy(() -> CompData.load(dir)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.file()).endsWith("comp.yaml"));

        assertThatThrownBy(() -> CompData.load(dir.resolve("nowhere"))).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.reason()).isEqualTo("file not found"));
    }

    @Test
    void anAliasMayNameOnlyOneRegion(@TempDir Path dir) throws IOException {
        write(dir, replaceOnce(original(), "aliases: [bangalore, bengaluru, blr, india]",
                "aliases: [bangalore, bengaluru, blr, india, london]"));
        assertThatThrownBy(() -> CompData.load(dir)).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.field()).isEqualTo("bands[2].aliases");
            assertThat(e.reason()).contains("'london' is also used by region 'london'");
        });
    }

    static String original() throws IOException {
        return Files.readString(CONFIG.resolve("comp.yaml"), StandardCharsets.UTF_8);
    }

    static String replaceOnce(String text, String from, String to) {
        int i = text.indexOf(from);
        assertThat(i).as("test fixture: '%s' is in comp.yaml", from).isNotNegative();
        return text.substring(0, i) + to + text.substring(i + from.length());
    }

    static void write(Path dir, String yaml) throws IOException {
        Files.writeString(dir.resolve("comp.yaml"), yaml, StandardCharsets.UTF_8);
    }
}
