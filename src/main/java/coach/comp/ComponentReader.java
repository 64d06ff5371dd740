package coach.comp;

import static coach.comp.CompParser.B;
import static coach.comp.CompParser.E;

import coach.comp.CompData.ComponentWords;
import coach.comp.CompQuestion.Component;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Finds the pay-component words of comp.yaml's vocabulary in a text, in one pass. Immutable and thread-safe. */
final class ComponentReader {
    /** A component word; {@code ignored} names one the data has no figures for (component null). */
    record Hit(int start, int end, Component component, String ignored) {}

    private final List<ComponentWords> entries;
    private final Pattern all;
    private final Set<String> chatter;

    ComponentReader(CompData.Vocabulary v) {
        this.entries = v.components();
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            groups.add("(?<c" + i + ">" + pattern(entries.get(i)) + ")");
        }
        this.all = Pattern.compile(String.join("|", groups));
        this.chatter = Set.copyOf(v.chatterWords() == null ? List.of() : v.chatterWords());
    }

    /** word start, (?<!in |of ), the words, (?!\s+(?:price|image)), word end: a space in a word matches any run of spaces. */
    private static String pattern(ComponentWords c) {
        return B + (c.notAfter() == null ? "" : "(?<!" + c.notAfter().stream().map(w -> Pattern.quote(w + " "))
                .collect(Collectors.joining("|")) + ")")
                + "(?:" + alternatives(c.words()) + ")"
                + (c.notBefore() == null ? "" : "(?!\\s+(?:" + alternatives(c.notBefore()) + "))") + E;
    }

    private static String alternatives(List<String> words) {
        return words.stream().map(w -> List.of(w.toLowerCase(Locale.ROOT).trim().split(" +")).stream()
                .map(Pattern::quote).collect(Collectors.joining("\\s+"))).collect(Collectors.joining("|"));
    }

    /** Component words in the text, in order; ignored ones (sign-on bonus) have a null component. */
    List<Hit> hits(String lower) {
        List<Hit> hits = new ArrayList<>();
        Matcher m = all.matcher(lower);
        while (m.find()) {
            for (int g = 0; g < entries.size(); g++) {
                if (m.start("c" + g) >= 0) {
                    ComponentWords c = entries.get(g);
                    hits.add(new Hit(m.start(), m.end(), c.component() == null ? null
                            : Component.valueOf(c.component().toUpperCase(Locale.ROOT)), c.name()));
                    break;
                }
            }
        }
        return hits;
    }

    /** Words too common in engineering chatter to mark a message as a pay question on their own. */
    boolean chatter(String word) {
        return chatter.contains(word);
    }
}
