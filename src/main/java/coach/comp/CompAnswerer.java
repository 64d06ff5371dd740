package coach.comp;

import static coach.comp.CompReply.code;
import static coach.comp.CompReply.strong;

import coach.comp.CompData.Band;
import coach.comp.CompData.GeoNote;
import coach.comp.CompData.LevelRow;
import coach.comp.CompQuestion.Component;
import coach.comp.CompQuestion.Period;
import coach.comp.CompQuestion.Topic;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns a parsed question into a templated reply: figures as the sources write them, the source named, and a
 * one-line caveat. Never invents a figure: arithmetic (a difference, a grant divided by its years, a percentage of
 * a base, a first-year sum) is written out. Stateless and thread-safe.
 */
public final class CompAnswerer {
    static final String BAND_CAVEAT = "bands are ranges for ML/AI engineers with no level";
    /** The caveat of a yearly split of a grant over {@code years} years (from comp.yaml, like every figure quoted). */
    static String vestingCaveat(int years) {
        return "÷ " + years + " assumes the RSU grant vests evenly over its " + years + " years, which the guide does not state";
    }
    static final String NO_RATE = "The data has no exchange rate, so I don't convert between currencies;"
            + " each figure is in the currency its source uses.";

    private static final List<Component> LEVEL_ORDER = List.of(Component.values());
    private static final List<Component> BAND_ORDER = List.of(Component.BASE, Component.EQUITY, Component.BONUS, Component.TOTAL);

    private final CompData data;
    private final Wording words;
    private final CompHelp help;

    CompAnswerer(CompData data, Wording words) {
        this.data = data;
        this.words = words;
        this.help = new CompHelp(data, words);
    }

    /** What a question is about: the level rows, the bands (with those nearest to a remark) and the remarks. */
    private record Scope(List<LevelRow> levels, List<Band> bands, List<GeoNote> notes, boolean us) {}

    /** How to ask, with examples; quotes no figures from the data. */
    public CompReply help() {
        return help.help();
    }

    /** Answers a question (not an offer: see {@link OfferCheck}). */
    public CompReply answer(CompQuestion q) {
        if (q.topics().contains(Topic.HELP)) {
            return help.help();
        }
        if (q.isEmpty()) {
            return q.compQuestion() ? overview() : help.notUnderstood();
        }
        CompReply.Builder r = new CompReply.Builder(data);
        unknowns(q, r);
        if (!q.unknownLevels().isEmpty() && q.levels().isEmpty() && q.regions().isEmpty()) {
            return r.add(help.examples()).build(false);
        }
        mapping(q, r);
        Scope s = scope(q);
        boolean figures = !s.levels().isEmpty() || !s.bands().isEmpty() || !s.notes().isEmpty() || s.us();
        if (figures && (q.topics().isEmpty() || !q.levels().isEmpty() || !q.regions().isEmpty())) {
            figures(q, r, q.components().isEmpty() ? EnumSet.allOf(Component.class) : q.components(), s);
        }
        if (q.conversion() || q.currencies().size() > 1 && !s.bands().isEmpty()
                || s.bands().stream().anyMatch(b -> q.currencies().stream().anyMatch(c -> !c.equals(b.currency())))) {
            r.text(NO_RATE);
        }
        topics(q, r);
        return r.hasSources() ? r.build(true) : r.text(help.whatExists()).build(false); // only unknowns: say what exists
    }

    private Scope scope(CompQuestion q) {
        List<Band> bands = new ArrayList<>();
        List<GeoNote> notes = new ArrayList<>();
        q.regions().forEach(id -> { data.band(id).ifPresent(bands::add); data.geo(id).ifPresent(notes::add); });
        notes.stream().filter(g -> g.nearestBand() != null).forEach(g -> data.band(g.nearestBand())
                .filter(b -> !bands.contains(b)).ifPresent(bands::add));
        List<LevelRow> levels = q.levels().stream().map(id -> data.level(id).orElseThrow()).toList();
        if (levels.isEmpty() && q.regions().isEmpty() && !q.unknownRegion() && !q.components().isEmpty()) {
            bands.addAll(data.bands()); // a component alone: every level and every band
        }
        return new Scope(levels, bands, notes, q.regions().contains("us"));
    }

    private void topics(CompQuestion q, CompReply.Builder r) {
        if (q.topics().contains(Topic.NEGOTIATION)) {
            new OfferCounter(data, words).guide(r);
        } else if (q.topics().contains(Topic.AGENTIC_PREMIUM)) {
            new OfferCounter(data, words).agentic(r);
        }
        if (q.topics().contains(Topic.MARKET)) {
            r.text(strong("Market figures"), " (interview guide)");
            data.market().stream().filter(m -> q.marketIds().contains(m.id())).forEach(m -> r.bullet(m.label() + ": "
                    + ("percent".equals(m.unit()) ? Money.pct(m.value()) : Money.num(m.value()) + " days")).source(m.source()));
        }
        if (q.topics().contains(Topic.MAPPING) && q.mappedFrom() == null && !q.unmappedCompanyLevel()) {
            r.text(strong("Level mapping"), " (negotiation guide): " + data.levelMapping().text() + ".")
                    .source(data.levelMapping().source());
        }
    }

