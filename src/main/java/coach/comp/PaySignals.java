package coach.comp;

import static coach.comp.CompParser.B;
import static coach.comp.CompParser.E;

import coach.comp.CompQuestion.Period;
import coach.comp.CompQuestion.Topic;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The signals of a pay question (pay words, money), its period and its topics. Stateless. */
final class PaySignals {
    private static final Pattern TC_UPPER = Pattern.compile(B + "TC" + E);
    private static final Pattern FIRST_YEAR = Pattern.compile(
            B + "(?:first[- ]year|year (?:one|1)|1st[- ]year|first 12 months|in year 1)" + E);
    static final Pattern YEARLY = Pattern.compile(B + "(?:per[- ]year|a year|each year|every year|yearly"
            + "|annual(?:ly|ised|ized)?|per annum|p\\.a\\.|/yr|/year|per yr)(?![\\p{L}])");
    private static final Pattern GRANT = Pattern.compile(B + "(?:over (?:4|four|3|three|5|five) years|(?:4|four)[- ]?y(?:ea)?rs?"
            + "|/4yr|total grant|whole grant|full grant|grant value|vesting)" + E);
    static final Pattern CONVERSION = Pattern.compile(B + "(?:convert\\w*|conversion|exchange rate|fx rate"
            + "|in (?:usd|dollars|gbp|pounds|sterling|inr|rupees|euros?)|to (?:usd|dollars|gbp|pounds|inr|rupees|euros?)"
            + "|how much is (?:that|it|this) in)" + E);
    private static final Map<Topic, Pattern> TOPICS = Map.of(
            Topic.NEGOTIATION, Pattern.compile(B + "(?:negotiat\\w*|counter(?:[- ]?offers?)?|levers?|push (?:back|for)"
                    + "|ask for more|scripts?|playbook|leverage|competing offers?|accept)" + E),
            Topic.AGENTIC_PREMIUM, Pattern.compile(B + "(?:agentic|premium)" + E),
            Topic.MAPPING, Pattern.compile(B + "(?:equivalents?|maps? (?:to|onto)|mapping|mapped|same level as"
                    + "|corresponds?|comparable (?:to|with) (?:a |an )?(?:google|databricks|mongodb))" + E),
            Topic.HELP, Pattern.compile("^\\s*(?:help|\\?|examples?|usage|how do i use (?:this|you)\\??"
                    + "|what can you do\\??)\\s*$"));
    /** Words that make a message a pay question on their own; weaker ones need a second signal. */
    private static final Pattern STRONG = Pattern.compile(B + "(?:salar(?:y|ies)|compensation|comp|total comp|ote"
            + "|rsus?|lakhs?|counter[- ]?offers?|levels\\.fyi|paycheck|payslip|pay ?band|pay ?range|pay ?scale"
            + "|agentic (?:ai )?premium|on-target earn\\w*)" + E
            + "|\\bhow much (?:do|does|did|would|will|could|should|can|might)\\b[^?.!]{0,60}?"
            + "\\b(?:make|earn|get paid|paid|pay)\\b");
    private static final Pattern WEAK_PAY = Pattern.compile(B + "(?:pay|paid|paying|earn\\w*|negotiat\\w*|offers?"
            + "|vest\\w*|compensated|underpaid|overpaid|lowball\\w*)" + E);

    private PaySignals() {}

    /** Whether a text is about pay: strong words, clear money, or two weaker signals (a level or a place counts). */
    static boolean isComp(CompParser.Text t, List<CompParser.Hit> hits, Set<String> chatter, boolean levelOrRegion) {
        if (t.lower().isBlank()) {
            return false;
        }
        int money = AmountReader.moneySignal(t.lower());
        if (STRONG.matcher(t.lower()).find() || TC_UPPER.matcher(t.original()).find() || money == 2) {
            return true;
        }
        Set<Object> signals = new HashSet<>();
        hits.stream().filter(h -> h.component() != null && !chatter.contains(t.lower().substring(h.start(), h.end())))
                .forEach(h -> signals.add(h.component()));
        Matcher pw = WEAK_PAY.matcher(t.lower());
        while (pw.find()) {
            signals.add(pw.group());
        }
        return !signals.isEmpty() && (signals.size() >= 2 || money == 1 || levelOrRegion);
    }

    static Period period(String lower) {
        return FIRST_YEAR.matcher(lower).find() ? Period.FIRST_YEAR : YEARLY.matcher(lower).find() ? Period.YEARLY
                : GRANT.matcher(lower).find() ? Period.GRANT : Period.UNSPECIFIED;
    }

    /** {@code elsewhereLevel}: a level at another company was named, mapped or not. */
    static Set<Topic> topics(String lower, boolean elsewhereLevel, Collection<String> marketIds) {
        Set<Topic> topics = EnumSet.noneOf(Topic.class);
        TOPICS.forEach((topic, p) -> { if (p.matcher(lower).find()) topics.add(topic); });
        if (elsewhereLevel) {
            topics.add(Topic.MAPPING);
        }
        if (!marketIds.isEmpty()) {
            topics.add(Topic.MARKET);
        }
        return Collections.unmodifiableSet(topics);
    }
}
