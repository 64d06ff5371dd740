package coach.comp;

import static coach.comp.TextReading.B;
import static coach.comp.TextReading.E;
import static coach.comp.TextReading.lower;
import static coach.comp.TextReading.phrases;

import coach.comp.CompQuestion.Period;
import coach.comp.CompQuestion.Topic;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The signals of a pay question (pay words, money), its period and its topics, from comp.yaml's phrases. */
final class PaySignals {
    private static final Pattern TC_UPPER = Pattern.compile(B + "TC" + E);
    /** "how much do senior engineers make …": a pay question whatever comes between. */
    private static final Pattern HOW_MUCH = Pattern.compile("\\bhow much (?:do|does|did|would|will|could|should|can"
            + "|might)\\b[^?.!]{0,60}?\\b(?:make|earn|get paid|paid|pay)\\b");
    final Pattern yearly;
    /** A message that is only one of these asks for help. */
    private final Set<String> help;
    private final Pattern pay;
    private final Pattern weakPay;
    private final Pattern conversion;
    private final Map<Period, Pattern> periods;
    private final Map<Topic, Pattern> topics;
    private final Map<String, Pattern> currencies = new LinkedHashMap<>();

    /** {@code companies}: those of the level mapping ("comparable to a Google L4" asks for the mapping). */
    PaySignals(CompData.Vocabulary v, List<String> companies) {
        CompData.Phrases p = v.phrases();
        this.help = Set.copyOf(p.help());
        this.pay = phrases(p.pay());
        this.weakPay = phrases(p.weakPay());
        this.conversion = phrases(p.conversion());
        this.yearly = phrases(p.yearly());
        this.periods = Map.of(Period.FIRST_YEAR, phrases(p.firstYear()), Period.YEARLY, yearly,
                Period.GRANT, phrases(p.grant()));
        this.topics = Map.of(Topic.NEGOTIATION, phrases(p.negotiation()),
                Topic.AGENTIC_PREMIUM, phrases(p.agenticPremium()),
                Topic.MAPPING, Pattern.compile(phrases(p.mapping()).pattern() + "|" + B
                        + "comparable (?:to|with) (?:a |an )?(?:" + String.join("|", companies.stream().map(Pattern::quote).toList())
                        + ")" + E));
        v.currencies().forEach(c -> currencies.put(c.code(), currencyPattern(c)));
    }

    /** A symbol matches anywhere, a word as a whole word, a unit right after a number ("52l"). */
    private static Pattern currencyPattern(CompData.CurrencyWords c) {
        Stream<String> words = lower(c.words()).stream()
                .map(w -> w.matches(".*[\\p{L}\\p{N}].*") ? B + Pattern.quote(w) + E : Pattern.quote(w));
        Stream<String> units = lower(c.unitsAfterNumber() == null ? List.of() : c.unitsAfterNumber()).stream()
                .map(u -> "\\d\\s?" + Pattern.quote(u) + E);
        return Pattern.compile(Stream.concat(words, units).collect(Collectors.joining("|")));
    }

    /** The currencies a text names, by a word or with an amount. */
    Set<String> currencies(String lower, List<CompQuestion.Amount> amounts) {
        Set<String> found = new TreeSet<>();
        currencies.forEach((c, p) -> { if (p.matcher(lower).find()) found.add(c); });
        amounts.stream().filter(a -> a.currency() != null).forEach(a -> found.add(a.currency()));
        return Collections.unmodifiableSet(found);
    }

    /** Whether a text is about pay: strong words, clear money, or two weaker signals (a level or a place counts). */
    boolean isComp(TextReading.Text t, List<TextReading.Hit> hits, Set<String> chatter, boolean levelOrRegion) {
        if (t.lower().isBlank()) {
            return false;
        }
        int money = AmountReader.moneySignal(t.lower());
        if (pay.matcher(t.lower()).find() || HOW_MUCH.matcher(t.lower()).find() || TC_UPPER.matcher(t.original()).find()
                || money == 2) {
            return true;
        }
        Set<Object> signals = new HashSet<>();
        hits.stream().filter(h -> h.component() != null && !chatter.contains(t.lower().substring(h.start(), h.end())))
                .forEach(h -> signals.add(h.component()));
        Matcher pw = weakPay.matcher(t.lower());
        while (pw.find()) {
            signals.add(pw.group());
        }
        return !signals.isEmpty() && (signals.size() >= 2 || money == 1 || levelOrRegion);
    }

    Period period(String lower) {
        return Stream.of(Period.FIRST_YEAR, Period.YEARLY, Period.GRANT).filter(p -> periods.get(p).matcher(lower).find())
                .findFirst().orElse(Period.UNSPECIFIED);
    }

    boolean conversion(String lower) {
        return conversion.matcher(lower).find();
    }

    /** {@code elsewhereLevel}: a level at another company was named, mapped or not. */
    Set<Topic> topics(String lower, boolean elsewhereLevel, Collection<String> marketIds) {
        Set<Topic> found = EnumSet.noneOf(Topic.class);
        topics.forEach((topic, p) -> { if (p.matcher(lower).find()) found.add(topic); });
        if (help.contains(lower.trim())) {
            found.add(Topic.HELP);
        }
        if (elsewhereLevel) {
            found.add(Topic.MAPPING);
        }
        if (!marketIds.isEmpty()) {
            found.add(Topic.MARKET);
        }
        return Collections.unmodifiableSet(found);
    }
}
