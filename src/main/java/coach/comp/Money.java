package coach.comp;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Map;

/**
 * Formatting of the figures, the way the sources write them: {@code $188K}, {@code £82K}, {@code ₹52L},
 * {@code $150k}, {@code 15%}, ranges with an en dash ({@code $188K–$232K}, {@code 10–15%}).
 * Amounts are kept either "in unit" (188 with unit K) or absolute (188,000); the unit says how to convert.
 */
final class Money {
    private static final Map<String, String> SYMBOLS = Map.of("USD", "$", "GBP", "£", "INR", "₹");
    /** The currency of a symbol or word next to an amount ($, usd, dollars; £, gbp, pounds; ₹, inr, rs, rupees), by its
     *  first character: unique among the currency tokens the amount patterns accept. */
    private static final Map<String, String> WORDS = Map.of("$", "USD", "u", "USD", "d", "USD", "£", "GBP", "g", "GBP",
            "p", "GBP", "₹", "INR", "i", "INR", "r", "INR");

    /** An amount as people write it: currency before, number, unit, currency after (after a word start, see users). */
    static final String AMOUNT = "(?<pre>[$£₹]|(?:usd|gbp|inr|rs\\.?)\\s?)?(?<num>\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)"
            + "(?:\\s?(?<unit>k|m|mn|l|lakhs?|lacs?|cr|crores?|thousand|million|%|percent)(?![\\p{L}\\p{N}]))?"
            + "(?:\\s?(?<post>usd|gbp|inr|dollars?|pounds?|rupees?)(?![\\p{L}]))?";

    /** A DecimalFormat is not thread-safe and costly to build: one per thread. */
    private static final ThreadLocal<DecimalFormat> NUMBER = ThreadLocal.withInitial(() ->
            new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)));

    private Money() {}

    /** What a written unit (lower case) multiplies by: 1 for none or a percentage; l and cr are Indian (lakh, crore). */
    static double unitMultiplier(String unit) {
        return unit == null ? 1 : switch (unit) {
            case "k", "thousand" -> 1e3;
            case "m", "mn", "million" -> 1e6;
            case "l", "lakh", "lakhs", "lac", "lacs" -> 1e5;
            case "cr", "crore", "crores" -> 1e7;
            default -> 1;
        };
    }

    /** What a unit of comp.yaml multiplies by (the schema allows k, K, L, Cr and M). */
    static double multiplier(String unit) {
        return unitMultiplier(unit.toLowerCase(Locale.ROOT));
    }

    /** A number with at most two decimals, trailing zeros dropped, thousands separated: 91.25, 5, 1,200. */
    static String num(double value) {
        return NUMBER.get().format(BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP));
    }

    /** An amount given in the unit: (USD, K, 188) → $188K. */
    static String inUnit(String currency, String unit, double amountInUnit) {
        return SYMBOLS.getOrDefault(currency, "") + num(amountInUnit) + unit;
    }

    /** An absolute amount shown in the unit: (USD, K, 62,500) → $62.5K. */
    static String abs(String currency, String unit, double absolute) {
        return inUnit(currency, unit, absolute / multiplier(unit));
    }

    static String rangeInUnit(String currency, String unit, CompData.Range r) {
        return inUnit(currency, unit, r.low()) + "–" + inUnit(currency, unit, r.high());
    }

    /** Rounded to one decimal, as a percentage of base is shown (16.67 → 16.7). */
    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static String pct(double percent) {
        return num(percent) + "%";
    }

    static String pctRange(CompData.Range r) {
        return num(r.low()) + "–" + num(r.high()) + "%";
    }

    /** The currency a symbol or word before/after an amount names ($, £, ₹, usd, pounds, rupees…), or null. */
    static String currencyOf(String pre, String post) {
        for (String s : new String[] {pre, post}) {
            String t = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
            for (Map.Entry<String, String> w : WORDS.entrySet()) {
                if (!t.isEmpty() && t.startsWith(w.getKey())) {
                    return w.getValue();
                }
            }
        }
        return null;
    }
}
