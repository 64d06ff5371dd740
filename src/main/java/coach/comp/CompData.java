package coach.comp;

import coach.config.ConfigException;
import coach.config.YamlFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The compensation figures of {@code config/comp.yaml}, validated at load. Immutable and thread-safe.
 *
 * <p>Two sources of different shape: the level table ({@link LevelTable}: US medians by level) and the
 * regional bands ({@link Band}: ranges for "ML/AI Engineer" with no level). Answers must keep them apart.
 */
public final class CompData {
    public static final String FILE_NAME = "comp.yaml";

    /** A seed document. */
    public record Source(String id, String title, String publisher, String date) {
        /** "Confluent AI Engineer Interview Guide 2026 (June 2026)". */
        public String cite() {
            return title + " (" + date + ")";
        }
    }

    /** A low–high range, in the unit of the entry that holds it (or in percent). */
    public record Range(Double low, Double high) {}

    /** A row of the level table: US medians. Money in the table's unit; equity period not stated. */
    public record LevelRow(String level, String label, List<String> aliases, Double base, Double bonusPercent,
                           Double equity, Double ote, String source) {
        public LevelRow {
            aliases = copy(aliases);
        }
    }

    public record LevelTable(String source, String basis, String currency, String unit, List<String> regionAliases,
                             List<LevelRow> levels) {
        public LevelTable {
            regionAliases = copy(regionAliases);
            levels = copy(levels);
        }
    }

    /** A regional band for ML/AI engineers (no level). Stock is an RSU grant over {@code stockYears} years. */
    public record Band(String region, String name, List<String> aliases, String role, String currency, String unit,
                       Range base, Range stock, Integer stockYears, Range bonusPercent, Range totalComp,
                       String source) {
        public Band {
            aliases = copy(aliases);
        }
    }

    /** A place with a remark and no figures of its own (Bay Area, remote Midwest). */
    public record GeoNote(String id, String name, List<String> aliases, String note, Double basePremiumPercent,
                          String nearestBand, String source) {
        public GeoNote {
            aliases = copy(aliases);
        }
    }

    public record Equivalent(String company, String title, List<String> match) {
        public Equivalent {
            match = copy(match);
        }
    }

    public record LevelMapping(String text, String confluentTitle, String confluentLevel,
                               List<Equivalent> equivalents, String source) {
        public LevelMapping {
            equivalents = copy(equivalents);
        }
    }

    /** A market figure; unit is "percent" or "days". */
    public record MarketFigure(String id, String label, Double value, String unit, List<String> keywords,
                               String source) {
        public MarketFigure {
            keywords = copy(keywords);
        }
    }

    public record CompetingOffer(String company, String label, Double amount) {}

    public record Lever(String id, String name, String script) {}

    /** The negotiation guide's counter-offer figures (money in {@code currency}/{@code unit}) and levers. */
    public record Negotiation(String source, String dna, String currency, String unit, Double targetStock,
                              Integer targetStockYears, Double targetBonusPercent, Range agenticPremiumPercent,
                              List<CompetingOffer> competingOffers, Range expectedCounterStock, Double acceptStock,
                              Double acceptBonusPercent, Double stockPushPercent, List<Lever> levers) {
        public Negotiation {
            competingOffers = copy(competingOffers);
            levers = copy(levers);
        }
    }

    /** The file as written; validated into a {@link CompData}. */
    record FileShape(List<Source> sources, LevelTable levelTable, List<Band> bands, List<GeoNote> geography,
                     LevelMapping levelMapping, List<MarketFigure> market, Negotiation negotiation) {}

    /** An unmodifiable copy that keeps nulls (the validator reports them with their field). */
    private static <T> List<T> copy(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }

    private final Path file;
    private final Map<String, Source> sources;
    private final LevelTable levelTable;
    private final Map<String, LevelRow> levels;
    private final Map<String, Band> bands;
    private final Map<String, GeoNote> geography;
    private final LevelMapping levelMapping;
    private final List<MarketFigure> market;
    private final Negotiation negotiation;

