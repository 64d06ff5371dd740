package coach.comp;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Set;

/**
 * Formatting of the figures, the way the sources write them: {@code $188K}, {@code £82K}, {@code ₹52L},
 * {@code $150k}, {@code 15%}, ranges with an en dash ({@code $188K–$232K}, {@code 10–15%}).
 * Amounts are kept either "in unit" (188 with unit K) or absolute (188,000); the unit says how to convert.
 */
final class Money {
    static final Set<String> CURRENCIES = Set.of("USD", "GBP", "INR");
    private static final Map<String, String> SYMBOLS = Map.of("USD", "$", "GBP", "£", "INR", "₹");
    private static final Map<String, Double> UNITS = Map.of("k", 1e3, "K", 1e3, "L", 1e5, "Cr", 1e7, "M", 1e6);
    static final String DASH = "–";

    private Money() {}

    static boolean knownUnit(String unit) {
        return unit != null && UNITS.containsKey(unit);
    }

    static double multiplier(String unit) {
        Double m = UNITS.get(unit);
        if (m == null) {
            throw new IllegalArgumentException("unknown unit " + unit);
        }
        return m;
    }

    static String symbol(String currency) {
        return SYMBOLS.getOrDefault(currency, "");
    }

    /** A number with at most two decimals, trailing zeros dropped, thousands separated: 91.25, 5, 1,200. */
    static String num(double value) {
        BigDecimal d = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        if (d.scale() < 0) {
            d = d.setScale(0);
        }
        String plain = d.toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        String frac = dot < 0 ? "" : plain.substring(dot);
        boolean negative = whole.startsWith("-");
        if (negative) {
            whole = whole.substring(1);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                sb.append(',');
            }
            sb.append(whole.charAt(i));
        }
        return (negative ? "-" : "") + sb + frac;
    }

    /** An amount given in the unit: (USD, K, 188) → $188K. */
    static String inUnit(String currency, String unit, double amountInUnit) {
        return symbol(currency) + num(amountInUnit) + unit;
    }

    /** An absolute amount shown in the unit: (USD, K, 62,500) → $62.5K. */
    static String abs(String currency, String unit, double absolute) {
        return inUnit(currency, unit, absolute / multiplier(unit));
    }

    static String rangeInUnit(String currency, String unit, CompData.Range r) {
        return inUnit(currency, unit, r.low()) + DASH + inUnit(currency, unit, r.high());
    }

    static String rangeAbs(String currency, String unit, double lowAbs, double highAbs) {
        return abs(currency, unit, lowAbs) + DASH + abs(currency, unit, highAbs);
    }

    static String pct(double percent) {
        return num(percent) + "%";
    }

    static String pctRange(CompData.Range r) {
        return num(r.low()) + DASH + num(r.high()) + "%";
    }

    /** The currency a symbol or word before/after an amount names ($, £, ₹, usd, pounds, rupees…), or null. */
    static String currencyOf(String pre, String post) {
        for (String s : new String[] {pre, post}) {
            if (s == null) {
                continue;
            }
            String t = s.trim().toLowerCase(java.util.Locale.ROOT);
            if (t.equals("$") || t.startsWith("usd") || t.startsWith("dollar")) {
                return "USD";
            }
            if (t.equals("£") || t.startsWith("gbp") || t.startsWith("pound")) {
                return "GBP";
            }
            if (t.equals("₹") || t.startsWith("inr") || t.startsWith("rs") || t.startsWith("rupee")) {
                return "INR";
            }
        }
        return null;
    }
}
