package coach.comp;

import static coach.comp.TextReading.B;
import static coach.comp.TextReading.E;
import static coach.comp.TextReading.lower;
import static coach.comp.TextReading.spaced;

import coach.comp.CompQuestion.Amount;
import coach.comp.CompQuestion.Component;
import coach.comp.TextReading.Hit;
import coach.comp.TextReading.Text;
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
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Deterministic understanding of a pay question or an offer (no LLM), as a chain of small extractors over one
 * {@link Text}: company levels, regions, levels, components, amounts, then the signals of a pay question. The words
 * come from comp.yaml (aliases, keywords and the vocabulary), so adding one there teaches the parser. Immutable and
 * thread-safe: patterns are compiled once, matchers are made per call.
 */
public final class CompParser {
    /** Longer messages are read up to this many characters (enough for any question or offer). */
    static final int MAX_CHARS = 2_000;

    private static final String COMPANY_LEVEL =
            "(l\\d{1,2}|e\\d{1,2}|ic\\d{1,2}|senior|sr\\.?|staff|principal|mid(?:-level)?|junior|entry(?:-level)?)";
    private static final Pattern LEVEL_TOKEN = Pattern.compile(B + "(?:l|level\\s+)(\\d{1,2})s?" + E);
    private static final Pattern SENIOR_ML = Pattern.compile(B + "(?:senior|sr\\.?)\\s+(?:ml|ai|machine learning|ml/ai)" + E);
    private static final Pattern PLACE_AFTER_PREPOSITION = Pattern.compile(
            "(?:\\b(?:in|at|for|from|based in|near|around)\\s+)([A-Z][a-zA-Z]{1,}(?:\\s+[A-Z][a-zA-Z]+)?)");
    private static final Pattern US_UPPER = Pattern.compile(B + "US" + E);

    record Span(int start, int end, String id) {}

    /** Levels found: spans of known levels, unknown ones, and the level-mapping entry a level came through. */
    private record Levels(List<Span> spans, List<String> unknown, String mappedFrom, boolean unmapped) {}

    private final CompData data;
    private final Map<String, List<String>> regionIds = new LinkedHashMap<>();
    private final Map<String, List<String>> levelIds = new LinkedHashMap<>();
    private final Map<String, List<String>> marketIds = new LinkedHashMap<>();
    private final Pattern regionAliases;
    private final Pattern levelAliases;
    private final Pattern marketKeywords;
    private final Pattern companyFirst;
    private final Pattern levelFirst;
    private final Pattern elsewhere;
    private final Pattern unknownTitle;
    private final Set<String> notPlaces;
    private final Set<String> knownPlaceWords = new HashSet<>();
    private final List<CompData.ComponentWords> componentWords;
    private final Pattern components;
    private final Set<String> chatter;
    private final PaySignals signals;

    public CompParser(CompData data) {
        this.data = data;
        CompData.Vocabulary v = data.vocabulary();
        List<String> regions = new ArrayList<>();
        data.bands().forEach(b -> regions.addAll(put(regionIds, b.aliases(), b.region())));
        data.geography().forEach(g -> regions.addAll(put(regionIds, g.aliases(), g.id())));
        regions.addAll(put(regionIds, data.levelTable().regionAliases(), "us"));
        this.regionAliases = alternatives(regions, "");
        this.levelAliases = alternatives(data.levels().stream().flatMap(r -> put(levelIds, r.aliases(), r.level()).stream()).toList(),
                "(?!-(?:west|year|term|size|sized|day|week|month|sprint|\\d))");
        this.marketKeywords = alternatives(data.market().stream().flatMap(m -> put(marketIds, m.keywords(), m.id()).stream()).toList(), "");
        List<String> mapped = data.levelMapping().equivalents().stream().map(e -> e.company().toLowerCase(Locale.ROOT)).toList();
        String companies = "(" + Stream.concat(mapped.stream().map(Pattern::quote), v.otherCompanies().stream())
                .collect(Collectors.joining("|")) + ")";
        this.companyFirst = Pattern.compile(B + companies + "(?:'s)?\\s+(?:(?:ml|ai|swe|software)\\s+)?" + COMPANY_LEVEL + E);
        this.levelFirst = Pattern.compile(B + COMPANY_LEVEL + "\\s+(?:(?:ml|ai|swe|software)\\s+)?"
                + "(?:(?:engineers?|eng)\\s+)?(?:at|@|from|in)\\s+" + companies + E);
        this.elsewhere = alternatives(v.placesWithoutData(), "");
        this.unknownTitle = alternatives(lower(v.titlesWithoutData()), "");
        this.notPlaces = new HashSet<>(lower(v.notPlaces()));
        Stream.of(regions, mapped, v.otherCompanies(), lower(Stream.concat(data.bands().stream().map(CompData.Band::name),
                data.geography().stream().map(CompData.GeoNote::name)).toList())).forEach(knownPlaceWords::addAll);
        this.componentWords = v.components();
        this.components = Pattern.compile(IntStream.range(0, componentWords.size())
                .mapToObj(i -> "(?<c" + i + ">" + componentPattern(componentWords.get(i)) + ")").collect(Collectors.joining("|")));
        this.chatter = Set.copyOf(v.chatterWords() == null ? List.of() : v.chatterWords());
        this.signals = new PaySignals(v, mapped);
    }

