package coach.comp;

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
import java.util.stream.Collectors;

/**
 * Turns a parsed question into a templated reply: figures as the sources write them, the source named, and a
 * one-line caveat. Never invents a figure: arithmetic (a difference, a grant divided by its years, a
 * percentage of a base, a first-year sum) is written out. Stateless and thread-safe.
 */
public final class CompAnswerer {
    static final String BAND_CAVEAT = "bands are ranges for ML/AI engineers with no level";
    static final String VESTING_CAVEAT = "÷ 4 assumes the RSU grant vests evenly over its 4 years, which the guide does not state";
    static final String NO_RATE = "The data has no exchange rate, so I don't convert between currencies;"
            + " each figure is in the currency its source uses.";

    private final CompData data;

    public CompAnswerer(CompData data) {
        this.data = data;
    }

    /** Answers a question (not an offer: see {@link OfferCheck}). */
    public CompReply answer(CompQuestion q) {
        if (q.topics().contains(Topic.HELP)) {
            return help();
        }
        if (q.isEmpty()) {
            return q.compQuestion() ? overview() : notUnderstood();
        }
        ReplyBuilder r = new ReplyBuilder(data);
        Set<Component> comps = q.components().isEmpty() ? EnumSet.allOf(Component.class) : q.components();

        unknowns(q, r);
        if (!q.unknownLevels().isEmpty() && q.levels().isEmpty() && q.regions().isEmpty()) {
            r.line(examples());
            return r.build(false);
        }
        mapping(q, r);

        List<LevelRow> levels = q.levels().stream().map(id -> data.level(id).orElseThrow()).toList();
        List<Band> bands = new ArrayList<>();
        List<GeoNote> notes = new ArrayList<>();
        boolean us = false;
        for (String region : q.regions()) {
            data.band(region).ifPresent(bands::add);
            data.geo(region).ifPresent(notes::add);
            us |= region.equals("us");
        }
        for (GeoNote g : notes) {
            if (g.nearestBand() != null) {
                data.band(g.nearestBand()).filter(b -> !bands.contains(b)).ifPresent(bands::add);
            }
        }

        boolean anyPlace = !q.regions().isEmpty() || q.unknownRegion();
        if (levels.isEmpty() && !anyPlace && !q.components().isEmpty()) {
            bands.addAll(data.bands()); // a component alone: every level and every band
        }
        boolean figures = !levels.isEmpty() || !bands.isEmpty() || !notes.isEmpty() || us;
        boolean topicOnly = !q.topics().isEmpty() && q.levels().isEmpty() && q.regions().isEmpty();
        if (figures && !topicOnly) {
            figures(q, r, comps, levels, bands, notes, us);
        }
        if (q.conversion() || q.currencies().size() > 1 && bands.size() > 0
                || bands.stream().anyMatch(b -> q.currencies().stream().anyMatch(c -> !c.equals(b.currency())))) {
            r.line(NO_RATE);
        }
        if (q.topics().contains(Topic.NEGOTIATION)) {
            negotiation(r);
        } else if (q.topics().contains(Topic.AGENTIC_PREMIUM)) {
            agentic(r);
        }
        if (q.topics().contains(Topic.MARKET)) {
            market(q, r);
        }
        if (q.topics().contains(Topic.MAPPING) && q.mappedFrom() == null && !q.unmappedCompanyLevel()) {
            r.line("*Level mapping* (negotiation guide): " + data.levelMapping().text() + ".");
            r.source(data.levelMapping().source());
        }
        if (!r.hasSources()) {
            // only unknowns: say what exists
            r.line(whatExists());
            return r.build(false);
        }
        return r.build(true);
    }