    private void figures(CompQuestion q, CompReply.Builder r, Set<Component> comps, Scope s) {
        for (GeoNote g : s.notes()) {
            r.text(strong(g.name()), ": " + g.note() + " The data has no " + g.name() + (g.nearestBand() == null
                    ? " band or per-level figures for it." : " band; the nearest is "
                    + data.band(g.nearestBand()).map(Band::name).orElse("") + ".")).source(g.source());
        }
        List<Band> bands = s.bands();
        if (!s.levels().isEmpty() && !bands.isEmpty()) {
            String places = CompHelp.join(bands, Band::name, " and ");
            r.text("The data has no " + places + " figure per level: the " + places + " band"
                    + (bands.size() > 1 ? "s cover" : " covers") + " ML/AI engineers of every level, and the"
                    + " per-level figures are US medians. Both, labelled:");
        }
        boolean showLevels = !s.levels().isEmpty() || s.us() || s.notes().stream().anyMatch(g -> g.nearestBand() == null)
                || bands.isEmpty() || q.regions().isEmpty() && !q.unknownRegion();
        boolean split = q.period() != Period.UNSPECIFIED && (comps.contains(Component.EQUITY) || comps.contains(Component.TOTAL));
        if (showLevels) {
            levelFigures(r, comps, s, split);
        }
        for (Band b : bands) {
            bandLines(r, b, comps, q.period());
            r.source(b.source()).caveat(BAND_CAVEAT);
            if (split) {
                r.caveat(vestingCaveat(b.stockYears()));
            }
        }
        if (bands.size() > 1 && bands.stream().map(Band::currency).distinct().count() > 1 && !q.conversion()) {
            r.text("The bands are in different currencies (" + bands.stream().map(Band::currency).distinct()
                    .collect(Collectors.joining(", ")) + ") and the data has no exchange rate, so I don't rank them.");
        }
        if (showLevels && bands.isEmpty() && s.notes().isEmpty() && !q.unknownRegion()) {
            // the premium comes from comp.yaml like every figure quoted
            r.caveat("location matters: " + data.geography().stream().filter(g -> g.basePremiumPercent() != null)
                    .map(g -> "the " + g.name() + "'s median base is ~" + Money.pct(g.basePremiumPercent()) + " higher; ")
                    .collect(Collectors.joining()) + "regional bands exist for " + CompHelp.join(data.bands(), Band::name, ", "));
        }
        if (!showLevels && !bands.isEmpty()) {
            r.caveat("for a per-level figure, ask with a level (US medians: " + help.levelIds() + ")");
        }
    }

    private void levelFigures(CompReply.Builder r, Set<Component> comps, Scope s, boolean split) {
        List<LevelRow> rows = s.levels().isEmpty() ? data.levels() : s.levels();
        rows.forEach(row -> r.bullet(levelLine(row, comps)));
        r.source(data.levelTable().source()).caveat(data.levelTable().basis());
        for (GeoNote g : s.notes()) {
            if (g.basePremiumPercent() != null && comps.contains(Component.BASE)) {
                rows.forEach(row -> r.bullet(premiumLine(row, g)));
            }
        }
        if (split) {
            r.text("The interview guide does not say over how many years its equity figure vests, so I can't"
                    + " split the level table by year.");
        }
        if (rows.size() == 2) {
            differences(r, rows.get(0), rows.get(1), comps);
        }
    }

    private String usd(double amountInUnit) {
        return Money.inUnit(data.levelTable().currency(), data.levelTable().unit(), amountInUnit);
    }

    /** The parts for the components asked about, in the order given, joined by {@code sep}. */
    private static String parts(Set<Component> comps, List<Component> order, String sep, Function<Component, String> part) {
        return order.stream().filter(comps::contains).map(part).collect(Collectors.joining(sep));
    }

    /** "*L4 (Mid-Level), US median*: base $190k, bonus 15% of base (15% × $190k = $28.5k), equity $70k, OTE $285k". */
    private Object[] levelLine(LevelRow row, Set<Component> comps) {
        String bonus = Money.pct(row.bonusPercent());
        return new Object[] {strong(row.level() + " (" + row.label() + "), US median"), ": " + parts(comps, LEVEL_ORDER, ", ",
                c -> switch (c) {
                    case BASE -> "base " + usd(row.base());
                    case BONUS -> "bonus " + bonus + " of base (" + bonus + " × " + usd(row.base()) + " = "
                            + usd(row.base() * row.bonusPercent() / 100) + ")";
                    case EQUITY -> "equity " + usd(row.equity()) + " (vesting period not stated)";
                    case TOTAL -> "on-target total (OTE) " + usd(row.ote());
                })};
    }

