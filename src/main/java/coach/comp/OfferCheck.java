package coach.comp;

import coach.comp.CompData.Band;
import coach.comp.CompData.GeoNote;
import coach.comp.CompData.LevelRow;
import coach.comp.CompData.Negotiation;
import coach.comp.CompData.Range;
import coach.comp.CompQuestion.Amount;
import coach.comp.CompQuestion.Component;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks an offer (or part of one) against the band of its region and the US median of its level: each
 * component below / within / above, with its position in the range; the computed yearly total; and a counter
 * built from the negotiation guide's levers. Stateless and thread-safe.
 */
public final class OfferCheck {
    /** An amount more than this many times the largest figure in the data (same currency) is not plausible. */
    static final double PLAUSIBLE_FACTOR = 10;
    static final String NOT_ADVICE = "_Not legal or tax advice: figures from two public guides, not a market survey._";
    static final String EXAMPLE = "Example: `level=L4 region=mountain-view base=190k bonus=15% equity=250k`, or in"
            + " words: _I got an L4 offer in Mountain View: 190k base, 15% bonus, 250k RSUs over 4 years_.";

    private final CompData data;
    private final CompAnswerer answerer;
    private final Map<String, Double> largest = new HashMap<>();

    public OfferCheck(CompData data) {
        this.data = data;
        this.answerer = new CompAnswerer(data);
        double usd = Money.multiplier(data.levelTable().unit());
        for (LevelRow r : data.levels()) {
            grow(data.levelTable().currency(), Math.max(Math.max(r.base(), r.equity()), r.ote()) * usd);
        }
        for (Band b : data.bands()) {
            double m = Money.multiplier(b.unit());
            grow(b.currency(), Math.max(Math.max(b.base().high(), b.stock().high()), b.totalComp().high()) * m);
        }
        Negotiation n = data.negotiation();
        double m = Money.multiplier(n.unit());
        n.competingOffers().forEach(o -> grow(n.currency(), o.amount() * m));
        grow(n.currency(), n.targetStock() * m);
    }

    private void grow(String currency, double value) {
        largest.merge(currency, value, Math::max);
    }

