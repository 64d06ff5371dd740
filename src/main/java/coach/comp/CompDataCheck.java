package coach.comp;

import coach.comp.CompData.FileShape;
import coach.comp.CompData.Range;
import coach.config.ConfigException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/** Checks what Jackson cannot: required fields, known currencies, ranges, percentages, sources, unique aliases. */
final class CompDataCheck {
    private static final Set<String> MARKET_UNITS = Set.of("percent", "days");
    private static final Set<String> COMPONENTS = Set.of("base", "bonus", "equity", "total");
    private final Path file;
    private final Set<String> sourceIds = new TreeSet<>();
    private final Map<String, String> aliasOwner = new HashMap<>();

    CompDataCheck(Path file) {
        this.file = file;
    }

    private ConfigException fail(String field, String reason) {
        return new ConfigException(file, field, reason);
    }

    void check(FileShape f) {
        each(list(f.sources(), "sources"), "sources", (s, p) -> {
            text(s.id(), p + ".id");
            text(s.title(), p + ".title");
            text(s.date(), p + ".date");
            require(sourceIds.add(s.id()), p + ".id", "duplicate source id '" + s.id() + "'");
        });
        levels(notNull(f.levelTable(), "level_table"));
        bands(f);
        geography(f);
        mapping(notNull(f.levelMapping(), "level_mapping"), f.levelTable());
        market(list(f.market(), "market"));
        negotiation(notNull(f.negotiation(), "negotiation"));
        vocabulary(notNull(f.vocabulary(), "vocabulary"));
    }

    private void levels(CompData.LevelTable t) {
        source(t.source(), "level_table.source");
        text(t.basis(), "level_table.basis");
        currency(t.currency(), "level_table.currency");
        unit(t.unit(), "level_table.unit");
        optional(t.regionAliases()).forEach(a -> alias(a, "level_table.region_aliases", "us"));
        Set<String> ids = new HashSet<>();
        Map<String, String> levelAliases = new HashMap<>();
        each(list(t.levels(), "level_table.levels"), "level_table.levels", (r, p) -> {
            text(r.level(), p + ".level");
            require(r.level().matches("L\\d{1,2}"), p + ".level", "'" + r.level() + "' is not a level like L4");
            require(ids.add(r.level()), p + ".level", "duplicate level " + r.level());
            text(r.label(), p + ".label");
            for (String a : optional(r.aliases())) {
                text(a, p + ".aliases");
                String prev = levelAliases.put(a.toLowerCase(Locale.ROOT).trim(), r.level());
                require(prev == null || prev.equals(r.level()), p + ".aliases", "alias '" + a + "' is also used by " + prev);
            }
            money(r.base(), p + ".base");
            percent(r.bonusPercent(), p + ".bonus_percent");
            money(r.equity(), p + ".equity");
            money(r.ote(), p + ".ote");
            source(r.source(), p + ".source");
        });
    }

    private void bands(FileShape f) {
        Set<String> ids = new HashSet<>();
        each(list(f.bands(), "bands"), "bands", (b, p) -> {
            text(b.region(), p + ".region");
            require(ids.add(b.region()), p + ".region", "duplicate region '" + b.region() + "'");
            text(b.name(), p + ".name");
            list(b.aliases(), p + ".aliases").forEach(a -> alias(a, p + ".aliases", b.region()));
            text(b.role(), p + ".role");
            currency(b.currency(), p + ".currency");
            unit(b.unit(), p + ".unit");
            moneyRange(b.base(), p + ".base");
            moneyRange(b.stock(), p + ".stock");
            years(b.stockYears(), p + ".stock_years");
            percentRange(b.bonusPercent(), p + ".bonus_percent");
            moneyRange(b.totalComp(), p + ".total_comp");
            source(b.source(), p + ".source");
        });
    }

