package coach.comp;

import coach.comp.CompData.Range;
import coach.comp.CompQuestion.Amount;
import coach.comp.CompQuestion.Component;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.Supplier;

/**
 * The report on a checked offer, built from sections: title, one line per component, the counter, the sources. The
 * words are in comp-replies.yaml.
 */
final class OfferReport {
    static final CompReply.Line NOT_ADVICE = CompReply.line(CompReply.Kind.TEXT,
            CompReply.em("Not legal or tax advice: figures from two public guides, not a market survey."));

    private final CompData data;
    private final Wording words;
    private final OfferCounter counter;
    private final String lc;
    private final String lu;

    OfferReport(CompData data, Wording words) {
        this.data = data;
        this.words = words;
        this.counter = new OfferCounter(data, words);
        this.lc = data.levelTable().currency();
        this.lu = data.levelTable().unit();
    }

    CompReply build(Offer o) {
        CompReply.Builder r = new CompReply.Builder(data);
        boolean usMedian = o.usMedian(data);
        title(r, o, usMedian);
        Double base = o.abs().get(Component.BASE);
        if (base != null) {
            r.add(words.lines("offer_base", "amount", abs(o, base), "verdicts", verdicts(o, () -> bandVerdict(o, base,
                    o.band().base(), null, false), usMedian ? () -> median(o, base, o.level().base(), false) : null)));
        }
        Offer.Figures f = stock(r, o, usMedian, bonus(r, o, usMedian, base));
        total(r, o, usMedian, f);
        if (!o.q().ignored().isEmpty()) {
            r.add(words.lines("offer_ignored", "ignored", String.join(" or ", o.q().ignored())));
        }
        counter.counter(r, o, usMedian, f);
        if (o.band() != null) {
            r.source(o.band().source()).caveat(words.text("band_caveat"));
        }
        if (o.level() != null || o.note() != null) {
            r.source(data.levelTable().source());
            if (usMedian) {
                r.caveat(data.levelTable().basis());
            }
        }
        if (f.stockYearly() != null) {
            r.caveat(words.text("vesting_caveat", "years", String.valueOf(o.band() != null ? o.band().stockYears()
                    : data.negotiation().targetStockYears())));
        }
        return r.source(data.negotiation().source()).build(true, NOT_ADVICE);
    }

    private void title(CompReply.Builder r, Offer o, boolean usMedian) {
        List<String> title = new ArrayList<>();
        if (o.level() != null) {
            title.add(o.level().level() + " (" + o.level().label() + ")");
        }
        if (o.band() != null || o.note() != null) {
            title.add(o.band() != null ? o.band().name() : o.note().name());
        }
        r.add(words.lines("offer_title", "title", String.join(", ", title), "currency", o.cur(), "notes", List.copyOf(o.notes()),
                "band_has_no_level", o.level() != null && o.band() != null, "band", o.band() == null ? null : o.band().name(),
                "level", o.level() == null ? null : o.level().level(), "other_currency", o.level() != null && !usMedian,
                "table_currency", lc));
    }

    private String abs(Offer o, double v) {
        return Money.abs(o.cur(), o.unit(), v);
    }

    /** The verdicts against the band (when there is one) and the US median (when {@code median} is given), "; "-joined; null if none. */
    private static String verdicts(Offer o, Supplier<String> band, Supplier<String> median) {
        List<String> v = new ArrayList<>();
        if (o.band() != null && band != null) {
            v.add(band.get());
        }
        if (median != null) {
            v.add(median.get());
        }
        return v.isEmpty() ? null : String.join("; ", v);
    }

    /** Against a money range of the band: "the London band", or its stock over N years, or its total comp. */
    private String bandVerdict(Offer o, double value, Range range, Integer stockYears, boolean total) {
        double m = Money.multiplier(o.band().unit());
        return verdict(value, range.low() * m, range.high() * m, bandWhat(o, stockYears, total),
                Money.rangeInUnit(o.band().currency(), o.band().unit(), range), gap -> Money.abs(o.band().currency(), o.band().unit(), gap));
    }

    private String bandWhat(Offer o, Integer stockYears, boolean total) {
        return words.text("band_what", "band", o.band().name(), "stock_years", stockYears == null ? null : String.valueOf(stockYears),
                "total", total);
    }

    /** "within the London band £82K–£105K (35% of the way up the range)", "below ... by £4K"; {@code gap} null: no "by". */
    private String verdict(double value, double lo, double hi, String what, String range, DoubleFunction<String> gap) {
        boolean within = value >= lo && value <= hi;
        long p = hi == lo ? -1 : Math.round((value - lo) / (hi - lo) * 100);
        return words.text("band_verdict", "what", what, "range", range, "below", value < lo, "above", value > hi,
                "within", within, "gap", gap == null || within ? null : gap.apply(value < lo ? lo - value : value - hi),
                "single", hi == lo, "bottom", hi != lo && p == 0, "top", hi != lo && p == 100,
                "way_up", hi == lo || p == 0 || p == 100 ? null : String.valueOf(p));
    }

