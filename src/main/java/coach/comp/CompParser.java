package coach.comp;

import coach.comp.CompQuestion.Amount;
import coach.comp.CompQuestion.Component;
import coach.comp.CompQuestion.Period;
import coach.comp.CompQuestion.Topic;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Deterministic understanding of a pay question or an offer (no LLM). Region, level and market words come
 * from comp.yaml, so adding an alias there teaches the parser. Immutable and thread-safe: patterns are
 * compiled once, matchers are made per call.
 */
public final class CompParser {
    /** Longer messages are read up to this many characters (enough for any question or offer). */
    static final int MAX_CHARS = 2_000;

    private static final String B = "(?<![\\p{L}\\p{N}])"; // word start
    private static final String E = "(?![\\p{L}\\p{N}])";  // word end

    /** Companies people compare with; only those in the level mapping map to a Confluent level. */
    private static final List<String> OTHER_COMPANIES = List.of("meta", "facebook", "amazon", "microsoft", "apple",
            "netflix", "uber", "openai", "anthropic", "stripe", "snowflake", "linkedin", "airbnb", "nvidia");
    private static final String COMPANY_LEVEL_TOKEN =
            "(l\\d{1,2}|e\\d{1,2}|ic\\d{1,2}|senior|sr\\.?|staff|principal|mid(?:-level)?|junior|entry(?:-level)?)";

    /** Places people ask about that the data has no figures for. */
    private static final List<String> ELSEWHERE = List.of("seattle", "new york", "nyc", "berlin", "toronto", "paris",
            "austin", "singapore", "dublin", "amsterdam", "munich", "tokyo", "sydney", "hyderabad", "pune", "chennai",
            "delhi", "mumbai", "chicago", "boston", "denver", "canada", "germany", "europe", "france", "spain",
            "poland", "australia", "japan", "china", "brazil", "mexico", "israel", "tel aviv", "zurich",
            "switzerland", "netherlands", "ireland", "lisbon", "portugal", "emea", "apac", "latam", "new jersey",
            "texas", "california", "los angeles", "washington", "vancouver", "manchester", "edinburgh");
    /** Capitalised words after "in"/"at" that are not places. */
    private static final Set<String> NOT_PLACES = Set.of("confluent", "google", "databricks", "mongodb", "slack",
            "kafka", "flink", "usd", "gbp", "inr", "dollars", "dollar", "pounds", "rupees", "euros", "euro", "eur",
            "year", "years", "total", "base", "stock", "equity", "bonus", "rsu", "rsus", "ote", "tc", "comp", "the",
            "my", "our", "your", "this", "that", "it", "levels", "level", "general", "practice", "person", "cash",
            "addition", "short", "fact", "order", "terms", "case", "january", "february", "march", "april", "may",
            "june", "july", "august", "september", "october", "november", "december", "q1", "q2", "q3", "q4",
            "ml", "ai", "an", "a", "all", "first", "lakh", "lakhs", "k", "i", "we", "what", "which",
            "bay", "mountain", "senior", "junior", "entry", "mid", "staff", "sf", "uk", "us", "usa", "india",
            "remote", "midwest", "offer", "offers", "detail", "details", "numbers", "figures", "pay");

    private static final Pattern LEVEL_TOKEN = Pattern.compile(B + "(?:l|level\\s+)(\\d{1,2})s?" + E);
    private static final Pattern UNKNOWN_TITLE = Pattern.compile(B + "(staff|principal|distinguished|fellow)" + E);
    private static final Pattern SENIOR_ML = Pattern.compile(
            B + "(?:senior|sr\\.?)\\s+(?:ml|ai|machine learning|ml/ai)" + E);
    private static final Pattern PLACE_AFTER_PREPOSITION = Pattern.compile(
            "(?:\\b(?:in|at|for|from|based in|near|around)\\s+)([A-Z][a-zA-Z]{1,}(?:\\s+[A-Z][a-zA-Z]+)?)");
    private static final Pattern US_UPPER = Pattern.compile(B + "US" + E);