    private void geography(FileShape f) {
        Set<String> bandIds = new HashSet<>();
        f.bands().forEach(b -> bandIds.add(b.region()));
        Set<String> ids = new HashSet<>();
        each(optional(f.geography()), "geography", (g, p) -> {
            text(g.id(), p + ".id");
            require(ids.add(g.id()) && !bandIds.contains(g.id()), p + ".id", "duplicate region id '" + g.id() + "'");
            text(g.name(), p + ".name");
            text(g.note(), p + ".note");
            list(g.aliases(), p + ".aliases").forEach(a -> alias(a, p + ".aliases", g.id()));
            if (g.basePremiumPercent() != null) {
                percent(g.basePremiumPercent(), p + ".base_premium_percent");
            }
            require(g.nearestBand() == null || bandIds.contains(g.nearestBand()), p + ".nearest_band",
                    "no band with region '" + g.nearestBand() + "'");
            source(g.source(), p + ".source");
        });
    }

    private void mapping(CompData.LevelMapping m, CompData.LevelTable t) {
        text(m.text(), "level_mapping.text");
        text(m.confluentTitle(), "level_mapping.confluent_title");
        text(m.confluentLevel(), "level_mapping.confluent_level");
        require(t.levels().stream().anyMatch(r -> m.confluentLevel().equals(r.level())), "level_mapping.confluent_level",
                "'" + m.confluentLevel() + "' is not in level_table.levels");
        each(list(m.equivalents(), "level_mapping.equivalents"), "level_mapping.equivalents", (e, p) -> {
            text(e.company(), p + ".company");
            text(e.title(), p + ".title");
            list(e.match(), p + ".match").forEach(a -> text(a, p + ".match"));
        });
        source(m.source(), "level_mapping.source");
    }

    private void market(List<CompData.MarketFigure> market) {
        each(market, "market", (m, p) -> {
            text(m.id(), p + ".id");
            text(m.label(), p + ".label");
            text(m.unit(), p + ".unit");
            require(MARKET_UNITS.contains(m.unit()), p + ".unit", "unknown unit '" + m.unit() + "' (use percent or days)");
            if ("percent".equals(m.unit())) {
                percent(m.value(), p + ".value");
            } else {
                money(m.value(), p + ".value");
            }
            list(m.keywords(), p + ".keywords").forEach(k -> text(k, p + ".keywords"));
            source(m.source(), p + ".source");
        });
    }

    private void negotiation(CompData.Negotiation n) {
        String p = "negotiation.";
        source(n.source(), p + "source");
        text(n.dna(), p + "dna");
        currency(n.currency(), p + "currency");
        unit(n.unit(), p + "unit");
        money(n.targetStock(), p + "target_stock");
        years(n.targetStockYears(), p + "target_stock_years");
        percent(n.targetBonusPercent(), p + "target_bonus_percent");
        percentRange(n.agenticPremiumPercent(), p + "agentic_premium_percent");
        each(list(n.competingOffers(), p + "competing_offers"), p + "competing_offers", (o, q) -> {
            text(o.company(), q + ".company");
            text(o.label(), q + ".label");
            money(o.amount(), q + ".amount");
        });
        moneyRange(n.expectedCounterStock(), p + "expected_counter_stock");
        money(n.acceptStock(), p + "accept_stock");
        percent(n.acceptBonusPercent(), p + "accept_bonus_percent");
        percent(n.stockPushPercent(), p + "stock_push_percent");
        each(list(n.levers(), p + "levers"), p + "levers", (l, q) -> {
            text(l.id(), q + ".id");
            text(l.name(), q + ".name");
            text(l.script(), q + ".script");
        });
    }