    private void figures(CompQuestion q, ReplyBuilder r, Set<Component> comps, List<LevelRow> levels,
                         List<Band> bands, List<GeoNote> notes, boolean us) {
        for (GeoNote g : notes) {
            r.line("*" + g.name() + "*: " + g.note() + (g.nearestBand() == null
                    ? " The data has no " + g.name() + " band or per-level figures for it."
                    : " The data has no " + g.name() + " band; the nearest is "
                    + data.band(g.nearestBand()).map(Band::name).orElse("") + "."));
            r.source(g.source());
        }
        boolean levelAndBand = !levels.isEmpty() && !bands.isEmpty();
        if (levelAndBand) {
            String places = bands.stream().map(Band::name).collect(Collectors.joining(" and "));
            r.line("The data has no " + places + " figure per level: the " + places + " band"
                    + (bands.size() > 1 ? "s cover" : " covers") + " ML/AI engineers of every level, and the"
                    + " per-level figures are US medians. Both, labelled:");
        }

        List<LevelRow> rows = levels;
        boolean componentOnly = levels.isEmpty() && q.regions().isEmpty() && !q.unknownRegion();
        boolean showLevels = !levels.isEmpty() || us || notes.stream().anyMatch(g -> g.nearestBand() == null)
                || bands.isEmpty() || componentOnly;
        if (rows.isEmpty() && showLevels) {
            rows = data.levels();
        }
        if (showLevels) {
            for (LevelRow row : rows) {
                r.bullet(levelLine(row, comps));
            }
            r.source(data.levelTable().source());
            r.caveat(data.levelTable().basis());
            for (GeoNote g : notes) {
                if (g.basePremiumPercent() != null && comps.contains(Component.BASE)) {
                    for (LevelRow row : rows) {
                        r.bullet(premiumLine(row, g));
                    }
                }
            }
            if (q.period() != Period.UNSPECIFIED && (comps.contains(Component.EQUITY) || comps.contains(Component.TOTAL))) {
                r.line("The interview guide does not say over how many years its equity figure vests, so I can't"
                        + " split the level table by year.");
            }
            if (rows.size() == 2) {
                differences(r, rows.get(0), rows.get(1), comps);
            }
        }
        for (Band b : bands) {
            r.bullet(bandLine(b, comps, q.period()));
            r.source(b.source());
            r.caveat(BAND_CAVEAT);
            if (q.period() != Period.UNSPECIFIED && (comps.contains(Component.EQUITY) || comps.contains(Component.TOTAL))) {
                r.caveat(VESTING_CAVEAT);
            }
        }
        if (bands.size() > 1 && bands.stream().map(Band::currency).distinct().count() > 1 && !q.conversion()) {
            r.line("The bands are in different currencies (" + bands.stream().map(Band::currency).distinct()
                    .collect(Collectors.joining(", ")) + ") and the data has no exchange rate, so I don't rank them.");
        }
        if (bands.isEmpty() && levels.isEmpty() && !us && notes.isEmpty()) {
            return;
        }
        if (showLevels && bands.isEmpty() && notes.isEmpty() && !q.unknownRegion()) {
            r.caveat("location matters: the Bay Area's median base is ~12% higher; regional bands exist for "
                    + data.bands().stream().map(Band::name).collect(Collectors.joining(", ")));
        }
        if (!showLevels && !bands.isEmpty()) {
            r.caveat("for a per-level figure, ask with a level (US medians: "
                    + data.levels().stream().map(LevelRow::level).collect(Collectors.joining(", ")) + ")");
        }
    }

    /** "*L4 (Mid-Level), US median*: base $190k, bonus 15% of base (15% × $190k = $28.5k), equity $70k, OTE $285k". */
    String levelLine(LevelRow row, Set<Component> comps) {
        String cur = data.levelTable().currency();
        String unit = data.levelTable().unit();
        List<String> parts = new ArrayList<>();
        if (comps.contains(Component.BASE)) {
            parts.add("base " + Money.inUnit(cur, unit, row.base()));
        }
        if (comps.contains(Component.BONUS)) {
            parts.add("bonus " + Money.pct(row.bonusPercent()) + " of base (" + Money.pct(row.bonusPercent()) + " × "
                    + Money.inUnit(cur, unit, row.base()) + " = "
                    + Money.inUnit(cur, unit, row.base() * row.bonusPercent() / 100) + ")");
        }
        if (comps.contains(Component.EQUITY)) {
            parts.add("equity " + Money.inUnit(cur, unit, row.equity()) + " (vesting period not stated)");
        }
        if (comps.contains(Component.TOTAL)) {
            parts.add("on-target total (OTE) " + Money.inUnit(cur, unit, row.ote()));
        }
        return "*" + row.level() + " (" + row.label() + "), US median*: " + String.join(", ", parts);
    }

