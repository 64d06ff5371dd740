package coach.comp;

import static coach.comp.CompReply.strong;

import coach.comp.CompData.Band;
import coach.comp.CompData.GeoNote;
import coach.comp.CompData.LevelRow;
import coach.comp.CompData.Range;
import coach.comp.CompQuestion.Amount;
import coach.comp.CompQuestion.Component;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** The report on a checked offer, built from sections: title, one line per component, the counter, the sources. */
final class OfferReport {
    /** An offer that passed the checks; amounts in {@code abs} are absolute, in {@code cur}, shown in {@code unit}. */
    record Offer(CompQuestion q, LevelRow level, Band band, GeoNote note, Map<Component, Amount> given,
                 Map<Component, Double> abs, String cur, String unit, Set<String> notes) {
        /** The level's US medians apply: a level was given and the amounts are in the level table's currency. */
        boolean usMedian(CompData data) {
            return level != null && cur.equals(data.levelTable().currency());
        }
    }

    /** What the component lines worked out, for the total and the counter. */
    record Figures(Double base, Double bonusPct, Double bonusAmount, Double stockYearly, Double stock4) {}

    private final CompData data;
    private final Wording words;
    private final String lc;
    private final String lu;

    OfferReport(CompData data, Wording words) {
        this.data = data;
        this.words = words;
        this.lc = data.levelTable().currency();
        this.lu = data.levelTable().unit();
    }

    CompReply build(Offer o) {
        CompReply.Builder r = new CompReply.Builder(data);
        boolean usMedian = o.usMedian(data);
        title(r, o, usMedian);
        Double base = o.abs().get(Component.BASE);
        if (base != null) {
            r.bullet(strong("Base"), " " + abs(o, base) + ": " + verdicts(o, () -> bandVerdict(o, base, o.band().base(), " band"),
                    usMedian ? () -> median(o, base, o.level().base(), " median ") : null));
        }
        Figures f = stock(r, o, usMedian, bonus(r, o, usMedian, base));
        total(r, o, usMedian, f);
        if (!o.q().ignored().isEmpty()) {
            r.text("The data has no figures for " + String.join(" or ", o.q().ignored()) + ", so I left it out.");
        }
        new OfferCounter(data, words).counter(r, o, usMedian, f);
        if (o.band() != null) {
            r.source(o.band().source()).caveat(CompAnswerer.BAND_CAVEAT);
        }
        if (o.level() != null || o.note() != null) {
            r.source(data.levelTable().source());
            if (usMedian) {
                r.caveat(data.levelTable().basis());
            }
        }
        if (f.stockYearly() != null) {
            r.caveat(CompAnswerer.vestingCaveat(o.band() != null ? o.band().stockYears() : data.negotiation().targetStockYears()));
        }
        return r.source(data.negotiation().source()).build(true, OfferCheck.NOT_ADVICE);
    }

    private void title(CompReply.Builder r, Offer o, boolean usMedian) {
        List<String> title = new ArrayList<>();
        if (o.level() != null) {
            title.add(o.level().level() + " (" + o.level().label() + ")");
        }
        if (o.band() != null || o.note() != null) {
            title.add(o.band() != null ? o.band().name() : o.note().name());
        }
        r.text(strong("Offer check"), ": " + String.join(", ", title) + " (" + o.cur() + ")");
        o.notes().forEach(r::text);
        if (o.level() != null && o.band() != null) {
            r.text("The " + o.band().name() + " band has no level; the " + o.level().level() + " figures are US medians.");
        }
        if (o.level() != null && !usMedian) {
            r.text("The level table is US medians in " + lc + "; with no exchange rate I don't compare " + o.cur()
                    + " amounts with it.");
        }
    }

    private String abs(Offer o, double v) {
        return Money.abs(o.cur(), o.unit(), v);
    }

    /** The verdicts against the band (when there is one) and the US median (when {@code median} is given), "; "-joined. */
    private static String verdicts(Offer o, Supplier<String> band, Supplier<String> median) {
        List<String> v = new ArrayList<>();
        if (o.band() != null && band != null) {
            v.add(band.get());
        }
        if (median != null) {
            v.add(median.get());
        }
        return String.join("; ", v);
    }

    private static String tail(String verdicts) {
        return verdicts.isEmpty() ? "" : ": " + verdicts;
    }

    private String bandVerdict(Offer o, double value, Range range, String what) {
        return verdict(value, range, o.band().currency(), o.band().unit(), "the " + o.band().name() + what);
    }

    private Figures bonus(CompReply.Builder r, Offer o, boolean usMedian, Double base) {
        Amount b = o.given().get(Component.BONUS);
        if (b == null) {
            return new Figures(base, null, null, null, null);
        }
        Double pct = b.percent() ? Double.valueOf(b.value()) : base == null ? null : o.abs().get(Component.BONUS) / base * 100;
        Double amount = !b.percent() ? o.abs().get(Component.BONUS) : base == null ? null : base * pct / 100;
        String shown = b.percent()
                ? Money.pct(pct) + " of base" + (amount == null ? ""
                        : " (" + Money.pct(pct) + " × " + abs(o, base) + " = " + abs(o, amount) + ")")
                : abs(o, amount) + (pct == null ? " (no base given, so no percentage)"
                        : " (" + abs(o, amount) + " ÷ " + abs(o, base) + " = " + Money.pct(round1(pct)) + " of base)");
        double p = pct == null ? 0 : round1(pct);
        double m = o.level() == null ? 0 : o.level().bonusPercent();
        r.bullet(strong("Bonus"), " " + shown + tail(pct == null ? "" : verdicts(o,
                () -> percentVerdict(p, o.band().bonusPercent(), "the " + o.band().name() + " band"), usMedian
                ? () -> (p == m ? "at" : p < m ? "below" : "above") + " the US " + o.level().level() + " median (" + Money.pct(m) + ")"
                : null)));
        return new Figures(base, pct, amount, null, null);
    }

