package coach.comp;

import coach.comp.CompData.Band;
import coach.comp.CompData.GeoNote;
import coach.comp.CompData.LevelRow;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** How to ask (help, examples, "not understood") and what the data covers, in words. Stateless. */
final class CompHelp {
    private final CompData data;
    private final Wording words;

    CompHelp(CompData data, Wording words) {
        this.data = data;
        this.words = words;
    }

    CompReply notUnderstood() {
        return new CompReply.Builder(data).add(words.lines("not_understood")).build(false);
    }

    /** How to ask, with examples; quotes no figures from the data. */
    CompReply help() {
        return new CompReply.Builder(data).add(words.lines("help", "levels", levelList(),
                "bands", join(data.bands(), Band::name, ", "))).build(false);
    }

    List<CompReply.Line> examples() {
        return words.lines("examples");
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
        return words.text("what_exists", "level_ids", levelIds(), "bands", join(data.bands(), Band::name, ", "),
                "places", join(data.geography(), GeoNote::name, " and "));
    }

    String noSuchLevel(String level) {
        String name = level.matches("L\\d+") ? level : Character.toUpperCase(level.charAt(0)) + level.substring(1);
        return words.text("no_such_level", "level", name, "levels", levelList());
    }

    String equivalents() {
        return join(data.levelMapping().equivalents(), e -> e.company() + " " + e.title(), ", ");
    }

    static <T> String join(List<T> items, Function<T, String> f, String sep) {
        return items.stream().map(f).collect(Collectors.joining(sep));
    }
}