    /** The reply to an offer; problems (unknown level, mixed currencies, implausible amounts) are explained. */
    public CompReply check(CompQuestion q) {
        List<String> problems = new ArrayList<>();
        Set<String> notes = new LinkedHashSet<>();

        for (String l : q.unknownLevels()) {
            String name = l.matches("L\\d+") ? l : Character.toUpperCase(l.charAt(0)) + l.substring(1);
            problems.add("There is no " + name + " level in the data: the level table has " + answerer.levelList() + ".");
        }
        if (q.unmappedCompanyLevel()) {
            problems.add("The level mapping covers only " + data.levelMapping().equivalents().stream()
                    .map(e -> e.company() + " " + e.title()).collect(Collectors.joining(", "))
                    + "; give the Confluent level (" + levels() + ").");
        }
        if (q.levels().size() > 1) {
            problems.add("The offer names more than one level; give one (" + levels() + ").");
        }
        LevelRow level = q.levels().isEmpty() ? null : data.level(q.levels().get(0)).orElse(null);

        Band band = null;
        GeoNote note = null;
        List<String> bandRegions = new ArrayList<>();
        for (String region : q.regions()) {
            data.band(region).ifPresent(b -> bandRegions.add(b.region()));
            if (data.geo(region).isPresent() && note == null) {
                note = data.geo(region).get();
            }
        }
        if (bandRegions.size() > 1) {
            problems.add("The offer names more than one region; check one at a time.");
        } else if (bandRegions.size() == 1) {
            band = data.band(bandRegions.get(0)).orElseThrow();
        } else if (note != null && note.nearestBand() != null) {
            band = data.band(note.nearestBand()).orElseThrow();
            notes.add(note.name() + ": " + note.note() + " There is no " + note.name() + " band, so I compare with "
                    + band.name() + ", the nearest.");
        } else if (note != null) {
            notes.add(note.name() + ": " + note.note() + " There is no " + note.name() + " band.");
        }
        if (q.unknownRegion() && band == null) {
            problems.add("I have no band for that place. " + answerer.whatExists());
        }

        Map<Component, Amount> byComponent = new EnumMap<>(Component.class);
        for (Amount a : q.amounts()) {
            if (a.component() == null) {
                continue;
            }
            String name = a.component().label().toLowerCase();
            if (byComponent.containsKey(a.component())) {
                problems.add("There are two amounts for " + name + "; give one.");
                continue;
            }
            if (a.negative()) {
                problems.add("The " + name + " amount is negative; amounts must be positive.");
            } else if (a.percent() && a.component() != Component.BONUS) {
                problems.add("A percentage only fits the bonus; give " + name + " as an amount (e.g. 190k).");
            } else if (a.percent() && a.value() > 100) {
                problems.add("A bonus above 100% of base is not plausible.");
            } else if (a.value() == 0 && (a.component() == Component.BASE || a.component() == Component.TOTAL)) {
                problems.add("The " + name + " amount is zero.");
            }
            byComponent.put(a.component(), a);
        }
        if (byComponent.isEmpty()) {
            problems.add("I found no amounts tied to base, bonus, stock (RSUs) or total.");
        }
        if (level == null && band == null && q.unknownLevels().isEmpty() && !q.unknownRegion()
                && !q.unmappedCompanyLevel() && (note == null)) {
            problems.add("Say the level (" + levels() + ") or the region ("
                    + data.bands().stream().map(Band::name).collect(Collectors.joining(", ")) + ") to compare with.");
        }

        Set<String> currencies = q.currencies();
        if (currencies.size() > 1) {
            problems.add("The offer mixes currencies (" + String.join(" and ", currencies) + "); give every amount in"
                    + " one currency. The data has no exchange rate to convert.");
        }
        String cur = currencies.size() == 1 ? currencies.iterator().next()
                : band != null ? band.currency() : data.levelTable().currency();
        if (currencies.isEmpty() && !byComponent.isEmpty()) {
            notes.add("No currency given: I read the amounts as " + cur + ".");
        }
        if (band != null && currencies.size() == 1 && !cur.equals(band.currency())) {
            problems.add("The amounts are in " + cur + " but the " + band.name() + " band is in " + band.currency()
                    + ", and the data has no exchange rate to convert.");
        }
        if (band == null && note == null && !q.unknownRegion()) {
            List<Band> same = data.bands().stream().filter(b -> b.currency().equals(cur)).toList();
            if (same.size() == 1) {
                band = same.get(0);
                notes.add("No region given: for a range I use the " + band.name() + " band, the only " + cur
                        + " band in the data.");
            }
        }
        String unit = band != null ? band.unit() : data.levelTable().unit();

        Map<Component, Double> abs = new EnumMap<>(Component.class);
        for (Map.Entry<Component, Amount> e : byComponent.entrySet()) {
            Amount a = e.getValue();
            if (a.percent()) {
                continue;
            }
            double v = a.absolute();
            if (a.unitless() && v < 1000) {
                v = a.value() * Money.multiplier(unit);
                notes.add("No unit given: I read " + Money.num(a.value()) + " as " + Money.abs(cur, unit, v) + ".");
            }
            Double cap = largest.get(cur);
            if (cap != null && v > cap * PLAUSIBLE_FACTOR) {
                problems.add("The " + e.getKey().label().toLowerCase() + " amount is far larger than any " + cur
                        + " figure in the data (more than " + Money.num(PLAUSIBLE_FACTOR) + "× the largest); check the"
                        + " unit: k = thousand, L = lakh.");
            }
            abs.put(e.getKey(), v);
        }
        if (!problems.isEmpty()) {
            return problemReply(problems);
        }
        return report(q, level, band, note, byComponent, abs, cur, unit, notes);
    }