    private String premiumLine(LevelRow row, GeoNote g) {
        String cur = data.levelTable().currency();
        String unit = data.levelTable().unit();
        double p = g.basePremiumPercent();
        return row.level() + " base in the " + g.name() + ", by arithmetic on the guide's ~" + Money.pct(p) + ": "
                + Money.inUnit(cur, unit, row.base()) + " + " + Money.pct(p) + " × " + Money.inUnit(cur, unit, row.base())
                + " = " + Money.inUnit(cur, unit, row.base() * (1 + p / 100)) + " (approximate)";
    }

    private void differences(ReplyBuilder r, LevelRow a, LevelRow b, Set<Component> comps) {
        LevelRow lo = a.base() <= b.base() ? a : b;
        LevelRow hi = lo == a ? b : a;
        String cur = data.levelTable().currency();
        String unit = data.levelTable().unit();
        List<String> parts = new ArrayList<>();
        if (comps.contains(Component.BASE)) {
            parts.add("base " + diff(cur, unit, hi.base(), lo.base()));
        }
        if (comps.contains(Component.BONUS)) {
            parts.add("bonus " + Money.pct(hi.bonusPercent()) + " vs " + Money.pct(lo.bonusPercent()) + " of base");
        }
        if (comps.contains(Component.EQUITY)) {
            parts.add("equity " + diff(cur, unit, hi.equity(), lo.equity()));
        }
        if (comps.contains(Component.TOTAL)) {
            parts.add("OTE " + diff(cur, unit, hi.ote(), lo.ote()));
        }
        r.line("*" + hi.level() + " vs " + lo.level() + "* (US medians): " + String.join("; ", parts) + ".");
    }

    private static String diff(String cur, String unit, double hi, double lo) {
        return Money.inUnit(cur, unit, hi) + " − " + Money.inUnit(cur, unit, lo) + " = "
                + Money.inUnit(cur, unit, hi - lo);
    }

    /** "*London band, ML/AI Engineer (no level)*: base £82K–£105K, stock £90K–£148K over 4 years, ...". */
    String bandLine(Band b, Set<Component> comps, Period period) {
        String c = b.currency();
        String u = b.unit();
        List<String> parts = new ArrayList<>();
        if (comps.contains(Component.BASE)) {
            parts.add("base " + Money.rangeInUnit(c, u, b.base()));
        }
        if (comps.contains(Component.EQUITY)) {
            String s = "stock (RSU) " + Money.rangeInUnit(c, u, b.stock()) + " over " + b.stockYears() + " years";
            if (period == Period.YEARLY || period == Period.FIRST_YEAR) {
                s += " (a year: " + Money.inUnit(c, u, b.stock().low()) + " ÷ " + b.stockYears() + " = "
                        + Money.inUnit(c, u, b.stock().low() / b.stockYears()) + ", " + Money.inUnit(c, u, b.stock().high())
                        + " ÷ " + b.stockYears() + " = " + Money.inUnit(c, u, b.stock().high() / b.stockYears()) + ")";
            }
            parts.add(s);
        }
        if (comps.contains(Component.BONUS)) {
            parts.add("bonus " + Money.pctRange(b.bonusPercent()) + " of base");
        }
        if (comps.contains(Component.TOTAL)) {
            parts.add("total comp " + Money.rangeInUnit(c, u, b.totalComp()));
        }
        String line = "*" + b.name() + " band, " + b.role() + " (no level)*: " + String.join(", ", parts);
        if (period == Period.FIRST_YEAR && (comps.contains(Component.TOTAL) || comps.size() == Component.values().length)) {
            line += "\n• First year, by arithmetic on the band (base + bonus + a year of stock): low "
                    + firstYear(b, b.base().low(), b.bonusPercent().low(), b.stock().low()) + "; high "
                    + firstYear(b, b.base().high(), b.bonusPercent().high(), b.stock().high());
        }
        return line;
    }

