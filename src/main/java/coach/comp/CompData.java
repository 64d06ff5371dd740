package coach.comp;

import coach.config.YamlFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The compensation figures of {@code config/comp.yaml}, validated at load ({@link CompDataCheck}), and the words
 * the parser recognises. Immutable and thread-safe.
 *
 * <p>Two sources of different shape: the level table ({@link LevelTable}: US medians by level) and the regional
 * bands ({@link Band}: ranges for "ML/AI Engineer" with no level). Answers must keep them apart.
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
        public LevelRow { aliases = copy(aliases); }
    }

    public record LevelTable(String source, String basis, String currency, String unit, List<String> regionAliases,
                             List<LevelRow> levels) {
        public LevelTable { regionAliases = copy(regionAliases); levels = copy(levels); }
    }

    /** A regional band for ML/AI engineers (no level). Stock is an RSU grant over {@code stockYears} years. */
    public record Band(String region, String name, List<String> aliases, String role, String currency, String unit,
                       Range base, Range stock, Integer stockYears, Range bonusPercent, Range totalComp, String source) {
        public Band { aliases = copy(aliases); }
    }

    /** A place with a remark and no figures of its own (Bay Area, remote Midwest). */
    public record GeoNote(String id, String name, List<String> aliases, String note, Double basePremiumPercent,
                          String nearestBand, String source) {
        public GeoNote { aliases = copy(aliases); }
    }

    public record Equivalent(String company, String title, List<String> match) {
        public Equivalent { match = copy(match); }
    }

    public record LevelMapping(String text, String confluentTitle, String confluentLevel,
                               List<Equivalent> equivalents, String source) {
        public LevelMapping { equivalents = copy(equivalents); }
    }

    /** A market figure; unit is "percent" or "days". */
    public record MarketFigure(String id, String label, Double value, String unit, List<String> keywords, String source) {
        public MarketFigure { keywords = copy(keywords); }
    }

    public record CompetingOffer(String company, String label, Double amount) {}

    public record Lever(String id, String name, String script) {}

    /** The negotiation guide's counter-offer figures (money in {@code currency}/{@code unit}) and levers. */
    public record Negotiation(String source, String dna, String currency, String unit, Double targetStock,
                              Integer targetStockYears, Double targetBonusPercent, Range agenticPremiumPercent,
                              List<CompetingOffer> competingOffers, Range expectedCounterStock, Double acceptStock,
                              Double acceptBonusPercent, Double stockPushPercent, List<Lever> levers) {
        public Negotiation { competingOffers = copy(competingOffers); levers = copy(levers); }
    }

    /**
     * A pay component and the words for it, tried in order. {@code component} is base, bonus, equity or total, or
     * absent for one the data has no figures for ({@code name}: "sign-on bonus"). A word is not read as the component
     * when what follows starts with a word of {@code notBefore} ("base image") or it comes right after a word of
     * {@code notAfter} ("in stock").
     */
    public record ComponentWords(String component, String name, List<String> words, List<String> notBefore,
                                 List<String> notAfter) {
        public ComponentWords { words = copy(words); notBefore = copy(notBefore); notAfter = copy(notAfter); }
    }

    /** A currency and the words that name it in a message; {@code unitsAfterNumber}: units that imply it ("52l"). */
    public record CurrencyWords(String code, List<String> words, List<String> unitsAfterNumber) {
        public CurrencyWords { words = copy(words); unitsAfterNumber = copy(unitsAfterNumber); }
    }

    /** The words the parser recognises beyond the figures' own aliases. */
    public record Vocabulary(List<CurrencyWords> currencies, List<ComponentWords> components, List<String> chatterWords,
                             List<String> titlesWithoutData, List<String> otherCompanies, List<String> placesWithoutData,
                             List<String> notPlaces) {
        public Vocabulary {
            currencies = copy(currencies); components = copy(components); chatterWords = copy(chatterWords);
            titlesWithoutData = copy(titlesWithoutData); otherCompanies = copy(otherCompanies);
            placesWithoutData = copy(placesWithoutData); notPlaces = copy(notPlaces);
        }
    }

    /** The file as written; validated into a {@link CompData}. */
    record FileShape(List<Source> sources, LevelTable levelTable, List<Band> bands, List<GeoNote> geography,
                     LevelMapping levelMapping, List<MarketFigure> market, Negotiation negotiation,
                     Vocabulary vocabulary) {}

    /** An unmodifiable copy that keeps nulls (the validator reports them with their field). */
    private static <T> List<T> copy(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }

    private final Path file;
    private final FileShape f;
    private final Map<String, Source> sources;
    private final Map<String, LevelRow> levels;
    private final Map<String, Band> bands;
    private final Map<String, GeoNote> geography;
    private final List<MarketFigure> market;

    private CompData(Path file, FileShape f) {
        this.file = file;
        this.f = f;
        this.sources = byId(f.sources(), Source::id);
        this.levels = byId(f.levelTable().levels(), LevelRow::level);
        this.bands = byId(f.bands(), Band::region);
        this.geography = byId(f.geography() == null ? List.of() : f.geography(), GeoNote::id);
        this.market = List.copyOf(f.market());
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        Map<String, T> m = new LinkedHashMap<>();
        items.forEach(x -> m.put(id.apply(x), x));
        return Collections.unmodifiableMap(m);
    }

    /** Reads and validates {@code comp.yaml} in the config directory; a problem throws a ConfigException. */
    public static CompData load(Path configDir) {
        Path file = configDir.resolve(FILE_NAME);
        FileShape shape = YamlFiles.read(file, FileShape.class);
        new CompDataCheck(file).check(shape);
        return new CompData(file, shape);
    }

    public Path file() { return file; }
    public List<Source> sources() { return List.copyOf(sources.values()); }
    public LevelTable levelTable() { return f.levelTable(); }
    public List<LevelRow> levels() { return List.copyOf(levels.values()); }
    public Optional<LevelRow> level(String id) { return Optional.ofNullable(levels.get(id)); }
    public List<Band> bands() { return List.copyOf(bands.values()); }
    public Optional<Band> band(String region) { return Optional.ofNullable(bands.get(region)); }
    public List<GeoNote> geography() { return List.copyOf(geography.values()); }
    public Optional<GeoNote> geo(String id) { return Optional.ofNullable(geography.get(id)); }
    public LevelMapping levelMapping() { return f.levelMapping(); }
    public List<MarketFigure> market() { return market; }
    public Negotiation negotiation() { return f.negotiation(); }
    public Vocabulary vocabulary() { return f.vocabulary(); }

    /** Title and date of a source id, e.g. "Confluent AI Engineer Interview Guide 2026 (June 2026)". */
    public String cite(String sourceId) {
        Source s = sources.get(sourceId);
        return s == null ? sourceId : s.cite();
    }
}