    // components (lower-case text)
    private static final List<Keyword> COMPONENT_WORDS = List.of(
            new Keyword(Pattern.compile(B + "(?:sign-on|signing|sign on|joining)\\s+bonus(?:es)?" + E), null, "sign-on bonus"),
            new Keyword(Pattern.compile(B + "relocation(?:\\s+(?:bonus|package|allowance))?" + E), null, "relocation"),
            new Keyword(Pattern.compile(B + "(?:base(?:\\s+(?:salary|pay))?|salary|salaries|wages?)" + E
                    + "(?!\\s+(?:image|images|class|classes|model|models|layer|branch|url|case|line|station|camp|rate))"),
                    Component.BASE, null),
            new Keyword(Pattern.compile(B + "(?:target\\s+|annual\\s+|cash\\s+)?bonus(?:es)?" + E
                    + "(?!\\s+(?:points?|questions?|rounds?|tasks?|tracks?|stage|feature))"), Component.BONUS, null),
            new Keyword(Pattern.compile(B + "(?:equity|rsus?|(?<!in |of )stocks?(?!\\s+(?:price|prices|market|photos?|images?))"
                    + "|shares|(?:stock|equity|rsu|initial|new[- ]hire|refresh(?:er)?)\\s+grants?|stock options)" + E), Component.EQUITY, null),
            new Keyword(Pattern.compile(B + "(?:total(?:\\s+(?:comp(?:ensation)?|pay|package|on-target earn(?:ings?)?))?"
                    + "|ote|tc|on-target(?:\\s+earn(?:ings?)?)?|all-in)" + E), Component.TOTAL, null));
    /** Component words too common in engineering chatter to mark a message as a pay question on their own. */
    private static final Set<String> CHATTER_WORDS = Set.of("total", "tc", "all-in", "shares");
    private static final Pattern TC_UPPER = Pattern.compile(B + "TC" + E);

    /** All component words in one pattern, group c{i} for COMPONENT_WORDS[i]: one pass over the text. */
    private static final Pattern COMPONENTS_ALL = Pattern.compile(java.util.stream.IntStream
            .range(0, COMPONENT_WORDS.size())
            .mapToObj(i -> "(?<c" + i + ">" + COMPONENT_WORDS.get(i).pattern().pattern() + ")")
            .collect(Collectors.joining("|")));

    private static final Pattern FIRST_YEAR = Pattern.compile(
            B + "(?:first[- ]year|year (?:one|1)|1st[- ]year|first 12 months|in year 1)" + E);
    private static final Pattern YEARLY = Pattern.compile(
            B + "(?:per[- ]year|a year|each year|every year|yearly|annual(?:ly|ised|ized)?|per annum|p\\.a\\.|/yr|/year|per yr)(?![\\p{L}])");
    private static final Pattern GRANT = Pattern.compile(
            B + "(?:over (?:4|four|3|three|5|five) years|(?:4|four)[- ]?y(?:ea)?rs?|/4yr|total grant|whole grant|full grant|grant value|vesting)" + E);

    private static final Pattern GBP = Pattern.compile("£|" + B + "(?:gbp|pounds?|sterling|quid)" + E);
    private static final Pattern INR = Pattern.compile("₹|" + B + "(?:inr|rupees?|lakhs?|lacs?|crores?|rs\\.?)" + E + "|\\d\\s?(?:l|cr)" + E);
    private static final Pattern USD = Pattern.compile("\\$|" + B + "(?:usd|dollars?|bucks)" + E);

    private static final Pattern CONVERSION = Pattern.compile(B + "(?:convert\\w*|conversion|exchange rate|fx rate"
            + "|in (?:usd|dollars|gbp|pounds|sterling|inr|rupees|euros?)|to (?:usd|dollars|gbp|pounds|inr|rupees|euros?)"
            + "|how much is (?:that|it|this) in)" + E);