    private CompReply report(CompQuestion q, LevelRow level, Band band, GeoNote note, Map<Component, Amount> given,
                             Map<Component, Double> abs, String cur, String unit, Set<String> notes) {
        ReplyBuilder r = new ReplyBuilder(data);
        boolean usMedian = level != null && cur.equals(data.levelTable().currency());
        String lu = data.levelTable().unit();
        String lc = data.levelTable().currency();
        int years4 = band != null ? band.stockYears() : data.negotiation().targetStockYears();

        List<String> title = new ArrayList<>();
        if (level != null) {
            title.add(level.level() + " (" + level.label() + ")");
        }
        if (band != null) {
            title.add(band.name());
        } else if (note != null) {
            title.add(note.name());
        }
        r.line("*Offer check*: " + String.join(", ", title) + " (" + cur + ")");
        notes.forEach(r::line);
        if (level != null && band != null) {
            r.line("The " + band.name() + " band has no level; the " + level.level() + " figures are US medians.");
        }
        if (level != null && !usMedian) {
            r.line("The level table is US medians in " + lc + "; with no exchange rate I don't compare "
                    + cur + " amounts with it.");
        }

        Double base = abs.get(Component.BASE);
        Double bonusPct = null;
        Double bonusAmount = null;
        if (given.containsKey(Component.BONUS)) {
            Amount b = given.get(Component.BONUS);
            if (b.percent()) {
                bonusPct = b.value();
                if (base != null) {
                    bonusAmount = base * bonusPct / 100;
                }
            } else {
                bonusAmount = abs.get(Component.BONUS);
                if (base != null) {
                    bonusPct = bonusAmount / base * 100;
                }
            }
        }

        if (base != null) {
            List<String> v = new ArrayList<>();
            if (band != null) {
                v.add(verdict(base, band.base(), band.currency(), band.unit(), "the " + band.name() + " band"));
            }
            if (usMedian) {
                v.add(median(base, level.base() * Money.multiplier(lu), "the US " + level.level() + " median "
                        + Money.inUnit(lc, lu, level.base()), cur, unit));
            }
            r.bullet("*Base* " + Money.abs(cur, unit, base) + ": " + String.join("; ", v));
        }
        if (given.containsKey(Component.BONUS)) {
            String shown;
            if (given.get(Component.BONUS).percent()) {
                shown = Money.pct(bonusPct) + " of base" + (bonusAmount == null ? ""
                        : " (" + Money.pct(bonusPct) + " × " + Money.abs(cur, unit, base) + " = "
                        + Money.abs(cur, unit, bonusAmount) + ")");
            } else {
                shown = Money.abs(cur, unit, bonusAmount) + (bonusPct == null ? " (no base given, so no percentage)"
                        : " (" + Money.abs(cur, unit, bonusAmount) + " ÷ " + Money.abs(cur, unit, base) + " = "
                        + Money.pct(round1(bonusPct)) + " of base)");
            }
            List<String> v = new ArrayList<>();
            if (bonusPct != null && band != null) {
                v.add(percentVerdict(round1(bonusPct), band.bonusPercent(), "the " + band.name() + " band"));
            }
            if (bonusPct != null && usMedian) {
                double m = level.bonusPercent();
                double p = round1(bonusPct);
                v.add(p == m ? "at the US " + level.level() + " median (" + Money.pct(m) + ")"
                        : (p < m ? "below" : "above") + " the US " + level.level() + " median (" + Money.pct(m) + ")");
            }
            r.bullet("*Bonus* " + shown + (v.isEmpty() ? "" : ": " + String.join("; ", v)));
        }

        Double stockYearly = null;
        Double stock4 = null;
        if (abs.containsKey(Component.EQUITY)) {
            Amount s = given.get(Component.EQUITY);
            double v = abs.get(Component.EQUITY);
            String shown;
            if (s.perYear()) {
                stockYearly = v;
                stock4 = v * years4;
                shown = Money.abs(cur, unit, v) + " a year (" + Money.abs(cur, unit, v) + " × " + years4 + " = "
                        + Money.abs(cur, unit, stock4) + " over " + years4 + " years)";
            } else {
                int n = s.years() == null ? years4 : s.years();
                if (s.years() == null) {
                    r.line("I read the stock as a grant over " + years4 + " years, as the band is written; say"
                            + " \"per year\" if it is yearly.");
                }
                stockYearly = v / n;
                stock4 = stockYearly * years4;
                shown = Money.abs(cur, unit, v) + " over " + n + " years (" + Money.abs(cur, unit, v) + " ÷ " + n
                        + " = " + Money.abs(cur, unit, stockYearly) + " a year"
                        + (n == years4 ? "" : "; " + Money.abs(cur, unit, stockYearly) + " × " + years4 + " = "
                        + Money.abs(cur, unit, stock4) + " over " + years4 + " years") + ")";
            }
            List<String> verdicts = new ArrayList<>();
            if (band != null) {
                verdicts.add(verdict(stock4, band.stock(), band.currency(), band.unit(),
                        "the " + band.name() + " band (over " + band.stockYears() + " years)"));
            }
            if (usMedian) {
                verdicts.add("US " + level.level() + " median equity " + Money.inUnit(lc, lu, level.equity())
                        + " (the guide does not state its vesting period, so not compared)");
            }
            r.bullet("*Stock* " + shown + (verdicts.isEmpty() ? "" : ": " + String.join("; ", verdicts)));
        }

        if (base != null && stockYearly != null) {
            double b = bonusAmount == null ? 0 : bonusAmount;
            double total = base + b + stockYearly;
            String sum = Money.abs(cur, unit, base) + " + " + Money.abs(cur, unit, b) + " + "
                    + Money.abs(cur, unit, stockYearly) + " = " + Money.abs(cur, unit, total);
            List<String> v = new ArrayList<>();
            if (band != null) {
                v.add(verdict(total, band.totalComp(), band.currency(), band.unit(), "the " + band.name()
                        + " band's total comp"));
            }
            if (usMedian) {
                v.add("US " + level.level() + " median OTE " + Money.inUnit(lc, lu, level.ote()) + " for reference");
            }
            r.bullet("*Total a year* " + sum + " (base + bonus + a year of stock"
                    + (bonusAmount == null ? "; no bonus given" : "") + ")" + (v.isEmpty() ? "" : ": " + String.join("; ", v)));
        }
        if (abs.containsKey(Component.TOTAL)) {
            double t = abs.get(Component.TOTAL);
            List<String> v = new ArrayList<>();
            if (band != null) {
                v.add(verdict(t, band.totalComp(), band.currency(), band.unit(), "the " + band.name() + " band's total comp"));
            }
            if (usMedian) {
                v.add(median(t, level.ote() * Money.multiplier(lu), "the US " + level.level() + " median OTE "
                        + Money.inUnit(lc, lu, level.ote()), cur, unit));
            }
            r.bullet("*Total* (as given) " + Money.abs(cur, unit, t) + (v.isEmpty() ? "" : ": " + String.join("; ", v)));
        }
        if (!q.ignored().isEmpty()) {
            r.line("The data has no figures for " + String.join(" or ", q.ignored()) + ", so I left it out.");
        }

        counter(r, band, level, usMedian, cur, unit, base, bonusPct, stock4, given.size() > 1);

        if (band != null) {
            r.source(band.source());
            r.caveat(CompAnswerer.BAND_CAVEAT);
        }
        if (level != null || note != null) {
            r.source(data.levelTable().source());
            if (usMedian) {
                r.caveat(data.levelTable().basis());
            }
        }
        if (stockYearly != null) {
            r.caveat(CompAnswerer.VESTING_CAVEAT);
        }
        r.source(data.negotiation().source());
        CompReply built = r.build(true);
        return new CompReply(built.text() + "\n" + NOT_ADVICE, built.sources(), true);
    }

