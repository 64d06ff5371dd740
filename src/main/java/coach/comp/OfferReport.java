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

/** The report on a checked offer, built from sections: title, one line per component, the counter, the sources. */
final class OfferReport {
    /** An offer that passed the checks; amounts in {@code abs} are absolute, in {@code cur}, shown in {@code unit}. */
    record Offer(CompQuestion q, LevelRow level, Band band, GeoNote note, Map<Component, Amount> given,
                 Map<Component, Double> abs, String cur, String unit, Set<String> notes) {}

    /** What the component lines worked out, for the total and the counter. */
    private record Figures(Double base, Double bonusPct, Double bonusAmount, Double stockYearly, Double stock4) {}

    private final CompData data;
    private final String lc;
    private final String lu;

    OfferReport(CompData data) {
        this.data = data;
        this.lc = data.levelTable().currency();
        this.lu = data.levelTable().unit();
    }

    CompReply build(Offer o) {
        CompReply.Builder r = new CompReply.Builder(data);
        boolean usMedian = o.level() != null && o.cur().equals(lc);
        title(r, o, usMedian);
        Figures f = bonus(r, o, usMedian, base(r, o, usMedian));
        f = stock(r, o, usMedian, f);
        total(r, o, usMedian, f);
        if (!o.q().ignored().isEmpty()) {
            r.text("The data has no figures for " + String.join(" or ", o.q().ignored()) + ", so I left it out.");
        }
        new OfferCounter(data).counter(r, o, usMedian, f.base(), f.bonusPct(), f.stock4());
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
            r.caveat(CompAnswerer.VESTING_CAVEAT);
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

    private String bandVerdict(Offer o, double value, Range range, String what) {
        return verdict(value, range, o.band().currency(), o.band().unit(), "the " + o.band().name() + what);
    }

    private static String tail(List<String> verdicts) {
        return verdicts.isEmpty() ? "" : ": " + String.join("; ", verdicts);
    }

    private Double base(CompReply.Builder r, Offer o, boolean usMedian) {
        Double base = o.abs().get(Component.BASE);
        if (base != null) {
            List<String> v = new ArrayList<>();
            if (o.band() != null) {
                v.add(bandVerdict(o, base, o.band().base(), " band"));
            }
            if (usMedian) {
                v.add(median(base, o.level().base() * Money.multiplier(lu), "the US " + o.level().level() + " median "
                        + Money.inUnit(lc, lu, o.level().base()), o.cur(), o.unit()));
            }
            r.bullet(strong("Base"), " " + abs(o, base) + ": " + String.join("; ", v));
        }
        return base;
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
        List<String> v = new ArrayList<>();
        if (pct != null && o.band() != null) {
            v.add(percentVerdict(round1(pct), o.band().bonusPercent(), "the " + o.band().name() + " band"));
        }
        if (pct != null && usMedian) {
            double m = o.level().bonusPercent();
            double p = round1(pct);
            v.add((p == m ? "at" : p < m ? "below" : "above") + " the US " + o.level().level() + " median ("
                    + Money.pct(m) + ")");
        }
        r.bullet(strong("Bonus"), " " + shown + tail(v));
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
        String shown;
        if (s.perYear()) {
            shown = abs(o, v) + " a year (" + abs(o, v) + " × " + years4 + " = " + abs(o, stock4) + " over " + years4 + " years)";
        } else {
            if (s.years() == null) {
                r.text("I read the stock as a grant over " + years4 + " years, as the band is written; say"
                        + " \"per year\" if it is yearly.");
            }
            shown = abs(o, v) + " over " + n + " years (" + abs(o, v) + " ÷ " + n + " = " + abs(o, yearly) + " a year"
                    + (n == years4 ? "" : "; " + abs(o, yearly) + " × " + years4 + " = " + abs(o, stock4) + " over "
                    + years4 + " years") + ")";
        }
        List<String> verdicts = new ArrayList<>();
        if (o.band() != null) {
            verdicts.add(bandVerdict(o, stock4, o.band().stock(), " band (over " + o.band().stockYears() + " years)"));
        }
        if (usMedian) {
            verdicts.add("US " + o.level().level() + " median equity " + Money.inUnit(lc, lu, o.level().equity())
                    + " (the guide does not state its vesting period, so not compared)");
        }
        r.bullet(strong("Stock"), " " + shown + tail(verdicts));
        return new Figures(f.base(), f.bonusPct(), f.bonusAmount(), yearly, stock4);
    }

    private void total(CompReply.Builder r, Offer o, boolean usMedian, Figures f) {
        if (f.base() != null && f.stockYearly() != null) {
            double b = f.bonusAmount() == null ? 0 : f.bonusAmount();
            double total = f.base() + b + f.stockYearly();
            List<String> v = new ArrayList<>();
            if (o.band() != null) {
                v.add(bandVerdict(o, total, o.band().totalComp(), " band's total comp"));
            }
            if (usMedian) {
                v.add("US " + o.level().level() + " median OTE " + Money.inUnit(lc, lu, o.level().ote()) + " for reference");
            }
            r.bullet(strong("Total a year"), " " + abs(o, f.base()) + " + " + abs(o, b) + " + " + abs(o, f.stockYearly())
                    + " = " + abs(o, total) + " (base + bonus + a year of stock"
                    + (f.bonusAmount() == null ? "; no bonus given" : "") + ")" + tail(v));
        }
        Double t = o.abs().get(Component.TOTAL);
        if (t != null) {
            List<String> v = new ArrayList<>();
            if (o.band() != null) {
                v.add(bandVerdict(o, t, o.band().totalComp(), " band's total comp"));
            }
            if (usMedian) {
                v.add(median(t, o.level().ote() * Money.multiplier(lu), "the US " + o.level().level() + " median OTE "
                        + Money.inUnit(lc, lu, o.level().ote()), o.cur(), o.unit()));
            }
            r.bullet(strong("Total"), " (as given) " + abs(o, t) + tail(v));
        }
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

    private static String median(double value, double median, String what, String cur, String unit) {
        return Math.abs(value - median) < 0.5 ? "at " + what
                : Money.abs(cur, unit, Math.abs(value - median)) + (value < median ? " below " : " above ") + what;
    }

    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