    private CompData(Path file, FileShape f) {
        this.file = file;
        Map<String, Source> s = new LinkedHashMap<>();
        f.sources().forEach(x -> s.put(x.id(), x));
        this.sources = Collections.unmodifiableMap(s);
        this.levelTable = f.levelTable();
        Map<String, LevelRow> l = new LinkedHashMap<>();
        f.levelTable().levels().forEach(x -> l.put(x.level(), x));
        this.levels = Collections.unmodifiableMap(l);
        Map<String, Band> b = new LinkedHashMap<>();
        f.bands().forEach(x -> b.put(x.region(), x));
        this.bands = Collections.unmodifiableMap(b);
        Map<String, GeoNote> g = new LinkedHashMap<>();
        f.geography().forEach(x -> g.put(x.id(), x));
        this.geography = Collections.unmodifiableMap(g);
        this.levelMapping = f.levelMapping();
        this.market = List.copyOf(f.market());
        this.negotiation = f.negotiation();
    }

    /** Reads and validates {@code comp.yaml} in the config directory; a problem throws {@link ConfigException}. */
    public static CompData load(Path configDir) {
        Path file = configDir.resolve(FILE_NAME);
        FileShape shape = YamlFiles.read(file, FileShape.class);
        new Validator(file).check(shape);
        return new CompData(file, shape);
    }

    public Path file() { return file; }
    public List<Source> sources() { return List.copyOf(sources.values()); }
    public LevelTable levelTable() { return levelTable; }
    public List<LevelRow> levels() { return List.copyOf(levels.values()); }
    public Optional<LevelRow> level(String id) { return Optional.ofNullable(levels.get(id)); }
    public List<Band> bands() { return List.copyOf(bands.values()); }
    public Optional<Band> band(String region) { return Optional.ofNullable(bands.get(region)); }
    public List<GeoNote> geography() { return List.copyOf(geography.values()); }
    public Optional<GeoNote> geo(String id) { return Optional.ofNullable(geography.get(id)); }
    public LevelMapping levelMapping() { return levelMapping; }
    public List<MarketFigure> market() { return market; }
    public Negotiation negotiation() { return negotiation; }

    /** Title and date of a source id, e.g. "Confluent AI Engineer Interview Guide 2026 (June 2026)". */
    public String cite(String sourceId) {
        Source s = sources.get(sourceId);
        return s == null ? sourceId : s.cite();
    }

    /** Checks what Jackson cannot: required fields, known currencies, ranges, percentages, sources. */
    static final class Validator {
        private static final Pattern LEVEL_ID = Pattern.compile("L\\d{1,2}");
        private static final Set<String> MARKET_UNITS = Set.of("percent", "days");
        private final Path file;
        private final Set<String> sourceIds = new HashSet<>();
        private final Map<String, String> aliasOwner = new HashMap<>();

        Validator(Path file) {
            this.file = file;
        }

        private ConfigException fail(String field, String reason) {
            return new ConfigException(file, field, reason);
        }

        void check(FileShape f) {
            List<Source> sources = list(f.sources(), "sources");
            for (int i = 0; i < sources.size(); i++) {
                Source s = notNull(sources.get(i), "sources[" + i + "]");
                String p = "sources[" + i + "]";
                text(s.id(), p + ".id");
                text(s.title(), p + ".title");
                text(s.date(), p + ".date");
                if (!sourceIds.add(s.id())) {
                    throw fail(p + ".id", "duplicate source id '" + s.id() + "'");
                }
            }
            checkLevels(notNull(f.levelTable(), "level_table"));
            checkBands(list(f.bands(), "bands"));
            checkGeography(f.geography() == null ? List.of() : f.geography(), f);
            checkMapping(notNull(f.levelMapping(), "level_mapping"), f.levelTable());
            checkMarket(list(f.market(), "market"));
            checkNegotiation(notNull(f.negotiation(), "negotiation"));
        }

        private void checkLevels(LevelTable t) {
            source(t.source(), "level_table.source");
            text(t.basis(), "level_table.basis");
            currency(t.currency(), "level_table.currency");
            unit(t.unit(), "level_table.unit");
            for (String a : optional(t.regionAliases())) {
                alias(a, "level_table.region_aliases", "us");
            }
            List<LevelRow> rows = list(t.levels(), "level_table.levels");
            Set<String> ids = new HashSet<>();
            Map<String, String> levelAliases = new HashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                String p = "level_table.levels[" + i + "]";
                LevelRow r = notNull(rows.get(i), p);
                text(r.level(), p + ".level");
                if (!LEVEL_ID.matcher(r.level()).matches()) {
                    throw fail(p + ".level", "'" + r.level() + "' is not a level like L4");
                }
                if (!ids.add(r.level())) {
                    throw fail(p + ".level", "duplicate level " + r.level());
                }
                text(r.label(), p + ".label");
                for (String a : optional(r.aliases())) {
                    text(a, p + ".aliases");
                    String key = a.toLowerCase(Locale.ROOT).trim();
                    String prev = levelAliases.put(key, r.level());
                    if (prev != null && !prev.equals(r.level())) {
                        throw fail(p + ".aliases", "alias '" + a + "' is also used by " + prev);
                    }
                }
                money(r.base(), p + ".base");
                percent(r.bonusPercent(), p + ".bonus_percent");
                money(r.equity(), p + ".equity");
                money(r.ote(), p + ".ote");
                source(r.source(), p + ".source");
            }
        }