    private void counter(ReplyBuilder r, Band band, LevelRow level, boolean usMedian, String cur, String unit,
                         Double base, Double bonusPct, Double stock4, boolean script) {
        Negotiation n = data.negotiation();
        String nc = n.currency();
        String nu = n.unit();
        double nm = Money.multiplier(nu);
        boolean guideCurrency = cur.equals(nc);
        r.line("*Counter proposal* (negotiation guide levers)");
        if (stock4 != null) {
            String push = Money.abs(cur, unit, stock4) + " + " + Money.pct(n.stockPushPercent()) + " × "
                    + Money.abs(cur, unit, stock4) + " = " + Money.abs(cur, unit, stock4 * (1 + n.stockPushPercent() / 100));
            if (guideCurrency) {
                double target = n.targetStock() * nm;
                if (stock4 < target) {
                    // one number to ask for (the guide's target); the other figures explain it, so it reads as one plan
                    boolean pushShort = stock4 * (1 + n.stockPushPercent() / 100) < target;
                    r.bullet("Stock: ask for " + Money.inUnit(nc, nu, n.targetStock()) + " in RSUs over "
                            + n.targetStockYears() + " years with a " + Money.pct(n.targetBonusPercent())
                            + " bonus: one number, the guide's target. Why this number: the streaming ML scarcity push of "
                            + Money.pct(n.stockPushPercent()) + " more RSUs (" + push + ") "
                            + (pushShort ? "falls short of it, so open at the target and give scarcity as the reason"
                                    : "lands above it, so the target is a reasonable ask you can defend with scarcity")
                            + ". What to expect: the guide expects their counter at "
                            + Money.rangeInUnit(nc, nu, n.expectedCounterStock()) + " and says accept at "
                            + Money.inUnit(nc, nu, n.acceptStock()) + "+ with a " + Money.pct(n.acceptBonusPercent())
                            + " bonus, so a counter at or above that is a yes.");
                } else {
                    r.bullet("Stock: at or above the guide's target of " + Money.inUnit(nc, nu, n.targetStock())
                            + " over " + n.targetStockYears() + " years; spend your asks on base and bonus.");
                }
            } else if (band != null && stock4 >= band.stock().high() * Money.multiplier(band.unit())) {
                r.bullet("Stock: at or above the band's top of " + Money.inUnit(band.currency(), band.unit(),
                        band.stock().high()) + "; the guide's scarcity lever (\"above-band equity\") supports holding it."
                        + " Its counter figures are in " + nc + " for US offers, and the data has no exchange rate.");
            } else {
                r.bullet("Stock: push for " + Money.pct(n.stockPushPercent()) + " more RSUs (" + push + ")"
                        + (band != null ? "; the band's top is " + Money.inUnit(band.currency(), band.unit(),
                        band.stock().high()) : "") + ". The guide's counter figures are in " + nc
                        + " for US offers, and the data has no exchange rate.");
            }
        }
        if (bonusPct != null) {
            if (round1(bonusPct) < n.targetBonusPercent()) {
                r.bullet("Bonus: ask for " + Money.pct(n.targetBonusPercent()) + " (the guide's target"
                        + (band != null ? "; the band's top is " + Money.pct(band.bonusPercent().high()) : "") + ").");
            } else {
                r.bullet("Bonus: at or above the guide's " + Money.pct(n.targetBonusPercent()) + " target.");
            }
        }
        if (base != null && band != null) {
            double high = band.base().high() * Money.multiplier(band.unit());
            if (base < high) {
                r.bullet("Base: ask toward the band's top of " + Money.inUnit(band.currency(), band.unit(),
                        band.base().high()) + (usMedian && base < level.base() * Money.multiplier(data.levelTable().unit())
                        ? "; it is below the US " + level.level() + " median, a fair anchor" : "") + ".");
            } else {
                r.bullet("Base: at or above the band's top; spend your asks on stock.");
            }
        }
        r.bullet("If you build autonomous streaming agents, cite the " + Money.pctRange(n.agenticPremiumPercent())
                + " Agentic AI Premium.");
        if (!script) {
            return;
        }
        r.line("*Script outline*");
        r.line("1. Thank them and say you want to make it work.");
        int i = 2;
        for (CompData.Lever l : n.levers()) {
            r.line(i++ + ". " + l.name() + ": \"" + l.script() + "\"");
        }
        r.line(i + ". The ask, then stop talking. Name competing offers only if you have them (the guide's example"
                + " cites " + n.competingOffers().stream().map(o -> o.company() + " at " + Money.inUnit(nc, nu, o.amount()))
                .collect(Collectors.joining(" and ")) + ").");
    }

