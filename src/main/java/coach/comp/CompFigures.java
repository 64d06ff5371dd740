package coach.comp;

import coach.comp.CompData.Band;
import coach.comp.CompData.GeoNote;
import coach.comp.CompData.LevelRow;
import coach.comp.CompQuestion.Component;
import coach.comp.CompQuestion.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The figure lines of an answer, as the sources write them: a level's US medians, a band's ranges, the difference of
 * two levels, a regional premium and a first year, each with its arithmetic written out. Never invents a figure.
 */
final class CompFigures {
    private static final List<Component> LEVEL_ORDER = List.of(Component.values());
    private static final List<Component> BAND_ORDER = List.of(Component.BASE, Component.EQUITY, Component.BONUS, Component.TOTAL);

    private final CompData data;
    private final Wording words;

    CompFigures(CompData data, Wording words) {
        this.data = data;
        this.words = words;
    }

    /** The components asked about, in {@code order}, as the parts a template repeats (one flag each, and "more"). */
    private static List<Map<String, Object>> parts(Set<Component> comps, List<Component> order) {
        List<Component> shown = order.stream().filter(comps::contains).toList();
        return shown.stream().map(c -> Wording.values("base", c == Component.BASE, "bonus", c == Component.BONUS,
                "equity", c == Component.EQUITY, "total", c == Component.TOTAL, "more", c != shown.get(shown.size() - 1))).toList();
    }

    private String usd(double amountInUnit) {
        return Money.inUnit(data.levelTable().currency(), data.levelTable().unit(), amountInUnit);
    }

    /** "*L4 (Mid-Level), US median*: base $190k, bonus 15% of base (15% × $190k = $28.5k), equity $70k, OTE $285k". */
    List<CompReply.Line> level(LevelRow row, Set<Component> comps) {
        return words.lines("level_line", "level", row.level(), "label", row.label(), "parts", parts(comps, LEVEL_ORDER),
                "base_amount", usd(row.base()), "bonus_pct", Money.pct(row.bonusPercent()),
                "bonus_amount", usd(row.base() * row.bonusPercent() / 100), "equity_amount", usd(row.equity()), "ote", usd(row.ote()));
    }

    List<CompReply.Line> premium(LevelRow row, GeoNote g) {
        double p = g.basePremiumPercent();
        return words.lines("premium_line", "level", row.level(), "place", g.name(), "premium", Money.pct(p),
                "base", usd(row.base()), "result", usd(row.base() * (1 + p / 100)));
    }

    List<CompReply.Line> difference(LevelRow a, LevelRow b, Set<Component> comps) {
        LevelRow lo = a.base() <= b.base() ? a : b;
        LevelRow hi = lo == a ? b : a;
        return words.lines("level_difference", "hi", hi.level(), "lo", lo.level(), "parts", parts(comps, LEVEL_ORDER),
                "base_gap", gap(hi.base(), lo.base()), "hi_bonus", Money.pct(hi.bonusPercent()),
                "lo_bonus", Money.pct(lo.bonusPercent()), "equity_gap", gap(hi.equity(), lo.equity()), "ote_gap", gap(hi.ote(), lo.ote()));
    }

    private String gap(double hi, double lo) {
        return usd(hi) + " − " + usd(lo) + " = " + usd(hi - lo);
    }

    /** "*London band, ML/AI Engineer (no level)*: base £82K–£105K, stock £90K–£148K over 4 years, ...", and a first year. */
    void band(CompReply.Builder r, Band b, Set<Component> comps, Period period) {
        String c = b.currency();
        String u = b.unit();
        r.add(words.lines("band_line", "name", b.name(), "role", b.role(), "parts", parts(comps, BAND_ORDER),
                "base_range", Money.rangeInUnit(c, u, b.base()), "stock_range", Money.rangeInUnit(c, u, b.stock()),
                "years", String.valueOf(b.stockYears()), "bonus_range", Money.pctRange(b.bonusPercent()),
                "total_range", Money.rangeInUnit(c, u, b.totalComp()), "a_year", period != Period.YEARLY && period != Period.FIRST_YEAR
                        ? null : perYear(b, b.stock().low()) + ", " + perYear(b, b.stock().high())));
        if (period == Period.FIRST_YEAR && (comps.contains(Component.TOTAL) || comps.size() == Component.values().length)) {
            r.add(words.lines("band_first_year", "low", firstYear(b, b.base().low(), b.bonusPercent().low(), b.stock().low()),
                    "high", firstYear(b, b.base().high(), b.bonusPercent().high(), b.stock().high())));
        }
    }

    private static String perYear(Band b, double stock) {
        return Money.inUnit(b.currency(), b.unit(), stock) + " ÷ " + b.stockYears() + " = "
                + Money.inUnit(b.currency(), b.unit(), stock / b.stockYears());
    }

    private static String firstYear(Band b, double base, double bonusPct, double stock) {
        String c = b.currency();
        String u = b.unit();
        double total = base + base * bonusPct / 100 + stock / b.stockYears();
        return Money.inUnit(c, u, base) + " + " + Money.pct(bonusPct) + " × " + Money.inUnit(c, u, base) + " + "
                + Money.inUnit(c, u, stock) + " ÷ " + b.stockYears() + " = " + Money.inUnit(c, u, total);
    }
}
