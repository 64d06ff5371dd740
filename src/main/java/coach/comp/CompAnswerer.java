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

/**
 * Turns a parsed question into a templated reply: figures as the sources write them ({@link CompFigures}), the source
 * named, and a one-line caveat; the words are in comp-replies.yaml. Never invents a figure. Stateless and thread-safe.
 */
final class CompAnswerer {
    private final CompData data;
    private final Wording words;
    private final CompHelp help;
    private final CompFigures figures;
    private final OfferCounter negotiation;

    CompAnswerer(CompData data, Wording words) {
        this.data = data;
        this.words = words;
        this.help = new CompHelp(data, words);
        this.figures = new CompFigures(data, words);
        this.negotiation = new OfferCounter(data, words);
    }

    /** What a question is about: the level rows, the bands (with those nearest to a remark) and the remarks. */
    private record Scope(List<LevelRow> levels, List<Band> bands, List<GeoNote> notes, boolean us) {}

    /** How to ask, with examples; quotes no figures from the data. */
    CompReply help() {
        return help.help();
    }

    /** Answers a question (not an offer: see {@link OfferCheck}). */
    CompReply answer(CompQuestion q) {
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
        boolean any = !s.levels().isEmpty() || !s.bands().isEmpty() || !s.notes().isEmpty() || s.us();
        if (any && (q.topics().isEmpty() || !q.levels().isEmpty() || !q.regions().isEmpty())) {
            figures(q, r, q.components().isEmpty() ? EnumSet.allOf(Component.class) : q.components(), s);
        }
        if (q.conversion() || q.currencies().size() > 1 && !s.bands().isEmpty()
                || s.bands().stream().anyMatch(b -> q.currencies().stream().anyMatch(c -> !c.equals(b.currency())))) {
            r.add(words.lines("no_exchange_rate"));
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
            negotiation.guide(r);
        } else if (q.topics().contains(Topic.AGENTIC_PREMIUM)) {
            negotiation.agentic(r);
        }
        if (q.topics().contains(Topic.MARKET)) {
            List<CompData.MarketFigure> asked = data.market().stream().filter(m -> q.marketIds().contains(m.id())).toList();
            r.add(words.lines("market", "figures", asked.stream().map(m -> Wording.values("label", m.label(),
                    "value", Money.num(m.value()), "percent", "percent".equals(m.unit()))).toList()));
            asked.forEach(m -> r.source(m.source()));
        }
        if (q.topics().contains(Topic.MAPPING) && q.mappedFrom() == null && !q.unmappedCompanyLevel()) {
            r.add(words.lines("level_mapping", "mapping", data.levelMapping().text())).source(data.levelMapping().source());
        }
    }

    private void figures(CompQuestion q, CompReply.Builder r, Set<Component> comps, Scope s) {
        for (GeoNote g : s.notes()) {
            r.add(words.lines("place_note", "name", g.name(), "note", g.note(), "nearest", g.nearestBand() == null ? null
                    : data.band(g.nearestBand()).map(Band::name).orElse(""))).source(g.source());
        }
        List<Band> bands = s.bands();
        if (!s.levels().isEmpty() && !bands.isEmpty()) {
            r.add(words.lines("levels_and_bands", "places", CompHelp.join(bands, Band::name, " and "), "several", bands.size() > 1));
        }
        boolean showLevels = !s.levels().isEmpty() || s.us() || s.notes().stream().anyMatch(g -> g.nearestBand() == null)
                || bands.isEmpty() || q.regions().isEmpty() && !q.unknownRegion();
        boolean split = q.period() != Period.UNSPECIFIED && (comps.contains(Component.EQUITY) || comps.contains(Component.TOTAL));
        if (showLevels) {
            levelFigures(r, comps, s, split);
        }
        for (Band b : bands) {
            figures.band(r, b, comps, q.period());
            r.source(b.source()).caveat(bandCaveat());
            if (split) {
                r.caveat(vestingCaveat(b.stockYears()));
            }
        }
        List<String> currencies = bands.stream().map(Band::currency).distinct().toList();
        if (currencies.size() > 1 && !q.conversion()) {
            r.add(words.lines("bands_not_ranked", "currencies", String.join(", ", currencies)));
        }
        if (showLevels && bands.isEmpty() && s.notes().isEmpty() && !q.unknownRegion()) {
            r.caveat(words.text("location_caveat", "bands", CompHelp.join(data.bands(), Band::name, ", "), "premiums", data.geography()
                    .stream().filter(g -> g.basePremiumPercent() != null)
                    .map(g -> Wording.values("name", g.name(), "premium", Money.pct(g.basePremiumPercent()))).toList()));
        }
        if (!showLevels && !bands.isEmpty()) {
            r.caveat(words.text("per_level_caveat", "level_ids", help.levelIds()));
        }
    }

    private void levelFigures(CompReply.Builder r, Set<Component> comps, Scope s, boolean split) {
        List<LevelRow> rows = s.levels().isEmpty() ? data.levels() : s.levels();
        rows.forEach(row -> r.add(figures.level(row, comps)));
        r.source(data.levelTable().source()).caveat(data.levelTable().basis());
        for (GeoNote g : s.notes()) {
            if (g.basePremiumPercent() != null && comps.contains(Component.BASE)) {
                rows.forEach(row -> r.add(figures.premium(row, g)));
            }
        }
        if (split) {
            r.add(words.lines("no_level_split"));
        }
        if (rows.size() == 2) {
            r.add(figures.difference(rows.get(0), rows.get(1), comps));
        }
    }

    String bandCaveat() {
        return words.text("band_caveat");
    }

    /** The caveat of a yearly split of a grant over {@code years} years (from comp.yaml, like every figure quoted). */
    String vestingCaveat(int years) {
        return words.text("vesting_caveat", "years", String.valueOf(years));
    }

    private void unknowns(CompQuestion q, CompReply.Builder r) {
        q.unknownLevels().forEach(level -> r.text(help.noSuchLevel(level)));
        if (q.unmappedCompanyLevel()) {
            r.add(words.lines("unmapped_level", "equivalents", help.equivalents(), "title", data.levelMapping().confluentTitle()))
                    .source(data.levelMapping().source());
        }
        if (q.unknownRegion()) {
            r.add(words.lines("unknown_place", "what_exists", help.whatExists()));
        }
    }

    private void mapping(CompQuestion q, CompReply.Builder r) {
        if (q.mappedFrom() == null) {
            return;
        }
        CompData.LevelMapping m = data.levelMapping();
        LevelRow row = data.level(m.confluentLevel()).orElseThrow();
        r.add(words.lines(q.mappedFrom().startsWith("Confluent") ? "senior_ml_level" : "mapped_level", "title", m.confluentTitle(),
                "level", row.level(), "label", row.label(), "mapping", m.text(), "from", q.mappedFrom())).source(m.source());
    }

    /** Something about pay, but nothing specific: the shape of the data. */
    CompReply overview() {
        CompReply.Builder r = new CompReply.Builder(data).add(words.lines("overview_title"));
        Set<Component> comps = EnumSet.of(Component.BASE, Component.TOTAL);
        data.levels().forEach(row -> r.add(figures.level(row, comps)));
        r.source(data.levelTable().source());
        data.bands().forEach(b -> { figures.band(r, b, comps, Period.UNSPECIFIED); r.source(b.source()); });
        return r.add(words.lines("overview_ask")).caveat(data.levelTable().basis()).caveat(bandCaveat()).build(true);
    }
}