    private static String firstYear(Band b, double base, double bonusPct, double stock) {
        String c = b.currency();
        String u = b.unit();
        double total = base + base * bonusPct / 100 + stock / b.stockYears();
        return Money.inUnit(c, u, base) + " + " + Money.pct(bonusPct) + " × " + Money.inUnit(c, u, base) + " + "
                + Money.inUnit(c, u, stock) + " ÷ " + b.stockYears() + " = " + Money.inUnit(c, u, total);
    }

    private void unknowns(CompQuestion q, ReplyBuilder r) {
        for (String level : q.unknownLevels()) {
            String name = level.matches("L\\d+") ? level : Character.toUpperCase(level.charAt(0)) + level.substring(1);
            r.line("There is no " + name + " level in the data: the level table has " + levelList() + ".");
        }
        if (q.unmappedCompanyLevel()) {
            r.line("The level mapping covers only " + data.levelMapping().equivalents().stream()
                    .map(e -> e.company() + " " + e.title()).collect(Collectors.joining(", "))
                    + " (each = Confluent " + data.levelMapping().confluentTitle() + "); it has nothing for other"
                    + " companies or levels.");
            r.source(data.levelMapping().source());
        }
        if (q.unknownRegion()) {
            r.line("I have no figures for that place. " + whatExists());
        }
    }

    private void mapping(CompQuestion q, ReplyBuilder r) {
        if (q.mappedFrom() == null) {
            return;
        }
        CompData.LevelMapping m = data.levelMapping();
        LevelRow row = data.level(m.confluentLevel()).orElseThrow();
        if (q.mappedFrom().startsWith("Confluent")) {
            r.line("Senior ML engineer: the negotiation guide's level mapping names Confluent " + m.confluentTitle()
                    + ", and the interview guide's level table calls " + row.level() + " \"" + row.label()
                    + "\", so I use " + row.level() + ".");
        } else {
            r.line("*Level mapping* (negotiation guide): " + m.text() + ". So " + q.mappedFrom() + " = Confluent "
                    + m.confluentTitle() + ", which the interview guide's level table calls " + row.level() + " ("
                    + row.label() + ").");
        }
        r.source(m.source());
    }

    private void negotiation(ReplyBuilder r) {
        CompData.Negotiation n = data.negotiation();
        String c = n.currency();
        String u = n.unit();
        r.line("*Negotiating* (negotiation guide; Negotiation DNA: " + n.dna() + ")");
        r.bullet("The guide's ask: " + Money.inUnit(c, u, n.targetStock()) + " in RSUs over " + n.targetStockYears()
                + " years with a " + Money.pct(n.targetBonusPercent()) + " bonus and the "
                + Money.pctRange(n.agenticPremiumPercent()) + " Agentic AI Premium.");
        r.bullet("Its example competing offers: " + n.competingOffers().stream()
                .map(o -> o.company() + " (" + o.label() + ") at " + Money.inUnit(c, u, o.amount()))
                .collect(Collectors.joining("; ")) + ". Cite competing offers only if you really have them.");
        r.bullet("Expected counter: " + Money.rangeInUnit(c, u, n.expectedCounterStock()) + " in RSUs; accept at "
                + Money.inUnit(c, u, n.acceptStock()) + "+ with a " + Money.pct(n.acceptBonusPercent()) + " bonus.");
        r.bullet("Streaming ML scarcity: push for " + Money.pct(n.stockPushPercent()) + " more RSUs.");
        r.line("*Levers* (scripts shortened)");
        int i = 1;
        for (CompData.Lever l : n.levers()) {
            r.line(i++ + ". *" + l.name() + "*: \"" + l.script() + "\"");
        }
        r.source(n.source());
        r.caveat("the guide's counter figures are US dollars; for London or Bangalore use the same levers with"
                + " that band's figures; not legal or tax advice");
    }

