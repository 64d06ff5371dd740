package coach.comp;

import static coach.comp.CompReply.code;
import static coach.comp.CompReply.em;
import static coach.comp.CompReply.strong;

import coach.comp.CompData.Band;
import coach.comp.CompData.GeoNote;
import coach.comp.CompData.LevelRow;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** How to ask (help, examples, "not understood") and what the data covers, in words. Stateless. */
final class CompHelp {
    private final CompData data;

    CompHelp(CompData data) {
        this.data = data;
    }

    CompReply notUnderstood() {
        List<Object> parts = new ArrayList<>(List.of("I couldn't tell what you're asking about pay. "));
        parts.addAll(List.of(examples()));
        return new CompReply.Builder(data).text(parts.toArray()).build(false);
    }

    /** How to ask, with examples; quotes no figures from the data. */
    CompReply help() {
        CompReply.Builder r = new CompReply.Builder(data)
                .text(strong("Ask me about pay"), " (answers use the two seed documents only, with their source named)")
                .bullet("A level: ", code("what is L4 base?"), ", ", code("L5 total comp"), ", ",
                        code("how much stock do senior engineers get?"))
                .bullet("A region: ", code("what is L4 base in London?"), ", ",
                        code("how much do senior ML engineers make in Bangalore?"))
                .bullet("A comparison: ", code("L4 vs L5"), ", ", code("London vs Mountain View stock"))
                .bullet("Per year: ", code("yearly stock in London"), ", ", code("first-year comp in Mountain View"))
                .bullet("Other companies: ", code("what is a Google L4 at Confluent?"))
                .bullet("Negotiating: ", code("how do I negotiate?"), ", ", code("agentic AI premium"), ", ",
                        code("time to offer"))
                .bullet(offerExample("Offer check: "))
                .text("Data: levels " + levelList() + " (US medians); bands for " + join(data.bands(), Band::name, ", ")
                        + " (no level).");
        return r.build(false);
    }

    /** "…`level=L4 …`, or in words: _I got an L4 offer …_" after a lead-in. */
    static Object[] offerExample(String lead, String... end) {
        List<Object> parts = new ArrayList<>(List.of(lead, code("level=L4 region=mountain-view base=190k bonus=15% equity=250k"),
                ", or in words: ", em("I got an L4 offer in Mountain View: 190k base, 15% bonus, 250k RSUs over 4 years")));
        parts.addAll(List.of(end));
        return parts.toArray();
    }

    Object[] examples() {
        return new Object[] {"Try ", code("what is L4 base in London?"), ", ", code("L4 vs L5 total comp"), ", ",
                code("how do I negotiate?"), ", or an offer: ",
                code("level=L4 region=mountain-view base=190k bonus=15% equity=250k"), ". Type ", code("help"), " for more."};
    }

    String levelList() {
        List<String> names = data.levels().stream().map(r -> r.level() + " (" + r.label() + ")").toList();
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    String levelIds() {
        return join(data.levels(), LevelRow::level, ", ");
    }

    String whatExists() {
        return "The data covers: US medians by level (" + levelIds() + "); ML/AI engineer bands for "
                + join(data.bands(), Band::name, ", ") + "; remarks on " + join(data.geography(), GeoNote::name, " and ") + ".";
    }


    String noSuchLevel(String level) {
        String name = level.matches("L\\d+") ? level : Character.toUpperCase(level.charAt(0)) + level.substring(1);
        return "There is no " + name + " level in the data: the level table has " + levelList() + ".";
    }

    String equivalents() {
        return join(data.levelMapping().equivalents(), e -> e.company() + " " + e.title(), ", ");
    }


    static <T> String join(List<T> items, Function<T, String> f, String sep) {
        return items.stream().map(f).collect(Collectors.joining(sep));
    }
}