    private Figures stock(CompReply.Builder r, Offer o, boolean usMedian, Figures f) {
        if (!o.abs().containsKey(Component.EQUITY)) {
            return f;
        }
        int years4 = o.band() != null ? o.band().stockYears() : data.negotiation().targetStockYears();
        Amount s = o.given().get(Component.EQUITY);
        double v = o.abs().get(Component.EQUITY);
        int n = s.perYear() ? 1 : s.years() == null ? years4 : s.years();
        double yearly = v / n;
        double stock4 = yearly * years4;
        String over4 = abs(o, stock4) + " over " + years4 + " years";
        if (!s.perYear() && s.years() == null) {
            r.text("I read the stock as a grant over " + years4 + " years, as the band is written; say"
                    + " \"per year\" if it is yearly.");
        }
        String shown = s.perYear() ? abs(o, v) + " a year (" + abs(o, v) + " × " + years4 + " = " + over4 + ")"
                : abs(o, v) + " over " + n + " years (" + abs(o, v) + " ÷ " + n + " = " + abs(o, yearly) + " a year"
                + (n == years4 ? "" : "; " + abs(o, yearly) + " × " + years4 + " = " + over4) + ")";
        r.bullet(strong("Stock"), " " + shown + tail(verdicts(o, () -> bandVerdict(o, stock4, o.band().stock(), " band (over "
                + o.band().stockYears() + " years)"), usMedian ? () -> "US " + o.level().level() + " median equity "
                + Money.inUnit(lc, lu, o.level().equity()) + " (the guide does not state its vesting period, so not compared)" : null)));
        return new Figures(f.base(), f.bonusPct(), f.bonusAmount(), yearly, stock4);
    }

    private void total(CompReply.Builder r, Offer o, boolean usMedian, Figures f) {
        if (f.base() != null && f.stockYearly() != null) {
            double b = f.bonusAmount() == null ? 0 : f.bonusAmount();
            double total = f.base() + b + f.stockYearly();
            r.bullet(strong("Total a year"), " " + abs(o, f.base()) + " + " + abs(o, b) + " + " + abs(o, f.stockYearly())
                    + " = " + abs(o, total) + " (base + bonus + a year of stock" + (f.bonusAmount() == null ? "; no bonus given" : "")
                    + ")" + tail(verdicts(o, () -> bandVerdict(o, total, o.band().totalComp(), " band's total comp"), usMedian
                    ? () -> "US " + o.level().level() + " median OTE " + Money.inUnit(lc, lu, o.level().ote()) + " for reference" : null)));
        }
        Double t = o.abs().get(Component.TOTAL);
        if (t != null) {
            r.bullet(strong("Total"), " (as given) " + abs(o, t) + tail(verdicts(o, () -> bandVerdict(o, t, o.band().totalComp(),
                    " band's total comp"), usMedian ? () -> median(o, t, o.level().ote(), " median OTE ") : null)));
        }
    }

    /** "at the US L4 median $190k", "$20K below the US L4 median $190k". */
    private String median(Offer o, double value, double medianInUnit, String what) {
        double median = medianInUnit * Money.multiplier(lu);
        String shown = "the US " + o.level().level() + what + Money.inUnit(lc, lu, medianInUnit);
        return Math.abs(value - median) < 0.5 ? "at " + shown
                : abs(o, Math.abs(value - median)) + (value < median ? " below " : " above ") + shown;
    }

    /** "within the London band £82K–£105K (35% of the way up the range)", "below ... by £4K", "above ... by £3K". */
    static String verdict(double value, Range range, String currency, String unit, String what) {
        double m = Money.multiplier(unit);
        double lo = range.low() * m;
        double hi = range.high() * m;
        String shown = what + " " + Money.rangeInUnit(currency, unit, range);
        return value < lo ? "below " + shown + " by " + Money.abs(currency, unit, lo - value)
                : value > hi ? "above " + shown + " by " + Money.abs(currency, unit, value - hi)
                : "within " + shown + " (" + position(value, lo, hi) + ")";
    }

    static String percentVerdict(double value, Range range, String what) {
        String shown = what + " " + Money.pctRange(range);
        return value < range.low() ? "below " + shown : value > range.high() ? "above " + shown
                : "within " + shown + " (" + position(value, range.low(), range.high()) + ")";
    }

    private static String position(double value, double lo, double hi) {
        long p = hi == lo ? -1 : Math.round((value - lo) / (hi - lo) * 100);
        return hi == lo ? "the band is a single figure" : p == 0 ? "at the bottom of the range"
                : p == 100 ? "at the top of the range" : p + "% of the way up the range";
    }

    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