    private void vocabulary(CompData.Vocabulary v) {
        String p = "vocabulary.";
        each(list(v.currencies(), p + "currencies"), p + "currencies", (c, q) -> {
            currency(c.code(), q + ".code");
            list(c.words(), q + ".words").forEach(w -> text(w, q + ".words"));
            optional(c.unitsAfterNumber()).forEach(w -> text(w, q + ".units_after_number"));
        });
        each(list(v.components(), p + "components"), p + "components", (c, q) -> {
            require(c.component() == null || COMPONENTS.contains(c.component()), q + ".component",
                    "unknown component '" + c.component() + "' (use " + String.join(", ", new TreeSet<>(COMPONENTS)) + ")");
            require(c.component() != null || c.name() != null && !c.name().isBlank(), q + ".name",
                    "a component the data has no figures for needs a name");
            list(c.words(), q + ".words").forEach(w -> text(w, q + ".words"));
            optional(c.notBefore()).forEach(w -> text(w, q + ".not_before"));
            optional(c.notAfter()).forEach(w -> text(w, q + ".not_after"));
        });
        for (var e : Map.of("chatter_words", optional(v.chatterWords()), "other_companies", optional(v.otherCompanies()),
                "places_without_data", optional(v.placesWithoutData()), "not_places", optional(v.notPlaces()),
                "titles_without_data", list(v.titlesWithoutData(), p + "titles_without_data")).entrySet()) {
            e.getValue().forEach(w -> text(w, p + e.getKey()));
        }
    }

    // --- field checks ---

    private <T> void each(List<T> items, String field, BiConsumer<T, String> check) {
        for (int i = 0; i < items.size(); i++) {
            String p = field + "[" + i + "]";
            check.accept(notNull(items.get(i), p), p);
        }
    }

    private void require(boolean ok, String field, String reason) {
        if (!ok) {
            throw fail(field, reason);
        }
    }

    private <T> T notNull(T value, String field) {
        require(value != null, field, "missing");
        return value;
    }

    private <T> List<T> list(List<T> value, String field) {
        require(value != null && !value.isEmpty(), field, "missing or empty");
        return value;
    }

    private static <T> List<T> optional(List<T> value) {
        return value == null ? List.of() : value;
    }

    private void text(String value, String field) {
        require(value != null && !value.isBlank(), field, "missing or blank");
    }

    private void source(String id, String field) {
        require(id != null && !id.isBlank(), field, "every entry needs a source (one of " + String.join(", ", sourceIds) + ")");
        require(sourceIds.contains(id), field, "unknown source '" + id + "' (known: " + String.join(", ", sourceIds) + ")");
    }

    private void currency(String c, String field) {
        require(c != null && Money.CURRENCIES.contains(c), field,
                "unknown currency '" + c + "' (known: " + String.join(", ", new TreeSet<>(Money.CURRENCIES)) + ")");
    }

    private void unit(String u, String field) {
        require(Money.knownUnit(u), field,
                "unknown unit '" + u + "' (use k or K for thousand, L for lakh, Cr for crore, M for million)");
    }

    /** A vesting period: a whole number of years from 1 to 10. */
    private void years(Integer value, String field) {
        require(value != null && value >= 1 && value <= 10, field, "must be a whole number of years from 1 to 10");
    }

    private void money(Double v, String field) {
        notNull(v, field);
        require(!v.isNaN() && !v.isInfinite() && v >= 0, field, "must not be negative (is " + v + ")");
    }

    private void percent(Double v, String field) {
        notNull(v, field);
        require(!v.isNaN() && v >= 0 && v <= 100, field, "a percentage must be from 0 to 100 (is " + v + ")");
    }

    private void moneyRange(Range r, String field) {
        notNull(r, field);
        money(r.low(), field + ".low");
        money(r.high(), field + ".high");
        order(r, field);
    }

    private void percentRange(Range r, String field) {
        notNull(r, field);
        percent(r.low(), field + ".low");
        percent(r.high(), field + ".high");
        order(r, field);
    }

    private void order(Range r, String field) {
        require(r.low() <= r.high(), field, "low (" + Money.num(r.low()) + ") is greater than high (" + Money.num(r.high()) + ")");
    }

    private void alias(String a, String field, String owner) {
        text(a, field);
        String prev = aliasOwner.put(a.toLowerCase(Locale.ROOT).trim(), owner);
        require(prev == null || prev.equals(owner), field, "alias '" + a + "' is also used by region '" + prev + "'");
    }
}
