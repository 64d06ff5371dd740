package coach.comp;

import coach.config.YamlFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The compensation figures of {@code config/comp.yaml}, validated at load ({@link CompDataCheck}), and the words
 * the parser recognises. Not modified after load: safe to share between threads.
 *
 * <p>Two sources of different shape: the level table ({@link LevelTable}: US medians by level) and the regional
 * bands ({@link Band}: ranges for "ML/AI Engineer" with no level). Answers must keep them apart.
 */
public record CompData(List<Source> sources, LevelTable levelTable, List<Band> bands, List<GeoNote> geography,
                       LevelMapping levelMapping, List<MarketFigure> market, Negotiation negotiation, Vocabulary vocabulary) {
    public static final String FILE_NAME = "comp.yaml";

    public CompData {
        geography = geography == null ? List.of() : geography; // optional
    }

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
                           Double equity, Double ote, String source) {}

    public record LevelTable(String source, String basis, String currency, String unit, List<String> regionAliases,
                             List<LevelRow> levels) {}

    /** A regional band for ML/AI engineers (no level). Stock is an RSU grant over {@code stockYears} years. */
    public record Band(String region, String name, List<String> aliases, String role, String currency, String unit,
                       Range base, Range stock, Integer stockYears, Range bonusPercent, Range totalComp, String source) {}

    /** A place with a remark and no figures of its own (Bay Area, remote Midwest). */
    public record GeoNote(String id, String name, List<String> aliases, String note, Double basePremiumPercent,
                          String nearestBand, String source) {}

    public record Equivalent(String company, String title, List<String> match) {}

    public record LevelMapping(String text, String confluentTitle, String confluentLevel,
                               List<Equivalent> equivalents, String source) {}

    /** A market figure; unit is "percent" or "days". */
    public record MarketFigure(String id, String label, Double value, String unit, List<String> keywords, String source) {}

    public record CompetingOffer(String company, String label, Double amount) {}

    public record Lever(String id, String name, String script) {}

    /** The negotiation guide's counter-offer figures (money in {@code currency}/{@code unit}) and levers. */
    public record Negotiation(String source, String dna, String currency, String unit, Double targetStock,
                              Integer targetStockYears, Double targetBonusPercent, Range agenticPremiumPercent,
                              List<CompetingOffer> competingOffers, Range expectedCounterStock, Double acceptStock,
                              Double acceptBonusPercent, Double stockPushPercent, List<Lever> levers) {}

    /**
     * A pay component and the words for it, tried in order. {@code component} is base, bonus, equity or total, or
     * absent for one the data has no figures for ({@code name}: "sign-on bonus"). A word is not read as the component
     * when what follows starts with a word of {@code notBefore} ("base image") or it comes right after a word of
     * {@code notAfter} ("in stock").
     */
    public record ComponentWords(String component, String name, List<String> words, List<String> notBefore,
                                 List<String> notAfter) {}

    /** A currency and the words that name it in a message; {@code unitsAfterNumber}: units that imply it ("52l"). */
    public record CurrencyWords(String code, List<String> words, List<String> unitsAfterNumber) {}

    /** What a message asks beyond levels, places and components: pay words, topics, periods (see comp.yaml). */
    public record Phrases(List<String> pay, List<String> weakPay, List<String> negotiation, List<String> agenticPremium,
                          List<String> mapping, List<String> conversion, List<String> firstYear, List<String> yearly,
                          List<String> grant, List<String> help) {}

    /** The words the parser recognises beyond the figures' own aliases. */
    public record Vocabulary(List<CurrencyWords> currencies, List<ComponentWords> components, Phrases phrases,
                             List<String> chatterWords, List<String> titlesWithoutData, List<String> otherCompanies,
                             List<String> placesWithoutData, List<String> notPlaces) {}

    /** Reads and checks {@code comp.yaml} in the config directory ({@link CompDataCheck}); a problem throws a ConfigException. */
    public static CompData load(Path configDir) {
        Path file = configDir.resolve(FILE_NAME);
        CompData data = YamlFiles.read(file, CompData.class); // unknown fields and wrong types, with their path
        try {
            CompDataCheck.check(file, new ObjectMapper(new YAMLFactory()).readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // (just read without error)
        }
        return data;
    }

    private static <T> Optional<T> find(List<T> items, Predicate<T> p) {
        return items.stream().filter(p).findFirst();
    }

    public List<LevelRow> levels() { return levelTable.levels(); }
    public Optional<LevelRow> level(String id) { return find(levels(), r -> r.level().equals(id)); }
    public Optional<Band> band(String region) { return find(bands(), b -> b.region().equals(region)); }
    public Optional<GeoNote> geo(String id) { return find(geography(), g -> g.id().equals(id)); }

    /** Title and date of a source id, e.g. "Confluent AI Engineer Interview Guide 2026 (June 2026)". */
    public String cite(String sourceId) {
        return find(sources(), s -> s.id().equals(sourceId)).map(Source::cite).orElse(sourceId);
    }
}