    private static final Pattern NEGOTIATION = Pattern.compile(B + "(?:negotiat\\w*|counter(?:[- ]?offers?)?|levers?"
            + "|push (?:back|for)|ask for more|scripts?|playbook|leverage|competing offers?|accept)" + E);
    private static final Pattern AGENTIC = Pattern.compile(B + "(?:agentic|premium)" + E);
    private static final Pattern MAPPING = Pattern.compile(B + "(?:equivalents?|maps? (?:to|onto)|mapping|mapped"
            + "|same level as|corresponds?|comparable (?:to|with) (?:a |an )?(?:google|databricks|mongodb))" + E);
    private static final Pattern HELP = Pattern.compile("^\\s*(?:help|\\?|examples?|usage|how do i use (?:this|you)\\??"
            + "|what can you do\\??)\\s*$");

    // isCompQuestion signals (lower-case text)
    private static final Pattern STRONG = Pattern.compile(B + "(?:salar(?:y|ies)|compensation|comp|total comp|ote"
            + "|rsus?|lakhs?|counter[- ]?offers?|levels\\.fyi|paycheck|payslip|pay ?band|pay ?range|pay ?scale"
            + "|agentic (?:ai )?premium|on-target earn\\w*)" + E
            + "|\\bhow much (?:do|does|did|would|will|could|should|can|might)\\b[^?.!]{0,60}?"
            + "\\b(?:make|earn|get paid|paid|pay)\\b");
    private static final Pattern WEAK_PAY = Pattern.compile(B + "(?:pay|paid|paying|earn\\w*|negotiat\\w*|offers?"
            + "|vest\\w*|compensated|underpaid|overpaid|lowball\\w*)" + E);

    /** An amount: optional minus, currency before, number, unit, currency after. */
    private static final Pattern AMOUNT = Pattern.compile(
            "(?<![\\p{L}\\p{N}.,])(?<neg>-|minus\\s+)?(?<pre>[$£₹]|(?:usd|gbp|inr|rs\\.?)\\s?)?"
            + "(?<num>\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)"
            + "(?:\\s?(?<unit>k|m|mn|l|lakhs?|lacs?|cr|crores?|thousand|million|%|percent)(?![\\p{L}\\p{N}]))?"
            + "(?:\\s?(?<post>usd|gbp|inr|dollars?|pounds?|rupees?)(?![\\p{L}]))?");
    private static final Pattern DURATION_AFTER = Pattern.compile(
            "^\\s?-?(?:years?|yrs?|y|days?|months?|weeks?|hours?|minutes?|mins?|am|pm|x)(?![\\p{L}])");
    private static final Pattern RIGHT_FILLER = Pattern.compile(
            "^(?:\\s|in|of|as|a|an|the|my|for|usd|gbp|inr|dollars|pounds|rupees|per year|a year|/yr|/year|yearly|annual"
            + "|annually|worth of|\\d[- ]?y(?:ea)?rs?|(?:four|three)[- ]year|over \\d years|over (?:four|three) years"
            + "|cash|ml|initial|new[- ]hire|target|-)*$");
    private static final Pattern LEFT_FILLER = Pattern.compile(
            "^(?:\\s|[:=(~]|of|is|was|at|about|around|approx\\.?|approximately|roughly|be|-|worth|valued at|amount"
            + "|amounts to|offered|offer|target|a|an|the|my|usd|gbp|inr|in|per year|a year|yearly|annual|annually"
            + "|\\d[- ]?y(?:ea)?rs?|over \\d years|for)*$");
    private static final Pattern STRONG_LEFT = Pattern.compile("^\\s*[:=]\\s*$");
    private static final Pattern STOCK_YEARS = Pattern.compile(
            "(?:over|across|vesting over|vest over|for)\\s+(\\d{1,2}|two|three|four|five|six)\\s+years?"
            + "|(?<![\\p{L}\\p{N}])(\\d{1,2})[- ]?y(?:ea)?rs?(?![\\p{L}])|/(\\d)\\s?yrs?");

    private record Keyword(Pattern pattern, Component component, String ignoredName) {}

    /** Many literal aliases in one pattern (longest first), each mapped to the ids it names. */
    private static final class AliasSet {
        final Pattern pattern;
        final Map<String, List<String>> ids;

        AliasSet(Map<String, List<String>> ids, String suffix) {
            this.ids = ids;
            List<String> keys = new ArrayList<>(ids.keySet());
            keys.sort(Comparator.comparingInt(String::length).reversed());
            this.pattern = keys.isEmpty() ? Pattern.compile("(?!)")
                    : Pattern.compile(B + "(?:" + keys.stream().map(Pattern::quote).collect(Collectors.joining("|"))
                    + ")" + E + suffix);
        }