    /** "within the London band £82K–£105K (35% of the way up)", "below ... by £4K", "above ... by £3K". */
    static String verdict(double value, Range range, String currency, String unit, String what) {
        double m = Money.multiplier(unit);
        double lo = range.low() * m;
        double hi = range.high() * m;
        String shown = what + " " + Money.rangeInUnit(currency, unit, range);
        if (value < lo) {
            return "below " + shown + " by " + Money.abs(currency, unit, lo - value);
        }
        if (value > hi) {
            return "above " + shown + " by " + Money.abs(currency, unit, value - hi);
        }
        return "within " + shown + " (" + position(value, lo, hi) + ")";
    }

    static String percentVerdict(double value, Range range, String what) {
        String shown = what + " " + Money.pctRange(range);
        if (value < range.low()) {
            return "below " + shown;
        }
        if (value > range.high()) {
            return "above " + shown;
        }
        return "within " + shown + " (" + position(value, range.low(), range.high()) + ")";
    }

    private static String position(double value, double lo, double hi) {
        if (hi == lo) {
            return "the band is a single figure";
        }
        long p = Math.round((value - lo) / (hi - lo) * 100);
        if (p == 0) {
            return "at the bottom of the range";
        }
        if (p == 100) {
            return "at the top of the range";
        }
        return p + "% of the way up the range";
    }

    private static String median(double value, double median, String what, String cur, String unit) {
        if (Math.abs(value - median) < 0.5) {
            return "at " + what;
        }
        return Money.abs(cur, unit, Math.abs(value - median)) + (value < median ? " below " : " above ") + what;
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private String levels() {
        return data.levels().stream().map(LevelRow::level).collect(Collectors.joining(", "));
    }

    private CompReply problemReply(List<String> problems) {
        StringBuilder sb = new StringBuilder("*I couldn't check this offer:*\n");
        for (String p : new LinkedHashSet<>(problems)) {
            sb.append("• ").append(p).append('\n');
        }
        sb.append(EXAMPLE).append('\n').append(NOT_ADVICE);
        return new CompReply(sb.toString(), List.of(), false);
    }
}
