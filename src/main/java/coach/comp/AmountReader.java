package coach.comp;

import coach.comp.TextReading.Hit;
import coach.comp.CompQuestion.Amount;
import coach.comp.CompQuestion.Component;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads the amounts of a lower-cased text and ties each to the component word next to it. Stateless. */
final class AmountReader {
    /** An amount: optional minus, currency before, number, unit, currency after. */
    private static final Pattern AMOUNT = Pattern.compile("(?<![\\p{L}\\p{N}.,])(?<neg>-|minus\\s+)?" + Money.AMOUNT);
    private static final Pattern DURATION_AFTER = Pattern.compile(
            "^\\s?-?(?:years?|yrs?|y|days?|months?|weeks?|hours?|minutes?|mins?|am|pm|x)(?![\\p{L}])");
    private static final Pattern RIGHT_FILLER = Pattern.compile(
            "^(?:\\s|in|of|as|a|an|the|my|for|usd|gbp|inr|dollars|pounds|rupees|per year|a year|/yr|/year|yearly|annual"
            + "|annually|worth of|\\d[- ]?y(?:ea)?rs?|(?:four|three)[- ]year|over \\d years|over (?:four|three) years"
            + "|cash|ml|initial|new[- ]hire|target|-)*$");
    private static final Pattern LEFT_FILLER = Pattern.compile(
            "^(?:\\s|[:=(~]|of|is|was|at|about|around|approx\\.?|approximately|roughly|be|-|worth|valued at|amount"
            + "|amounts to|offered|offer|target|a|an|the|my|usd|gbp|inr|in|per year|a year|yearly|annual|annually"
            + "|\\d[- ]?y(?:ea)?rs?|over \\d years|for)*$");
    private static final Pattern STRONG_LEFT = Pattern.compile("^\\s*[:=]\\s*$");
    private static final Pattern STOCK_YEARS = Pattern.compile(
            "(?:over|across|vesting over|vest over|for)\\s+(\\d{1,2}|two|three|four|five|six)\\s+years?"
            + "|(?<![\\p{L}\\p{N}])(\\d{1,2})[- ]?y(?:ea)?rs?(?![\\p{L}])|/(\\d)\\s?yrs?");
    private static final Map<String, Integer> WORD_NUMBERS = Map.of("two", 2, "three", 3, "four", 4, "five", 5, "six", 6);

    /** An amount as written; {@code written}: its currency is written next to it. */
    private record Raw(int start, int end, double value, double absolute, String currency, boolean percent,
                       boolean negative, String unit, boolean written) {}

    private AmountReader() {}

    /** 0: no money amount; 1: an amount that may be money (190k, 190,000); 2: clearly money ($190k, £82K, ₹52L). */
    static int moneySignal(String lower) {
        int signal = 0;
        for (Raw r : raw(lower)) {
            boolean indianUnit = r.unit() != null && (r.unit().startsWith("l") || r.unit().startsWith("cr"));
            if (!r.percent() && (indianUnit || r.written() && (r.unit() != null || r.value() >= 1000))) {
                return 2;
            }
            signal = r.percent() ? signal : 1;
        }
        return signal;
    }

    private static List<Raw> raw(String lower) {
        List<Raw> raw = new ArrayList<>();
        Matcher m = AMOUNT.matcher(lower);
        while (m.find()) {
            if (DURATION_AFTER.matcher(lower).region(m.end(), lower.length()).lookingAt()) {
                continue;
            }
            String unit = m.group("unit");
            boolean percent = "%".equals(unit) || "percent".equals(unit);
            double value = Double.parseDouble(m.group("num").replace(",", ""));
            String currency = Money.currencyOf(m.group("pre"), m.group("post"));
            double mult = Money.unitMultiplier(unit);
            raw.add(new Raw(m.start(), m.end(), value, value * mult, currency == null && mult >= 1e5 && mult != 1e6
                    ? "INR" : currency, percent, m.group("neg") != null, unit, m.group("pre") != null || m.group("post") != null));
        }
        return raw;
    }

