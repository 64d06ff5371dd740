package coach.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Splits an answer into sentences and words; evidence quotes are always whole substrings of the answer. */
final class Sentences {
    private static final Pattern BOUNDARY = Pattern.compile("(?<=[.!?])\\s+|\\n+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");
    static final int MAX_QUOTE = 200;

    private Sentences() {}

    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        for (String s : BOUNDARY.split(text)) {
            String t = s.strip();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        var m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** A quote short enough for a report; still a verbatim substring of the sentence. */
    static String quote(String sentence) {
        if (sentence.length() <= MAX_QUOTE) {
            return sentence;
        }
        int cut = sentence.lastIndexOf(' ', MAX_QUOTE);
        return sentence.substring(0, cut > MAX_QUOTE / 2 ? cut : MAX_QUOTE);
    }
}
