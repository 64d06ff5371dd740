package coach.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits an answer into sentences and words. A sentence ends at . ! or ? followed by a capital, a digit or a quote,
 * at a blank line, at a line that starts a list item, or after a line ending in a colon. A single line break inside
 * a sentence is a soft wrap (people paste wrapped text), not a boundary, so a sentence is never cut mid-way.
 * Sentences are verbatim substrings of the answer, so text can be found and replaced in it.
 */
final class Sentences {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:[-*•·–]|\\d{1,2}[.)]|[a-z][.)])\\s+");
    /**
     * Where a sentence may end inside a line: end punctuation, spaces, then a letter, a digit or an opening quote. A
     * lowercase start counts (people type "… quantize. i'd check quality …" in chat); abbreviations do not end one.
     */
    private static final Pattern END = Pattern.compile("[.!?]+[\"”’)]?\\s+(?=[\\p{L}\\p{N}\"“‘(])");
    private static final Pattern ABBREVIATION = Pattern.compile(
            "(?i)(?:\\be\\.g|\\bi\\.e|\\bvs|\\bcf|\\bapprox|\\bmr|\\bdr|\\betc|\\bapp|\\bp\\.m|\\ba\\.m|\\bno|\\bfig|\\bincl|\\bresp)\\.$");
    private static final Pattern LIST_NUMBER = Pattern.compile("\\s*\\d{1,2}[.)]");
    static final int MAX_QUOTE = 240;

    private Sentences() {}

    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        for (String segment : segments(text)) {
            int start = 0;
            Matcher m = END.matcher(segment);
            while (m.find()) {
                String before = segment.substring(start, m.start() + 1);
                if (ABBREVIATION.matcher(before.strip()).find() || LIST_NUMBER.matcher(before).matches()) continue;
                add(out, segment.substring(start, m.end()));
                start = m.end();
            }
            add(out, segment.substring(start));
        }
        return out;
    }

    /** Pieces separated by hard line breaks: blank lines, list items, lines ending in a colon or a full stop. */
    private static List<String> segments(String text) {
        List<String> segments = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            String prev = current.toString().stripTrailing();
            boolean hardBreak = line.isBlank() || LIST_ITEM.matcher(line).find() || prev.endsWith(":")
                    || prev.endsWith(".") || prev.endsWith("!") || prev.endsWith("?") || prev.isEmpty();
            if (hardBreak && !current.isEmpty()) {
                segments.add(current.toString());
                current.setLength(0);
            } else if (!current.isEmpty()) {
                current.append('\n');
            }
            current.append(line);
        }
        if (!current.isEmpty()) segments.add(current.toString());
        return segments;
    }

    private static void add(List<String> out, String sentence) {
        String t = sentence.strip();
        if (!t.isEmpty()) out.add(t);
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        var m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** The sentence on one line (soft wraps and runs of spaces become one space). */
    static String oneLine(String sentence) {
        return sentence.strip().replaceAll("\\s+", " ");
    }

    /**
     * A quote for a report: the whole sentence on one line, or, when it is too long for a report, cut at a word
     * boundary and marked with an ellipsis, so a quote never ends mid-word or pretends to be the whole sentence.
     */
    static String quote(String sentence) {
        String line = oneLine(sentence);
        if (line.length() <= MAX_QUOTE) {
            return line;
        }
        int cut = line.lastIndexOf(' ', MAX_QUOTE - 1);
        String head = line.substring(0, cut > MAX_QUOTE / 2 ? cut : MAX_QUOTE - 1).replaceAll("[\\s,;:–-]+$", "");
        return head + "…";
    }
}