    /** Many literal phrases in one pattern, longest first. */
    private static Pattern alternatives(List<String> phrases, String suffix) {
        List<String> keys = new ArrayList<>(new LinkedHashSet<>(phrases));
        keys.sort(Comparator.comparingInt(String::length).reversed());
        return keys.isEmpty() ? Pattern.compile("(?!)") : Pattern.compile(B + "(?:" + keys.stream().map(Pattern::quote)
                .collect(Collectors.joining("|")) + ")" + E + suffix);
    }

    /** Records the ids each alias names (the first wins when read); returns the aliases, lower-cased. */
    private static List<String> put(Map<String, List<String>> ids, List<String> aliases, String id) {
        List<String> keys = lower(aliases == null ? List.of() : aliases);
        keys.forEach(k -> { List<String> l = ids.computeIfAbsent(k, x -> new ArrayList<>()); if (!l.contains(id)) l.add(id); });
        return keys;
    }

    /** word start, (?<!in |of ), the words, (?!\s+(?:price|image)), word end: a space in a word matches any run of spaces. */
    private static String componentPattern(CompData.ComponentWords c) {
        return B + (c.notAfter() == null ? "" : "(?<!" + c.notAfter().stream().map(w -> Pattern.quote(w + " "))
                .collect(Collectors.joining("|")) + ")")
                + "(?:" + spaced(c.words()) + ")" + (c.notBefore() == null ? "" : "(?!\\s+(?:" + spaced(c.notBefore()) + "))") + E;
    }