    /** "at the US L4 median $190k", "$20K below the US L4 median $190k" (or its OTE). */
    private String median(Offer o, double value, double medianInUnit, boolean ote) {
        double median = medianInUnit * Money.multiplier(lu);
        boolean at = Math.abs(value - median) < 0.5;
        return words.text("median_verdict", "at", at, "gap", at ? null : abs(o, Math.abs(value - median)), "below", value < median,
                "level", o.level().level(), "ote", ote, "median", Money.inUnit(lc, lu, medianInUnit));
    }

    private Offer.Figures bonus(CompReply.Builder r, Offer o, boolean usMedian, Double base) {
        Amount b = o.given().get(Component.BONUS);
        if (b == null) {
            return new Offer.Figures(base, null, null, null, null);
        }
        Double pct = b.percent() ? Double.valueOf(b.value()) : base == null ? null : o.abs().get(Component.BONUS) / base * 100;
        Double amount = !b.percent() ? o.abs().get(Component.BONUS) : base == null ? null : base * pct / 100;
        double p = pct == null ? 0 : Money.round1(pct);
        double m = o.level() == null ? 0 : o.level().bonusPercent();
        Range range = o.band() == null ? null : o.band().bonusPercent();
        r.add(words.lines("offer_bonus", "percent_given", b.percent(), "pct", pct == null ? null : Money.pct(b.percent() ? pct : p),
                "amount", amount == null ? null : abs(o, amount), "base", base == null ? null : abs(o, base),
                "verdicts", pct == null ? null : verdicts(o, () -> verdict(p, range.low(), range.high(), bandWhat(o, null, false),
                        Money.pctRange(range), null), usMedian ? () -> words.text("bonus_median_verdict", "at", p == m,
                        "below", p < m, "above", p > m, "level", o.level().level(), "median", Money.pct(m)) : null)));
        return new Offer.Figures(base, pct, amount, null, null);
    }

    private Offer.Figures stock(CompReply.Builder r, Offer o, boolean usMedian, Offer.Figures f) {
        if (!o.abs().containsKey(Component.EQUITY)) {
            return f;
        }
        int years4 = o.band() != null ? o.band().stockYears() : data.negotiation().targetStockYears();
        Amount s = o.given().get(Component.EQUITY);
        double v = o.abs().get(Component.EQUITY);
        int n = s.perYear() ? 1 : s.years() == null ? years4 : s.years();
        double yearly = v / n;
        double stock4 = yearly * years4;
        if (!s.perYear() && s.years() == null) {
            r.add(words.lines("offer_stock_read_as_grant", "years", String.valueOf(years4)));
        }
        r.add(words.lines("offer_stock", "per_year", s.perYear(), "amount", abs(o, v), "years", String.valueOf(years4),
                "n", String.valueOf(n), "yearly", abs(o, yearly), "stock4", abs(o, stock4), "rescaled", n != years4,
                "verdicts", verdicts(o, () -> bandVerdict(o, stock4, o.band().stock(), o.band().stockYears(), false), usMedian
                        ? () -> words.text("stock_median_note", "level", o.level().level(), "median", Money.inUnit(lc, lu, o.level().equity()))
                        : null)));
        return new Offer.Figures(f.base(), f.bonusPct(), f.bonusAmount(), yearly, stock4);
    }

    private void total(CompReply.Builder r, Offer o, boolean usMedian, Offer.Figures f) {
        if (f.base() != null && f.stockYearly() != null) {
            double b = f.bonusAmount() == null ? 0 : f.bonusAmount();
            double total = f.base() + b + f.stockYearly();
            r.add(words.lines("offer_total_a_year", "base", abs(o, f.base()), "bonus", abs(o, b), "stock", abs(o, f.stockYearly()),
                    "total", abs(o, total), "no_bonus", f.bonusAmount() == null, "verdicts", verdicts(o, () -> bandVerdict(o, total,
                            o.band().totalComp(), null, true), usMedian ? () -> words.text("total_median_note", "level",
                            o.level().level(), "median", Money.inUnit(lc, lu, o.level().ote())) : null)));
        }
        Double t = o.abs().get(Component.TOTAL);
        if (t != null) {
            r.add(words.lines("offer_total", "amount", abs(o, t), "verdicts", verdicts(o, () -> bandVerdict(o, t, o.band().totalComp(),
                    null, true), usMedian ? () -> median(o, t, o.level().ote(), true) : null)));
        }
    }

}