    /** Amounts and the component each belongs to: "190k base", "base: 190k", "bonus 15%". */
    static List<Amount> amounts(String lower, List<Hit> hits, Pattern yearly) {
        List<Raw> raw = raw(lower);
        List<Amount> out = new ArrayList<>();
        Set<Integer> claimed = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            Raw a = raw.get(i);
            Hit chosen = component(lower, hits, raw, i, claimed);
            Component c = chosen == null ? null : chosen.component();
            Integer years = null;
            boolean perYear = false;
            if (c == Component.EQUITY) {
                String window = clause(lower, Math.min(a.start(), chosen.start()), Math.max(a.end(), chosen.end()));
                Matcher y = STOCK_YEARS.matcher(window);
                String g = y.find() ? Stream.of(1, 2, 3).map(y::group).filter(Objects::nonNull).findFirst().orElseThrow() : null;
                years = g == null ? null : WORD_NUMBERS.containsKey(g) ? WORD_NUMBERS.get(g) : Integer.valueOf(g);
                perYear = g == null && yearly.matcher(window).find();
            }
            out.add(new Amount(c, a.value(), a.absolute(), a.currency(), a.percent(), a.negative(), a.unit() == null,
                    years, perYear));
        }
        return out;
    }

    /** The component word an amount belongs to: the one right before it ("base: 190k") or right after ("190k base"). */
    private static Hit component(String lower, List<Hit> hits, List<Raw> raw, int i, Set<Integer> claimed) {
        Raw a = raw.get(i);
        Hit left = null;
        Hit right = null;
        for (Hit h : hits) {
            if (h.end() <= a.start()) {
                left = h;
            } else if (h.start() >= a.end() && right == null) {
                right = h;
            }
        }
        int leftEnd = left == null ? 0 : left.end();
        String leftGap = left == null ? null : lower.substring(leftEnd, a.start());
        boolean leftOk = left != null && left.component() != null && !claimed.contains(left.start())
                && leftGap.length() <= 25 && LEFT_FILLER.matcher(leftGap).matches()
                && raw.stream().noneMatch(r -> r.start() >= leftEnd && r.end() <= a.start());
        boolean rightOk = right != null && right.component() != null && !claimed.contains(right.start())
                && right.start() - a.end() <= 25 && RIGHT_FILLER.matcher(lower.substring(a.end(), right.start())).matches();
        boolean oneIsBonus = leftOk && rightOk && (left.component() == Component.BONUS) != (right.component() == Component.BONUS);
        Hit chosen = leftOk && (STRONG_LEFT.matcher(leftGap).matches() || !rightOk) ? left
                : !leftOk ? (rightOk ? right : null)
                : a.percent() && oneIsBonus ? (left.component() == Component.BONUS ? left : right)
                : keywordLeadsAmount(lower, right, raw, i) ? left : right;
        if (chosen != null) {
            claimed.add(chosen.start());
        }
        return chosen;
    }

    /** The text around [from, to) up to the nearest clause break on either side (comma, semicolon, full stop). */
    private static String clause(String lower, int from, int to) {
        int s = from;
        while (s > 0 && !isBreak(lower, s - 1)) {
            s--;
        }
        int e = to;
        while (e < lower.length() && !isBreak(lower, e)) {
            e++;
        }
        return lower.substring(s, e);
    }

    private static boolean isBreak(String s, int i) {
        char c = s.charAt(i);
        boolean betweenDigits = i > 0 && Character.isDigit(s.charAt(i - 1)) && i + 1 < s.length()
                && Character.isDigit(s.charAt(i + 1));
        return c == ';' || c == '\n' || (c == ',' || c == '.') && !betweenDigits;
    }

    /** "bonus 15%": the keyword is followed by its own amount, so it does not take the amount before it. */
    private static boolean keywordLeadsAmount(String lower, Hit keyword, List<Raw> raw, int current) {
        for (int j = current + 1; j < raw.size(); j++) {
            if (raw.get(j).start() >= keyword.end()) {
                String gap = lower.substring(keyword.end(), raw.get(j).start());
                return gap.length() <= 25 && LEFT_FILLER.matcher(gap).matches();
            }
        }
        return false;
    }
}
