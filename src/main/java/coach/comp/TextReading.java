package coach.comp;

import coach.comp.CompQuestion.Component;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the parser's extractors ({@link CompParser}, {@link PaySignals}, {@link AmountReader}) share: the text being
 * read, the component words found in it, and whole-word patterns built from comp.yaml's phrase lists.
 */
final class TextReading {
    static final String B = "(?<![\\p{L}\\p{N}])"; // word start
    static final String E = "(?![\\p{L}\\p{N}])";  // word end

    private TextReading() {}

    /** The text being read: as written, lower-cased, and a lower-cased copy with the spans already used blanked. */
    record Text(String original, String lower, StringBuilder work) {
        Text(String original) {
            this(original, original.toLowerCase(Locale.ROOT), new StringBuilder(original.toLowerCase(Locale.ROOT)));
        }
    }

    /** A component word; {@code ignored} names one the data has no figures for (component null). */
    record Hit(int start, int end, Component component, String ignored) {}

    static List<String> lower(List<String> l) {
        return l.stream().map(s -> s.toLowerCase(Locale.ROOT).trim()).toList();
    }

    /** Phrases as whole words: a space matches any run of spaces, a final * any ending ("negotiat*"). */
    static Pattern phrases(List<String> phrases) {
        return Pattern.compile(B + "(?:" + spaced(phrases) + ")" + E);
    }

    /** Phrases as alternatives of a pattern: a space matches any run of spaces, a final * any ending. */
    static String spaced(List<String> words) {
        return lower(words).stream().map(w -> Stream.of(w.split(" +")).map(Pattern::quote).collect(Collectors.joining("\\s+"))
                .replaceFirst("\\*\\\\E$", "\\\\E\\\\w*")).collect(Collectors.joining("|"));
    }
}