    private String premiumLine(LevelRow row, GeoNote g) {
        double p = g.basePremiumPercent();
        return row.level() + " base in the " + g.name() + ", by arithmetic on the guide's ~" + Money.pct(p) + ": "
                + usd(row.base()) + " + " + Money.pct(p) + " × " + usd(row.base()) + " = "
                + usd(row.base() * (1 + p / 100)) + " (approximate)";
    }

    private void differences(CompReply.Builder r, LevelRow a, LevelRow b, Set<Component> comps) {
        LevelRow lo = a.base() <= b.base() ? a : b;
        LevelRow hi = lo == a ? b : a;
        r.text(strong(hi.level() + " vs " + lo.level()), " (US medians): " + parts(comps, LEVEL_ORDER, "; ", c -> switch (c) {
            case BASE -> "base " + diff(hi.base(), lo.base());
            case BONUS -> "bonus " + Money.pct(hi.bonusPercent()) + " vs " + Money.pct(lo.bonusPercent()) + " of base";
            case EQUITY -> "equity " + diff(hi.equity(), lo.equity());
            case TOTAL -> "OTE " + diff(hi.ote(), lo.ote());
        }) + ".");
    }

    private String diff(double hi, double lo) {
        return usd(hi) + " − " + usd(lo) + " = " + usd(hi - lo);
    }

    /** "*London band, ML/AI Engineer (no level)*: base £82K–£105K, stock £90K–£148K over 4 years, ...". */
    private void bandLines(CompReply.Builder r, Band b, Set<Component> comps, Period period) {
        String c = b.currency();
        String u = b.unit();
        r.bullet(strong(b.name() + " band, " + b.role() + " (no level)"), ": " + parts(comps, BAND_ORDER, ", ", x -> switch (x) {
            case BASE -> "base " + Money.rangeInUnit(c, u, b.base());
            case EQUITY -> "stock (RSU) " + Money.rangeInUnit(c, u, b.stock()) + " over " + b.stockYears() + " years"
                    + (period != Period.YEARLY && period != Period.FIRST_YEAR ? "" : " (a year: "
                    + perYear(b, b.stock().low()) + ", " + perYear(b, b.stock().high()) + ")");
            case BONUS -> "bonus " + Money.pctRange(b.bonusPercent()) + " of base";
            case TOTAL -> "total comp " + Money.rangeInUnit(c, u, b.totalComp());
        }));
        if (period == Period.FIRST_YEAR && (comps.contains(Component.TOTAL) || comps.size() == Component.values().length)) {
            r.bullet("First year, by arithmetic on the band (base + bonus + a year of stock): low "
                    + firstYear(b, b.base().low(), b.bonusPercent().low(), b.stock().low()) + "; high "
                    + firstYear(b, b.base().high(), b.bonusPercent().high(), b.stock().high()));
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

    private void unknowns(CompQuestion q, CompReply.Builder r) {
        q.unknownLevels().forEach(level -> r.text(help.noSuchLevel(level)));
        if (q.unmappedCompanyLevel()) {
            r.text("The level mapping covers only " + help.equivalents() + " (each = Confluent "
                    + data.levelMapping().confluentTitle() + "); it has nothing for other companies or levels.")
                    .source(data.levelMapping().source());
        }
        if (q.unknownRegion()) {
            r.text("I have no figures for that place. " + help.whatExists());
        }
    }

    private void mapping(CompQuestion q, CompReply.Builder r) {
        if (q.mappedFrom() == null) {
            return;
        }
        CompData.LevelMapping m = data.levelMapping();
        LevelRow row = data.level(m.confluentLevel()).orElseThrow();
        if (q.mappedFrom().startsWith("Confluent")) {
            r.text("Senior ML engineer: the negotiation guide's level mapping names Confluent " + m.confluentTitle()
                    + ", and the interview guide's level table calls " + row.level() + " \"" + row.label()
                    + "\", so I use " + row.level() + ".");
        } else {
            r.text(strong("Level mapping"), " (negotiation guide): " + m.text() + ". So " + q.mappedFrom()
                    + " = Confluent " + m.confluentTitle() + ", which the interview guide's level table calls "
                    + row.level() + " (" + row.label() + ").");
        }
        r.source(m.source());
    }

    /** Something about pay, but nothing specific: the shape of the data. */
    CompReply overview() {
        CompReply.Builder r = new CompReply.Builder(data).text(strong("What the data has"));
        Set<Component> comps = EnumSet.of(Component.BASE, Component.TOTAL);
        data.levels().forEach(row -> r.bullet(levelLine(row, comps)));
        r.source(data.levelTable().source());
        data.bands().forEach(b -> { bandLines(r, b, comps, Period.UNSPECIFIED); r.source(b.source()); });
        r.text("Ask about a level, a region, a component (base, bonus, stock, total), a comparison, or negotiating: ",
                code("what is L4 base in London?"), ", ", code("L4 vs L5"), ", ", code("how do I negotiate?"));
        return r.caveat(data.levelTable().basis()).caveat(BAND_CAVEAT).build(true);
    }
}