    /** Normalises dashes, spaces and quotes; cuts very long text. Keeps case. */
    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (char c : (text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text).toCharArray()) {
            sb.append(c >= '\u2010' && c <= '\u2015' || c == '\u2212' ? '-'
                    : c == '\u00a0' || c == '\u2009' || c == '\u202f' || c == '\t' || c == '\n' || c == '\r' ? ' '
                    : c == '\u2019' || c == '\u2018' ? '\'' : c == '\u00d7' ? 'x' : c);
        }
        return sb.toString();
    }

    /** True when the text is about pay; ordinary chatter ("the base image is broken") is false. */
    public boolean isCompQuestion(String text) {
        return parse(text).compQuestion();
    }

    /** Reads a message: what it asks about, and any amounts of an offer. */
    public CompQuestion parse(String text) {
        Text t = new Text(normalise(text));
        Levels company = companyLevels(t); // first, so that "Google L4" is not read as Confluent's L4
        List<Span> regionSpans = regions(t); // before levels: "mid-west" is a place, not "mid"
        boolean unknownRegion = elsewhere.matcher(t.work()).find() || capitalisedUnknownPlace(t.original());
        Levels levels = levels(t, company);
        List<Hit> hits = hits(t.lower());
        Set<Component> comps = EnumSet.noneOf(Component.class);
        Set<String> ignored = new TreeSet<>();
        hits.forEach(h -> { if (h.component() != null) comps.add(h.component()); else ignored.add(h.ignored()); });
        List<Amount> amounts = AmountReader.amounts(t.lower(), hits, signals.yearly);
        Set<String> market = new LinkedHashSet<>();
        find(t.lower(), marketKeywords, m -> { market.addAll(marketIds.get(m.group())); return null; });
        boolean levelOrRegion = !levels.spans().isEmpty() || !levels.unknown().isEmpty() || levels.mappedFrom() != null
                || levels.unmapped() || !regionSpans.isEmpty();
        boolean comp = amounts.stream().anyMatch(a -> a.component() != null) || signals.isComp(t, hits, chatter, levelOrRegion);
        boolean elsewhereLevel = levels.mappedFrom() != null && !levels.mappedFrom().startsWith("Confluent") || levels.unmapped();
        return new CompQuestion(comp, ids(levels.spans()), List.copyOf(levels.unknown()), levels.mappedFrom(),
                levels.unmapped(), ids(regionSpans), unknownRegion, Collections.unmodifiableSet(comps), signals.period(t.lower()), signals.currencies(t.lower(), amounts),
                signals.conversion(t.lower()), signals.topics(t.lower(), elsewhereLevel, market),
                Collections.unmodifiableSet(market), List.copyOf(amounts), Collections.unmodifiableSet(ignored));
    }

    private static List<String> ids(List<Span> spans) {
        return spans.stream().sorted(Comparator.comparingInt(Span::start)).map(Span::id).distinct().toList();
    }

    /** "Google L4", "senior ML engineer at Databricks": mapped to a Confluent level, or marked unmapped. */
    private Levels companyLevels(Text t) {
        List<Span> spans = new ArrayList<>();
        String[] mappedFrom = {null};
        boolean[] unmapped = {false}; // (set in the lambdas below)
        for (Pattern p : List.of(companyFirst, levelFirst)) {
            int c = p == companyFirst ? 1 : 2;
            spans.addAll(blank(t, p, m -> {
                String token = m.group(3 - c).replace(".", "");
                CompData.Equivalent eq = data.levelMapping().equivalents().stream().filter(e -> e.company()
                        .equalsIgnoreCase(m.group(c)) && e.match().stream().anyMatch(token::equalsIgnoreCase)).findFirst().orElse(null);
                unmapped[0] |= eq == null;
                mappedFrom[0] = mappedFrom[0] != null || eq == null ? mappedFrom[0] : eq.company() + " " + eq.title();
                return eq == null ? null : data.levelMapping().confluentLevel();
            }));
        }
        return new Levels(spans, new ArrayList<>(), mappedFrom[0], unmapped[0]);
    }

    private List<Span> regions(Text t) {
        List<Span> spans = blank(t, regionAliases, m -> regionIds.get(m.group()).get(0));
        Matcher us = US_UPPER.matcher(t.original());
        while (us.find() && t.original().length() == t.lower().length()) { // (lower-casing may lengthen some letters)
            if (t.work().charAt(us.start()) != ' ') {
                spans.add(new Span(us.start(), us.end(), "us"));
                t.work().replace(us.start(), us.end(), " ".repeat(us.end() - us.start()));
            }
        }
        return spans;
    }

    /** Every match in what is left of the text, blanked once used; {@code id} may return null (no span). */
    private static List<Span> blank(Text t, Pattern p, Function<Matcher, String> id) {
        return find(t.work().toString(), p, m -> {
            String s = id.apply(m);
            t.work().replace(m.start(), m.end(), " ".repeat(m.end() - m.start()));
            return s;
        });
    }

    private static List<Span> find(String text, Pattern p, Function<Matcher, String> id) {
        List<Span> spans = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            String s = id.apply(m);
            if (s != null) {
                spans.add(new Span(m.start(), m.end(), s));
            }
        }
        return spans;
    }

    private Levels levels(Text t, Levels company) {
        List<Span> spans = new ArrayList<>(company.spans());
        List<String> unknown = company.unknown();
        String mappedFrom = company.mappedFrom() == null && SENIOR_ML.matcher(t.work()).find()
                ? "Confluent " + data.levelMapping().confluentTitle() : company.mappedFrom();
        spans.addAll(blank(t, LEVEL_TOKEN, m -> {
            String id = "L" + Integer.parseInt(m.group(1));
            boolean known = data.level(id).isPresent();
            if (!known && !unknown.contains(id)) {
                unknown.add(id);
            }
            return known ? id : null;
        }));
        spans.addAll(blank(t, levelAliases, m -> levelIds.get(m.group()).get(0)));
        find(t.work().toString(), unknownTitle, m -> {
            if (!unknown.contains(m.group())) {
                unknown.add(m.group());
            }
            return null;
        });
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

    /** Component words in the text, in order; ignored ones (sign-on bonus) have a null component. */
    private List<Hit> hits(String lower) {
        List<Hit> hits = new ArrayList<>();
        Matcher m = components.matcher(lower);
        while (m.find()) {
            int g = 0;
            while (m.start("c" + g) < 0) {
                g++;
            }
            CompData.ComponentWords c = componentWords.get(g);
            hits.add(new Hit(m.start(), m.end(), c.component() == null ? null
                    : Component.valueOf(c.component().toUpperCase(Locale.ROOT)), c.name()));
        }
        return hits;
    }
}
