package coach.comp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coach.comp.CompReply.Kind;
import coach.comp.CompReply.Span;
import coach.comp.CompReply.Style;
import coach.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordingTest {
    static final Wording REAL = Wording.load(CompDataTest.CONFIG);

    @TempDir
    Path dir;

    /** The real file with one entry's line replaced (or removed, with an empty replacement). */
    private Path withEntry(String key, String line) throws IOException {
        String real = Files.readString(CompDataTest.CONFIG.resolve(Wording.FILE_NAME));
        Files.writeString(dir.resolve(Wording.FILE_NAME), real.replaceFirst("(?m)^" + key + ": .*$", line));
        return dir;
    }

    @Test
    void linesTakeTheirKindFromTheirStartAndStylingFromTheirMarks() {
        List<CompReply.Line> lines = REAL.lines("negotiation", "dna", "Scarcity", "levers",
                List.of(new CompData.Lever("x", "Scarcity", "above-band equity")));
        assertThat(lines.get(0).kind()).isEqualTo(Kind.TEXT);
        assertThat(lines.get(0).spans().get(0)).isEqualTo(new Span(Style.STRONG, "Negotiating"));
        assertThat(lines.get(1).kind()).isEqualTo(Kind.BULLET);
        assertThat(lines.get(lines.size() - 1).kind()).isEqualTo(Kind.STEP);
        assertThat(lines.get(lines.size() - 1).spans()).containsExactly(new Span(Style.STRONG, "Scarcity"),
                new Span(Style.PLAIN, ": \"above-band equity\""));
    }

    @Test
    void aValueIsNeverReadAsStyling() {
        List<CompReply.Line> lines = REAL.lines("no_such_level", "level", "**L9** `x` _y_", "levels", "L3");
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).spans()).containsExactly(
                new Span(Style.PLAIN, "There is no **L9** `x` _y_ level in the data: the level table has L3."));
    }

    @Test
    void aSectionIsLeftOutWhenItsValueIsMissingOrFalse() {
        assertThat(REAL.text("note_place", "place", "Bay Area", "note", "High cost.")).isEqualTo(
                "Bay Area: High cost. There is no Bay Area band.");
        assertThat(REAL.text("note_place", "place", "Bay Area", "note", "High cost.", "nearest", "Mountain View"))
                .isEqualTo("Bay Area: High cost. There is no Bay Area band, so I compare with Mountain View, the nearest.");
    }

    @Test
    void aMissingEntryStopsStartUpWithItsName() throws IOException {
        assertThatThrownBy(() -> Wording.load(withEntry("counter_stock_push", "")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.reason()).isEqualTo(
                        "missing template 'counter_stock_push'"));
    }

    @Test
    void anUnknownEntryIsNamedWithTheOnesTheCodeUses() throws IOException {
        assertThatThrownBy(() -> Wording.load(withEntry("counter_stock_push", "$0\ncounter_stock_pushh: \"x\"")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.getMessage()).contains("comp-replies.yaml")
                        .contains("counter_stock_pushh").contains("unknown template (the code uses: ").contains("counter_stock_push,"));
    }

    @Test
    void anEmptyOrUnparsableTemplateStopsStartUpWithItsName() throws IOException {
        assertThatThrownBy(() -> Wording.load(withEntry("offer_total", "offer_total: \"  \"")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.getMessage()).contains("offer_total")
                        .contains("non-empty text"));
        for (String broken : List.of("{{#amount}} unclosed", "{{> no_such_entry}}")) {
            assertThatThrownBy(() -> Wording.load(withEntry("offer_total", "offer_total: \"" + broken + "\"")))
                    .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.getMessage()).contains("offer_total")
                            .contains("not a valid template"));
        }
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> Wording.load(dir)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.getMessage()).contains("comp-replies.yaml").contains("cannot read"));
    }
}