        boolean any(CharSequence text) {
            return pattern.matcher(text).find();
        }
    }

    private static void put(Map<String, List<String>> into, String alias, String id) {
        List<String> l = into.computeIfAbsent(alias.toLowerCase(Locale.ROOT).trim(), k -> new ArrayList<>());
        if (!l.contains(id)) {
            l.add(id);
        }
    }

    private record Span(int start, int end, String id) {}

    /** A component word; {@code ignored} names one the data has no figures for (component null). */
    private record Hit(int start, int end, Component component, String ignored) {}

    private final CompData data;
    private final AliasSet regionAliases;
    private final AliasSet levelAliases;
    private final AliasSet marketKeywords;
    private final Pattern companyFirst;
    private final Pattern levelFirst;
    private final Pattern elsewhere;
    private final Set<String> knownPlaceWords = new java.util.HashSet<>();

    public CompParser(CompData data) {
        this.data = data;
        Map<String, List<String>> regions = new LinkedHashMap<>();
        for (CompData.Band b : data.bands()) {
            b.aliases().forEach(a -> put(regions, a, b.region()));
        }
        for (CompData.GeoNote g : data.geography()) {
            g.aliases().forEach(a -> put(regions, a, g.id()));
        }
        if (data.levelTable().regionAliases() != null) {
            data.levelTable().regionAliases().forEach(a -> put(regions, a, "us"));
        }
        this.regionAliases = new AliasSet(regions, "");
        Map<String, List<String>> levels = new LinkedHashMap<>();
        for (CompData.LevelRow r : data.levels()) {
            if (r.aliases() != null) {
                r.aliases().forEach(a -> put(levels, a, r.level()));
            }
        }
        this.levelAliases = new AliasSet(levels, "(?!-(?:west|year|term|size|sized|day|week|month|sprint|\\d))");
        Map<String, List<String>> market = new LinkedHashMap<>();
        for (CompData.MarketFigure m : data.market()) {
            m.keywords().forEach(k -> put(market, k, m.id()));
        }
        this.marketKeywords = new AliasSet(market, "");
        List<String> companies = new ArrayList<>();
        data.levelMapping().equivalents().forEach(e -> companies.add(Pattern.quote(e.company().toLowerCase(Locale.ROOT))));
        companies.addAll(OTHER_COMPANIES);
        String companyAlt = "(" + String.join("|", companies) + ")";
        this.companyFirst = Pattern.compile(B + companyAlt + "(?:'s)?\\s+(?:(?:ml|ai|swe|software)\\s+)?"
                + COMPANY_LEVEL_TOKEN + E);
        this.levelFirst = Pattern.compile(B + COMPANY_LEVEL_TOKEN + "\\s+(?:(?:ml|ai|swe|software)\\s+)?"
                + "(?:(?:engineers?|eng)\\s+)?(?:at|@|from|in)\\s+" + companyAlt + E);
        List<String> places = new ArrayList<>();
        ELSEWHERE.forEach(p -> places.add(Pattern.quote(p)));
        this.elsewhere = Pattern.compile(B + "(?:" + String.join("|", places) + ")" + E);
        knownPlaceWords.addAll(regions.keySet());
        collectAliasWords(data);
    }