        private void checkBands(List<Band> bands) {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < bands.size(); i++) {
                String p = "bands[" + i + "]";
                Band b = notNull(bands.get(i), p);
                text(b.region(), p + ".region");
                if (!ids.add(b.region())) {
                    throw fail(p + ".region", "duplicate region '" + b.region() + "'");
                }
                text(b.name(), p + ".name");
                for (String a : list(b.aliases(), p + ".aliases")) {
                    alias(a, p + ".aliases", b.region());
                }
                text(b.role(), p + ".role");
                currency(b.currency(), p + ".currency");
                unit(b.unit(), p + ".unit");
                moneyRange(b.base(), p + ".base");
                moneyRange(b.stock(), p + ".stock");
                years(b.stockYears(), p + ".stock_years");
                percentRange(b.bonusPercent(), p + ".bonus_percent");
                moneyRange(b.totalComp(), p + ".total_comp");
                source(b.source(), p + ".source");
            }
        }

        private void checkGeography(List<GeoNote> notes, FileShape f) {
            Set<String> bandIds = new HashSet<>();
            f.bands().forEach(b -> bandIds.add(b.region()));
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < notes.size(); i++) {
                String p = "geography[" + i + "]";
                GeoNote g = notNull(notes.get(i), p);
                text(g.id(), p + ".id");
                if (!ids.add(g.id()) || bandIds.contains(g.id())) {
                    throw fail(p + ".id", "duplicate region id '" + g.id() + "'");
                }
                text(g.name(), p + ".name");
                text(g.note(), p + ".note");
                for (String a : list(g.aliases(), p + ".aliases")) {
                    alias(a, p + ".aliases", g.id());
                }
                if (g.basePremiumPercent() != null) {
                    percent(g.basePremiumPercent(), p + ".base_premium_percent");
                }
                if (g.nearestBand() != null && !bandIds.contains(g.nearestBand())) {
                    throw fail(p + ".nearest_band", "no band with region '" + g.nearestBand() + "'");
                }
                source(g.source(), p + ".source");
            }
        }

        private void checkMapping(LevelMapping m, LevelTable t) {
            text(m.text(), "level_mapping.text");
            text(m.confluentTitle(), "level_mapping.confluent_title");
            text(m.confluentLevel(), "level_mapping.confluent_level");
            if (t.levels().stream().noneMatch(r -> m.confluentLevel().equals(r.level()))) {
                throw fail("level_mapping.confluent_level", "'" + m.confluentLevel() + "' is not in level_table.levels");
            }
            List<Equivalent> eq = list(m.equivalents(), "level_mapping.equivalents");
            for (int i = 0; i < eq.size(); i++) {
                String p = "level_mapping.equivalents[" + i + "]";
                Equivalent e = notNull(eq.get(i), p);
                text(e.company(), p + ".company");
                text(e.title(), p + ".title");
                for (String a : list(e.match(), p + ".match")) {
                    text(a, p + ".match");
                }
            }
            source(m.source(), "level_mapping.source");
        }

        private void checkMarket(List<MarketFigure> market) {
            for (int i = 0; i < market.size(); i++) {
                String p = "market[" + i + "]";
                MarketFigure m = notNull(market.get(i), p);
                text(m.id(), p + ".id");
                text(m.label(), p + ".label");
                text(m.unit(), p + ".unit");
                if (!MARKET_UNITS.contains(m.unit())) {
                    throw fail(p + ".unit", "unknown unit '" + m.unit() + "' (use percent or days)");
                }
                if ("percent".equals(m.unit())) {
                    percent(m.value(), p + ".value");
                } else {
                    money(m.value(), p + ".value");
                }
                for (String k : list(m.keywords(), p + ".keywords")) {
                    text(k, p + ".keywords");
                }
                source(m.source(), p + ".source");
            }
        }

        /** A vesting period: a whole number of years from 1 to 10. */
        private void years(Integer value, String field) {
            if (value == null || value < 1 || value > 10) {
                throw fail(field, "must be a whole number of years from 1 to 10");
            }
        }

        private void checkNegotiation(Negotiation n) {
            String p = "negotiation";
            source(n.source(), p + ".source");
            text(n.dna(), p + ".dna");
            currency(n.currency(), p + ".currency");
            unit(n.unit(), p + ".unit");
            money(n.targetStock(), p + ".target_stock");
            years(n.targetStockYears(), p + ".target_stock_years");
            percent(n.targetBonusPercent(), p + ".target_bonus_percent");
            percentRange(n.agenticPremiumPercent(), p + ".agentic_premium_percent");
            List<CompetingOffer> offers = list(n.competingOffers(), p + ".competing_offers");
            for (int i = 0; i < offers.size(); i++) {
                String q = p + ".competing_offers[" + i + "]";
                CompetingOffer o = notNull(offers.get(i), q);
                text(o.company(), q + ".company");
                text(o.label(), q + ".label");
                money(o.amount(), q + ".amount");
            }
            moneyRange(n.expectedCounterStock(), p + ".expected_counter_stock");
            money(n.acceptStock(), p + ".accept_stock");
            percent(n.acceptBonusPercent(), p + ".accept_bonus_percent");
            percent(n.stockPushPercent(), p + ".stock_push_percent");
            List<Lever> levers = list(n.levers(), p + ".levers");
            for (int i = 0; i < levers.size(); i++) {
                String q = p + ".levers[" + i + "]";
                Lever l = notNull(levers.get(i), q);
                text(l.id(), q + ".id");
                text(l.name(), q + ".name");
                text(l.script(), q + ".script");
            }
        }

        // --- field checks ---

        private <T> T notNull(T value, String field) {
            if (value == null) {
                throw fail(field, "missing");
            }
            return value;
        }

        private <T> List<T> list(List<T> value, String field) {
            if (value == null || value.isEmpty()) {
                throw fail(field, "missing or empty");
            }
            return value;
        }

        private static <T> List<T> optional(List<T> value) {
            return value == null ? List.of() : value;
        }

        private void text(String value, String field) {
            if (value == null || value.isBlank()) {
                throw fail(field, "missing or blank");
            }
        }

        private void source(String id, String field) {
            if (id == null || id.isBlank()) {
                throw fail(field, "every entry needs a source (one of " + sorted(sourceIds) + ")");
            }
            if (!sourceIds.contains(id)) {
                throw fail(field, "unknown source '" + id + "' (known: " + sorted(sourceIds) + ")");
            }
        }

        private void currency(String c, String field) {
            if (c == null || !Money.CURRENCIES.contains(c)) {
                throw fail(field, "unknown currency '" + c + "' (known: " + sorted(Money.CURRENCIES) + ")");
            }
        }

        private void unit(String u, String field) {
            if (!Money.knownUnit(u)) {
                throw fail(field, "unknown unit '" + u + "' (use k or K for thousand, L for lakh, Cr for crore, M for million)");
            }
        }

        private void money(Double v, String field) {
            if (v == null) {
                throw fail(field, "missing");
            }
            if (v.isNaN() || v.isInfinite() || v < 0) {
                throw fail(field, "must not be negative (is " + v + ")");
            }
        }

        private void percent(Double v, String field) {
            if (v == null) {
                throw fail(field, "missing");
            }
            if (v.isNaN() || v < 0 || v > 100) {
                throw fail(field, "a percentage must be from 0 to 100 (is " + v + ")");
            }
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
            if (r.low() > r.high()) {
                throw fail(field, "low (" + Money.num(r.low()) + ") is greater than high (" + Money.num(r.high()) + ")");
            }
        }

        private void alias(String a, String field, String owner) {
            text(a, field);
            String key = a.toLowerCase(Locale.ROOT).trim();
            String prev = aliasOwner.put(key, owner);
            if (prev != null && !prev.equals(owner)) {
                throw fail(field, "alias '" + a + "' is also used by region '" + prev + "'");
            }
        }

        private static String sorted(Set<String> s) {
            List<String> l = new ArrayList<>(s);
            l.sort(null);
            return String.join(", ", l);
        }
    }
}
