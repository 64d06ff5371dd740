package coach.comp;

import coach.comp.CompQuestion.Amount;
import coach.comp.CompQuestion.Component;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Deterministic understanding of a pay question or an offer (no LLM), as a chain of small extractors over one
 * {@link Text}: company levels, regions, levels, components, period, currencies, topics, amounts. The words come
 * from comp.yaml (aliases, keywords and the vocabulary), so adding one there teaches the parser. Immutable and
 * thread-safe: patterns are compiled once, matchers are made per call.
 */
public final class CompParser {
    /** Longer messages are read up to this many characters (enough for any question or offer). */
    static final int MAX_CHARS = 2_000;
    static final String B = "(?<![\\p{L}\\p{N}])"; // word start
    static final String E = "(?![\\p{L}\\p{N}])";  // word end

    private static final String COMPANY_LEVEL =
            "(l\\d{1,2}|e\\d{1,2}|ic\\d{1,2}|senior|sr\\.?|staff|principal|mid(?:-level)?|junior|entry(?:-level)?)";
    private static final Pattern LEVEL_TOKEN = Pattern.compile(B + "(?:l|level\\s+)(\\d{1,2})s?" + E);
    private static final Pattern SENIOR_ML = Pattern.compile(B + "(?:senior|sr\\.?)\\s+(?:ml|ai|machine learning|ml/ai)" + E);
    private static final Pattern PLACE_AFTER_PREPOSITION = Pattern.compile(
            "(?:\\b(?:in|at|for|from|based in|near|around)\\s+)([A-Z][a-zA-Z]{1,}(?:\\s+[A-Z][a-zA-Z]+)?)");
    private static final Pattern US_UPPER = Pattern.compile(B + "US" + E);
    /** Many literal phrases in one pattern (longest first), each mapped to the ids it names. */
    record AliasSet(Pattern pattern, Map<String, List<String>> ids) {
        static AliasSet of(Map<String, List<String>> ids, String suffix) {
            List<String> keys = new ArrayList<>(ids.keySet());
            keys.sort(Comparator.comparingInt(String::length).reversed());
            return new AliasSet(keys.isEmpty() ? Pattern.compile("(?!)") : Pattern.compile(B + "(?:" + keys.stream()
                    .map(Pattern::quote).collect(Collectors.joining("|")) + ")" + E + suffix), ids);
        }

        boolean any(CharSequence text) {
            return pattern.matcher(text).find();
        }
    }

    /** The text being read: as written, lower-cased, and a lower-cased copy with the spans already used blanked. */
    static final class Text {
        final String original;
        final String lower;
        final StringBuilder work;

        Text(String text) {
            original = normalise(text);
            lower = original.toLowerCase(Locale.ROOT);
            work = new StringBuilder(lower);
        }

        void blank(int start, int end) {
            for (int i = start; i < end; i++) {
                work.setCharAt(i, ' ');
            }
        }
    }

    record Span(int start, int end, String id) {}

    /** Levels found: spans of known levels, unknown ones, and the level-mapping entry a level came through. */
    private record Levels(List<Span> spans, List<String> unknown, String mappedFrom, boolean unmapped) {}

    private final CompData data;
    private final AliasSet regionAliases;
    private final AliasSet levelAliases;
    private final AliasSet marketKeywords;
    private final Pattern companyFirst;
    private final Pattern levelFirst;
    private final Pattern elsewhere;
    private final Pattern unknownTitle;
    private final Set<String> notPlaces;
    private final Set<String> knownPlaceWords = new HashSet<>();
    private final ComponentReader components;
    private final Map<String, Pattern> currencies = new LinkedHashMap<>();

    public CompParser(CompData data) {
        this.data = data;
        CompData.Vocabulary v = data.vocabulary();
        Map<String, List<String>> regions = new LinkedHashMap<>();
        data.bands().forEach(b -> put(regions, b.aliases(), b.region()));
        data.geography().forEach(g -> put(regions, g.aliases(), g.id()));
        put(regions, data.levelTable().regionAliases(), "us");
        this.regionAliases = AliasSet.of(regions, "");
        Map<String, List<String>> levels = new LinkedHashMap<>();
        data.levels().forEach(r -> put(levels, r.aliases(), r.level()));
        this.levelAliases = AliasSet.of(levels, "(?!-(?:west|year|term|size|sized|day|week|month|sprint|\\d))");
        Map<String, List<String>> market = new LinkedHashMap<>();
        data.market().forEach(m -> put(market, m.keywords(), m.id()));
        this.marketKeywords = AliasSet.of(market, "");
        String companies = "(" + Stream.concat(data.levelMapping().equivalents().stream()
                .map(e -> Pattern.quote(e.company().toLowerCase(Locale.ROOT))), v.otherCompanies().stream())
                .collect(Collectors.joining("|")) + ")";
        this.companyFirst = Pattern.compile(B + companies + "(?:'s)?\\s+(?:(?:ml|ai|swe|software)\\s+)?" + COMPANY_LEVEL + E);
        this.levelFirst = Pattern.compile(B + COMPANY_LEVEL + "\\s+(?:(?:ml|ai|swe|software)\\s+)?"
                + "(?:(?:engineers?|eng)\\s+)?(?:at|@|from|in)\\s+" + companies + E);
        this.elsewhere = Pattern.compile(B + "(?:" + v.placesWithoutData().stream().map(Pattern::quote)
                .collect(Collectors.joining("|")) + ")" + E);
        this.unknownTitle = Pattern.compile(B + "(" + lower(v.titlesWithoutData()).stream().map(Pattern::quote)
                .collect(Collectors.joining("|")) + ")" + E);
        this.notPlaces = new HashSet<>(lower(v.notPlaces()));
        knownPlaceWords.addAll(regions.keySet());
        data.bands().forEach(b -> knownPlaceWords.add(b.name().toLowerCase(Locale.ROOT)));
        data.geography().forEach(g -> knownPlaceWords.add(g.name().toLowerCase(Locale.ROOT)));
        data.levelMapping().equivalents().forEach(e -> knownPlaceWords.add(e.company().toLowerCase(Locale.ROOT)));
        knownPlaceWords.addAll(v.otherCompanies());
        this.components = new ComponentReader(v);
        v.currencies().forEach(c -> currencies.put(c.code(), currencyPattern(c)));
    }