    private void collectAliasWords(CompData data) {
        data.bands().forEach(b -> { knownPlaceWords.addAll(lower(b.aliases())); knownPlaceWords.add(b.name().toLowerCase(Locale.ROOT)); });
        data.geography().forEach(g -> { knownPlaceWords.addAll(lower(g.aliases())); knownPlaceWords.add(g.name().toLowerCase(Locale.ROOT)); });
        if (data.levelTable().regionAliases() != null) {
            knownPlaceWords.addAll(lower(data.levelTable().regionAliases()));
        }
        data.levelMapping().equivalents().forEach(e -> knownPlaceWords.add(e.company().toLowerCase(Locale.ROOT)));
        knownPlaceWords.addAll(OTHER_COMPANIES);
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
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '\u2010' && c <= '\u2015' || c == '\u2212') {
                sb.append('-');
            } else if (c == '\u00a0' || c == '\u2009' || c == '\u202f' || c == '\t' || c == '\n' || c == '\r') {
                sb.append(' ');
            } else if (c == '\u2019' || c == '\u2018') {
                sb.append('\'');
            } else if (c == '\u00d7') {
                sb.append('x');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** True when the text is about pay; ordinary chatter ("the base image is broken") is false. Fast. */
    public boolean isCompQuestion(String text) {
        String original = normalise(text);
        String lower = original.toLowerCase(Locale.ROOT);
        return isComp(original, lower, null, () -> new Signals(
                LEVEL_TOKEN.matcher(lower).find() || companyFirst.matcher(lower).find() || levelAliases.any(lower)
                        || UNKNOWN_TITLE.matcher(lower).find(),
                regionAliases.any(lower) || US_UPPER.matcher(original).find()));
    }

    /** Whether a level and a place are mentioned; parse() knows them already, isCompQuestion() looks. */
    private record Signals(boolean level, boolean region) {}

    private boolean isComp(String original, String lower, List<Hit> componentHits, Supplier<Signals> signals) {
        if (lower.isBlank()) {
            return false;
        }
        if (STRONG.matcher(lower).find() || TC_UPPER.matcher(original).find()) {
            return true;
        }
        int money = moneySignal(lower);
        if (money == 2) {
            return true;
        }
        List<Hit> all = componentHits != null ? componentHits : componentHits(lower);
        Set<Component> found = EnumSet.noneOf(Component.class);
        for (Hit h : all) {
            if (h.component() != null && !CHATTER_WORDS.contains(lower.substring(h.start(), h.end()))) {
                found.add(h.component());
            }
        }
        Set<String> payWords = new java.util.HashSet<>();
        Matcher pw = WEAK_PAY.matcher(lower);
        while (pw.find()) {
            payWords.add(pw.group());
        }
        if (found.isEmpty() && payWords.isEmpty()) {
            return false;
        }
        if (found.size() + payWords.size() >= 2 || money == 1) {
            return true;
        }
        Signals s = signals.get();
        return s.level() || s.region();
    }

    /** 0: no money amount; 1: an amount that may be money (190k, 190,000); 2: clearly money ($190k, £82K, ₹52L). */
    private static int moneySignal(String lower) {
        int signal = 0;
        Matcher m = AMOUNT.matcher(lower);
        while (m.find()) {
            String unit = m.group("unit");
            boolean percent = "%".equals(unit) || "percent".equals(unit);
            if (percent || durationAfter(lower, m.end())) {
                continue;
            }
            boolean currency = m.group("pre") != null || m.group("post") != null;
            boolean indianUnit = unit != null && (unit.startsWith("l") || unit.startsWith("cr"));
            double n = number(m.group("num"));
            if (indianUnit || currency && (unit != null || n >= 1000)) {
                return 2;
            }
            signal = 1;
        }
        return signal;
    }

    /** Reads a message: what it asks about, and any amounts of an offer. */
    public CompQuestion parse(String text) {
        String original = normalise(text);
        String lower = original.toLowerCase(Locale.ROOT);
        StringBuilder work = new StringBuilder(lower); // spans already used are blanked out

        // levels at other companies first, so that "Google L4" is not read as Confluent's L4
        List<Span> levelSpans = new ArrayList<>();
        List<String> unknownLevels = new ArrayList<>();
        String mappedFrom = null;
        boolean unmapped = false;
        for (Pattern p : List.of(companyFirst, levelFirst)) {
            Matcher m = p.matcher(work.toString());
            while (m.find()) {
                String company = p == companyFirst ? m.group(1) : m.group(2);
                String token = (p == companyFirst ? m.group(2) : m.group(1)).replace(".", "");
                CompData.Equivalent eq = data.levelMapping().equivalents().stream()
                        .filter(e -> e.company().equalsIgnoreCase(company)
                                && e.match().stream().anyMatch(t -> t.equalsIgnoreCase(token)))
                        .findFirst().orElse(null);
                if (eq != null) {
                    levelSpans.add(new Span(m.start(), m.end(), data.levelMapping().confluentLevel()));
                    if (mappedFrom == null) {
                        mappedFrom = eq.company() + " " + eq.title();
                    }
                } else {
                    unmapped = true;
                }
                blank(work, m.start(), m.end());
            }
        }

        // regions (before levels: "mid-west" is a place, not "mid")
        List<Span> regionSpans = new ArrayList<>();
        Matcher ra = regionAliases.pattern.matcher(work.toString());
        while (ra.find()) {
            regionSpans.add(new Span(ra.start(), ra.end(), regionAliases.ids.get(ra.group()).get(0)));
            blank(work, ra.start(), ra.end());
        }
        Matcher us = US_UPPER.matcher(original);
        while (us.find() && original.length() == lower.length()) { // (lower-casing may lengthen some letters)
            if (work.charAt(us.start()) != ' ') {
                regionSpans.add(new Span(us.start(), us.end(), "us"));
                blank(work, us.start(), us.end());
            }
        }
        boolean unknownRegion = elsewhere.matcher(work.toString()).find() || capitalisedUnknownPlace(original);

        // Confluent levels
        if (SENIOR_ML.matcher(work.toString()).find() && mappedFrom == null) {
            mappedFrom = "Confluent " + data.levelMapping().confluentTitle();
        }
        Matcher lt = LEVEL_TOKEN.matcher(work.toString());
        while (lt.find()) {
            String id = "L" + Integer.parseInt(lt.group(1));
            if (data.level(id).isPresent()) {
                levelSpans.add(new Span(lt.start(), lt.end(), id));
            } else if (!unknownLevels.contains(id)) {
                unknownLevels.add(id);
            }
            blank(work, lt.start(), lt.end());
        }
        Matcher la = levelAliases.pattern.matcher(work.toString());
        while (la.find()) {
            levelSpans.add(new Span(la.start(), la.end(), levelAliases.ids.get(la.group()).get(0)));
            blank(work, la.start(), la.end());
        }
        Matcher ut = UNKNOWN_TITLE.matcher(work.toString());
        while (ut.find()) {
            if (!unknownLevels.contains(ut.group(1))) {
                unknownLevels.add(ut.group(1));
            }
        }

        List<Hit> hits = componentHits(lower);
        Set<Component> components = EnumSet.noneOf(Component.class);
        Set<String> ignored = new TreeSet<>();
        for (Hit h : hits) {
            if (h.component() != null) {
                components.add(h.component());
            } else {
                ignored.add(h.ignored());
            }
        }

        Period period = FIRST_YEAR.matcher(lower).find() ? Period.FIRST_YEAR
                : YEARLY.matcher(lower).find() ? Period.YEARLY
                : GRANT.matcher(lower).find() ? Period.GRANT : Period.UNSPECIFIED;

        Set<String> currencies = new TreeSet<>();
        if (GBP.matcher(lower).find()) {
            currencies.add("GBP");
        }
        if (INR.matcher(lower).find()) {
            currencies.add("INR");
        }
        if (USD.matcher(lower).find()) {
            currencies.add("USD");
        }

        Set<Topic> topics = EnumSet.noneOf(Topic.class);
        if (NEGOTIATION.matcher(lower).find()) {
            topics.add(Topic.NEGOTIATION);
        }
        if (AGENTIC.matcher(lower).find()) {
            topics.add(Topic.AGENTIC_PREMIUM);
        }
        if (MAPPING.matcher(lower).find() || (mappedFrom != null && !mappedFrom.startsWith("Confluent")) || unmapped) {
            topics.add(Topic.MAPPING);
        }
        if (HELP.matcher(lower).find()) {
            topics.add(Topic.HELP);
        }
        Set<String> marketIds = new LinkedHashSet<>();
        Matcher mk = marketKeywords.pattern.matcher(lower);
        while (mk.find()) {
            marketIds.addAll(marketKeywords.ids.get(mk.group()));
        }
        if (!marketIds.isEmpty()) {
            topics.add(Topic.MARKET);
        }

        List<Amount> amounts = amounts(lower, hits);
        for (Amount a : amounts) {
            if (a.currency() != null) {
                currencies.add(a.currency());
            }
        }

        levelSpans.sort(Comparator.comparingInt(Span::start));
        regionSpans.sort(Comparator.comparingInt(Span::start));
        List<String> levels = levelSpans.stream().map(Span::id).distinct().toList();
        List<String> regions = regionSpans.stream().map(Span::id).distinct().toList();

        boolean levelSeen = !levelSpans.isEmpty() || !unknownLevels.isEmpty() || mappedFrom != null || unmapped;
        boolean regionSeen = !regionSpans.isEmpty();
        boolean comp = amounts.stream().anyMatch(a -> a.component() != null)
                || isComp(original, lower, hits, () -> new Signals(levelSeen, regionSeen));
        return new CompQuestion(comp, levels, List.copyOf(unknownLevels), mappedFrom, unmapped, regions, unknownRegion,
                Collections.unmodifiableSet(components), period, Collections.unmodifiableSet(currencies),
                CONVERSION.matcher(lower).find(), Collections.unmodifiableSet(topics),
                Collections.unmodifiableSet(marketIds), List.copyOf(amounts), Collections.unmodifiableSet(ignored));
    }

    private boolean capitalisedUnknownPlace(String original) {
        Matcher m = PLACE_AFTER_PREPOSITION.matcher(original);
        while (m.find()) {
            String place = m.group(1).toLowerCase(Locale.ROOT);
            String first = place.split(" ")[0];
            if (!NOT_PLACES.contains(first) && !NOT_PLACES.contains(place) && !knownPlaceWords.contains(place)
                    && !knownPlaceWords.contains(first) && !place.matches("l\\d+.*")) {
                return true;
            }
        }
        return false;
    }

    private static void blank(StringBuilder sb, int start, int end) {
        for (int i = start; i < end; i++) {
            sb.setCharAt(i, ' ');
        }
    }

    /** Component keywords in the text, in order; ignored ones (sign-on bonus) have a null component. */
    private static List<Hit> componentHits(String lower) {
        List<Hit> hits = new ArrayList<>();
        Matcher m = COMPONENTS_ALL.matcher(lower);
        while (m.find()) {
            for (int g = 0; g < COMPONENT_WORDS.size(); g++) {
                if (m.start("c" + g) >= 0) {
                    Keyword k = COMPONENT_WORDS.get(g);
                    hits.add(new Hit(m.start(), m.end(), k.component(), k.ignoredName()));
                    break;
                }
            }
        }
        return hits;
    }

    private record RawAmount(int start, int end, double value, double absolute, String currency, boolean percent,
                             boolean negative, boolean unitless) {}

    /** Amounts and the component each belongs to: "190k base", "base: 190k", "bonus 15%". */
    private static List<Amount> amounts(String lower, List<Hit> hits) {
        List<RawAmount> raw = new ArrayList<>();
        Matcher m = AMOUNT.matcher(lower);
        while (m.find()) {
            if (m.group("num") == null || durationAfter(lower, m.end())) {
                continue;
            }
            String unit = m.group("unit");
            boolean percent = "%".equals(unit) || "percent".equals(unit);
            double value = number(m.group("num"));
            double mult = 1;
            String currency = Money.currencyOf(m.group("pre"), m.group("post"));
            if (unit != null && !percent) {
                switch (unit) {
                    case "k", "thousand" -> mult = 1e3;
                    case "m", "mn", "million" -> mult = 1e6;
                    case "cr", "crore", "crores" -> { mult = 1e7; currency = currency == null ? "INR" : currency; }
                    default -> { mult = 1e5; currency = currency == null ? "INR" : currency; } // lakh
                }
            }
            boolean unitless = unit == null;
            raw.add(new RawAmount(m.start(), m.end(), value, value * mult, currency, percent,
                    m.group("neg") != null, unitless));
        }
        List<Amount> out = new ArrayList<>();
        Set<Integer> claimed = new java.util.HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            RawAmount a = raw.get(i);
            Hit left = null;
            Hit right = null;
            for (Hit h : hits) {
                if (h.end() <= a.start()) {
                    left = h;
                } else if (h.start() >= a.end() && right == null) {
                    right = h;
                }
            }
            String leftGap = left == null ? null : lower.substring(left.end(), a.start());
            String rightGap = right == null ? null : lower.substring(a.end(), right.start());
            boolean leftOk = left != null && left.component() != null && !claimed.contains(left.start())
                    && leftGap.length() <= 25 && LEFT_FILLER.matcher(leftGap).matches()
                    && noAmountBetween(raw, left.end(), a.start());
            boolean rightOk = right != null && right.component() != null && !claimed.contains(right.start())
                    && rightGap.length() <= 25 && RIGHT_FILLER.matcher(rightGap).matches();
            Hit chosen = null;
            if (leftOk && STRONG_LEFT.matcher(leftGap).matches()) {
                chosen = left;
            } else if (leftOk && rightOk) {
                if (a.percent() && (left.component() == Component.BONUS) != (right.component() == Component.BONUS)) {
                    chosen = left.component() == Component.BONUS ? left : right;
                } else {
                    chosen = keywordLeadsAmount(lower, right, raw, i) ? left : right;
                }
            } else if (leftOk) {
                chosen = left;
            } else if (rightOk) {
                chosen = right;
            }
            Component c = chosen == null ? null : chosen.component();
            if (chosen != null) {
                claimed.add(chosen.start());
            }
            Integer years = null;
            boolean perYear = false;
            if (c == Component.EQUITY) {
                int from = Math.min(a.start(), chosen.start());
                int to = Math.max(a.end(), chosen.end());
                String window = clause(lower, from, to);
                Matcher y = STOCK_YEARS.matcher(window);
                if (y.find()) {
                    String g = y.group(1) != null ? y.group(1) : y.group(2) != null ? y.group(2) : y.group(3);
                    years = wordNumber(g);
                } else if (YEARLY.matcher(window).find()) {
                    perYear = true;
                }
            }
            out.add(new Amount(c, a.value(), a.absolute(), a.currency(), a.percent(), a.negative(), a.unitless(),
                    years, perYear));
        }
        return out;
    }