    private void agentic(ReplyBuilder r) {
        CompData.Negotiation n = data.negotiation();
        CompData.Lever lever = n.levers().stream().filter(l -> l.id().equals("agentic-premium")).findFirst()
                .orElse(n.levers().get(0));
        r.line("*Agentic AI Premium*: " + Money.pctRange(n.agenticPremiumPercent()) + ", for building autonomous"
                + " streaming agents (negotiation guide). The guide does not say which component it applies to.");
        r.bullet("Script: \"" + lever.script() + "\"");
        r.source(n.source());
    }

    private void market(CompQuestion q, ReplyBuilder r) {
        r.line("*Market figures* (interview guide)");
        for (CompData.MarketFigure m : data.market()) {
            if (q.marketIds().contains(m.id())) {
                String value = "percent".equals(m.unit()) ? Money.pct(m.value()) : Money.num(m.value()) + " days";
                r.bullet(m.label() + ": " + value);
                r.source(m.source());
            }
        }
    }

    /** Something about pay, but nothing specific: the shape of the data. */
    CompReply overview() {
        ReplyBuilder r = new ReplyBuilder(data);
        r.line("*What the data has*");
        for (LevelRow row : data.levels()) {
            r.bullet(levelLine(row, EnumSet.of(Component.BASE, Component.TOTAL)));
        }
        r.source(data.levelTable().source());
        for (Band b : data.bands()) {
            r.bullet(bandLine(b, EnumSet.of(Component.BASE, Component.TOTAL), Period.UNSPECIFIED));
            r.source(b.source());
        }
        r.line("Ask about a level, a region, a component (base, bonus, stock, total), a comparison, or negotiating:"
                + " `what is L4 base in London?`, `L4 vs L5`, `how do I negotiate?`");
        r.caveat(data.levelTable().basis());
        r.caveat(BAND_CAVEAT);
        return r.build(true);
    }

    CompReply notUnderstood() {
        return new CompReply("I couldn't tell what you're asking about pay. " + examples(), List.of(), false);
    }

    /** How to ask, with examples; quotes no figures from the data. */
    public CompReply help() {
        String text = "*Ask me about pay* (answers use the two seed documents only, with their source named)\n"
                + "• A level: `what is L4 base?`, `L5 total comp`, `how much stock do senior engineers get?`\n"
                + "• A region: `what is L4 base in London?`, `how much do senior ML engineers make in Bangalore?`\n"
                + "• A comparison: `L4 vs L5`, `London vs Mountain View stock`\n"
                + "• Per year: `yearly stock in London`, `first-year comp in Mountain View`\n"
                + "• Other companies: `what is a Google L4 at Confluent?`\n"
                + "• Negotiating: `how do I negotiate?`, `agentic AI premium`, `time to offer`\n"
                + "• Offer check: `level=L4 region=mountain-view base=190k bonus=15% equity=250k`, or in words:"
                + " _I got an L4 offer in Mountain View: 190k base, 15% bonus, 250k RSUs over 4 years_\n"
                + "Data: levels " + levelList() + " (US medians); bands for "
                + data.bands().stream().map(Band::name).collect(Collectors.joining(", ")) + " (no level).";
        return new CompReply(text, List.of(), false);
    }

    String examples() {
        return "Try `what is L4 base in London?`, `L4 vs L5 total comp`, `how do I negotiate?`, or an offer:"
                + " `level=L4 region=mountain-view base=190k bonus=15% equity=250k`. Type `help` for more.";
    }

    String levelList() {
        List<LevelRow> rows = data.levels();
        List<String> names = rows.stream().map(r -> r.level() + " (" + r.label() + ")").toList();
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    String whatExists() {
        return "The data covers: US medians by level (" + data.levels().stream().map(LevelRow::level)
                .collect(Collectors.joining(", ")) + "); ML/AI engineer bands for "
                + data.bands().stream().map(Band::name).collect(Collectors.joining(", ")) + "; remarks on "
                + data.geography().stream().map(GeoNote::name).collect(Collectors.joining(" and ")) + ".";
    }
}