    /** A symbol matches anywhere, a word as a whole word, a unit right after a number ("52l"). */
    private static Pattern currencyPattern(CompData.CurrencyWords c) {
        Stream<String> words = c.words().stream().map(w -> w.toLowerCase(Locale.ROOT).trim())
                .map(w -> w.matches(".*[\\p{L}\\p{N}].*") ? B + Pattern.quote(w) + E : Pattern.quote(w));
        Stream<String> units = (c.unitsAfterNumber() == null ? List.<String>of() : c.unitsAfterNumber()).stream()
                .map(u -> "\\d\\s?" + Pattern.quote(u.toLowerCase(Locale.ROOT).trim()) + E);
        return Pattern.compile(Stream.concat(words, units).collect(Collectors.joining("|")));
    }

    private static void put(Map<String, List<String>> into, List<String> aliases, String id) {
        for (String alias : aliases == null ? List.<String>of() : aliases) {
            List<String> l = into.computeIfAbsent(alias.toLowerCase(Locale.ROOT).trim(), k -> new ArrayList<>());
            if (!l.contains(id)) {
                l.add(id);
            }
        }
    }

    private static List<String> lower(List<String> l) {
        return l.stream().map(s -> s.toLowerCase(Locale.ROOT).trim()).toList();
    }

    /** Normalises dashes, spaces and quotes; cuts very long text. Keeps case. */
    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String t = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        StringBuilder sb = new StringBuilder(t.length());
        for (char c : t.toCharArray()) {
            sb.append(c >= '\u2010' && c <= '\u2015' || c == '\u2212' ? '-'
                    : c == '\u00a0' || c == '\u2009' || c == '\u202f' || c == '\t' || c == '\n' || c == '\r' ? ' '
                    : c == '\u2019' || c == '\u2018' ? '\'' : c == '\u00d7' ? 'x' : c);
        }
        return sb.toString();
    }

    /** True when the text is about pay; ordinary chatter ("the base image is broken") is false. Fast. */
    public boolean isCompQuestion(String text) {
        Text t = new Text(text);
        return PaySignals.isComp(t, components, components.hits(t.lower), () -> LEVEL_TOKEN.matcher(t.lower).find()
                || companyFirst.matcher(t.lower).find() || levelAliases.any(t.lower) || unknownTitle.matcher(t.lower).find()
                || regionAliases.any(t.lower) || US_UPPER.matcher(t.original).find());
    }

    /** Reads a message: what it asks about, and any amounts of an offer. */
    public CompQuestion parse(String text) {
        Text t = new Text(text);
        Levels company = companyLevels(t); // first, so that "Google L4" is not read as Confluent's L4
        List<Span> regionSpans = regions(t); // before levels: "mid-west" is a place, not "mid"
        boolean unknownRegion = elsewhere.matcher(t.work.toString()).find() || capitalisedUnknownPlace(t.original);
        Levels levels = levels(t, company);
        List<ComponentReader.Hit> hits = components.hits(t.lower);
        Set<Component> comps = EnumSet.noneOf(Component.class);
        Set<String> ignored = new TreeSet<>();
        hits.forEach(h -> { if (h.component() != null) comps.add(h.component()); else ignored.add(h.ignored()); });
        List<Amount> amounts = AmountReader.amounts(t.lower, hits);
        Set<String> currencies = new TreeSet<>();
        this.currencies.forEach((c, p) -> { if (p.matcher(t.lower).find()) currencies.add(c); });
        amounts.stream().filter(a -> a.currency() != null).forEach(a -> currencies.add(a.currency()));
        Set<String> marketIds = new LinkedHashSet<>();
        Matcher mk = marketKeywords.pattern().matcher(t.lower);
        while (mk.find()) {
            marketIds.addAll(marketKeywords.ids().get(mk.group()));
        }
        boolean comp = amounts.stream().anyMatch(a -> a.component() != null) || PaySignals.isComp(t, components, hits,
                () -> !levels.spans().isEmpty() || !levels.unknown().isEmpty() || levels.mappedFrom() != null
                        || levels.unmapped() || !regionSpans.isEmpty());
        return new CompQuestion(comp, ids(levels.spans()), List.copyOf(levels.unknown()), levels.mappedFrom(),
                levels.unmapped(), ids(regionSpans), unknownRegion, Collections.unmodifiableSet(comps), PaySignals.period(t.lower),
                Collections.unmodifiableSet(currencies), PaySignals.CONVERSION.matcher(t.lower).find(),
                Collections.unmodifiableSet(PaySignals.topics(t.lower, levels.mappedFrom() != null && !levels.mappedFrom().startsWith("Confluent") || levels.unmapped(), marketIds)), Collections.unmodifiableSet(marketIds),
                List.copyOf(amounts), Collections.unmodifiableSet(ignored));
    }

    private static List<String> ids(List<Span> spans) {
        return spans.stream().sorted(Comparator.comparingInt(Span::start)).map(Span::id).distinct().toList();
    }

    /** "Google L4", "senior ML engineer at Databricks": mapped to a Confluent level, or marked unmapped. */
    private Levels companyLevels(Text t) {
        List<Span> spans = new ArrayList<>();
        String mappedFrom = null;
        boolean unmapped = false;
        for (Pattern p : List.of(companyFirst, levelFirst)) {
            Matcher m = p.matcher(t.work.toString());
            while (m.find()) {
                String company = m.group(p == companyFirst ? 1 : 2);
                String token = m.group(p == companyFirst ? 2 : 1).replace(".", "");
                CompData.Equivalent eq = data.levelMapping().equivalents().stream()
                        .filter(e -> e.company().equalsIgnoreCase(company) && e.match().stream().anyMatch(token::equalsIgnoreCase))
                        .findFirst().orElse(null);
                if (eq != null) {
                    spans.add(new Span(m.start(), m.end(), data.levelMapping().confluentLevel()));
                    mappedFrom = mappedFrom == null ? eq.company() + " " + eq.title() : mappedFrom;
                }
                unmapped |= eq == null;
                t.blank(m.start(), m.end());
            }
        }
        return new Levels(spans, new ArrayList<>(), mappedFrom, unmapped);
    }

    private List<Span> regions(Text t) {
        List<Span> spans = find(t, regionAliases.pattern(), m -> regionAliases.ids().get(m.group()).get(0));
        Matcher us = US_UPPER.matcher(t.original);
        while (us.find() && t.original.length() == t.lower.length()) { // (lower-casing may lengthen some letters)
            if (t.work.charAt(us.start()) != ' ') {
                spans.add(new Span(us.start(), us.end(), "us"));
                t.blank(us.start(), us.end());
            }
        }
        return spans;
    }

    /** Every match in what is left of the text, blanked once used. */
    private static List<Span> find(Text t, Pattern p, java.util.function.Function<Matcher, String> id) {
        List<Span> spans = new ArrayList<>();
        Matcher m = p.matcher(t.work.toString());
        while (m.find()) {
            String s = id.apply(m);
            if (s != null) {
                spans.add(new Span(m.start(), m.end(), s));
            }
            t.blank(m.start(), m.end());
        }
        return spans;
    }

    private Levels levels(Text t, Levels company) {
        List<Span> spans = new ArrayList<>(company.spans());
        List<String> unknown = company.unknown();
        String mappedFrom = company.mappedFrom() == null && SENIOR_ML.matcher(t.work.toString()).find()
                ? "Confluent " + data.levelMapping().confluentTitle() : company.mappedFrom();
        spans.addAll(find(t, LEVEL_TOKEN, m -> {
            String id = "L" + Integer.parseInt(m.group(1));
            boolean known = data.level(id).isPresent();
            if (!known && !unknown.contains(id)) {
                unknown.add(id);
            }
            return known ? id : null;
        }));
        spans.addAll(find(t, levelAliases.pattern(), m -> levelAliases.ids().get(m.group()).get(0)));
        Matcher ut = unknownTitle.matcher(t.work.toString());
        while (ut.find()) {
            if (!unknown.contains(ut.group(1))) {
                unknown.add(ut.group(1));
            }
        }
        return new Levels(spans, unknown, mappedFrom, company.unmapped());
    }

    private boolean capitalisedUnknownPlace(String original) {
        Matcher m = PLACE_AFTER_PREPOSITION.matcher(original);
        while (m.find()) {
            String place = m.group(1).toLowerCase(Locale.ROOT);
            String first = place.split(" ")[0];
            if (!notPlaces.contains(first) && !notPlaces.contains(place) && !knownPlaceWords.contains(place)
                    && !knownPlaceWords.contains(first) && !place.matches("l\\d+.*")) {
                return true;
            }
        }
        return false;
    }
}