    /** The text around [from, to) up to the nearest clause break on either side (comma, semicolon, full stop). */
    private static String clause(String lower, int from, int to) {
        int s = from;
        while (s > 0 && !isBreak(lower, s - 1)) {
            s--;
        }
        int e = to;
        while (e < lower.length() && !isBreak(lower, e)) {
            e++;
        }
        return lower.substring(s, e);
    }

    private static boolean isBreak(String s, int i) {
        char c = s.charAt(i);
        if (c == ';' || c == '\n') {
            return true;
        }
        if (c == ',' || c == '.') {
            boolean digitBefore = i > 0 && Character.isDigit(s.charAt(i - 1));
            boolean digitAfter = i + 1 < s.length() && Character.isDigit(s.charAt(i + 1));
            return !(digitBefore && digitAfter);
        }
        return false;
    }

    private static boolean durationAfter(String lower, int from) {
        return DURATION_AFTER.matcher(lower).region(from, lower.length()).lookingAt();
    }

    private static boolean noAmountBetween(List<RawAmount> raw, int from, int to) {
        return raw.stream().noneMatch(r -> r.start() >= from && r.end() <= to);
    }

    /** "bonus 15%": the keyword is followed by its own amount, so it does not take the amount before it. */
    private static boolean keywordLeadsAmount(String lower, Hit keyword, List<RawAmount> raw, int current) {
        for (int j = current + 1; j < raw.size(); j++) {
            RawAmount next = raw.get(j);
            if (next.start() >= keyword.end()) {
                String gap = lower.substring(keyword.end(), next.start());
                return gap.length() <= 25 && LEFT_FILLER.matcher(gap).matches();
            }
        }
        return false;
    }

    private static Integer wordNumber(String g) {
        return switch (g) {
            case "two" -> 2;
            case "three" -> 3;
            case "four" -> 4;
            case "five" -> 5;
            case "six" -> 6;
            default -> Integer.parseInt(g);
        };
    }

    static double number(String s) {
        return Double.parseDouble(s.replace(",", ""));
    }
}
