package coach.comp;

import static coach.comp.CompReply.em;
import static coach.comp.CompReply.strong;

import coach.comp.CompData.Band;
import coach.comp.CompData.GeoNote;
import coach.comp.CompData.LevelRow;
import coach.comp.CompData.Negotiation;
import coach.comp.CompQuestion.Amount;
import coach.comp.CompQuestion.Component;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks an offer (or part of one) against the band of its region and the US median of its level: what was
 * given is read into an {@link OfferReport.Offer} (or the problems are listed), then the report is built from
 * sections, one line per component. Stateless and thread-safe.
 */
public final class OfferCheck {
    /** An amount more than this many times the largest figure in the data (same currency) is not plausible. */
    static final double PLAUSIBLE_FACTOR = 10;
    static final CompReply.Line NOT_ADVICE = CompReply.line(CompReply.Kind.TEXT,
            em("Not legal or tax advice: figures from two public guides, not a market survey."));

    private final CompData data;
    private final CompHelp help;
    private final OfferReport report;
    /** The largest money figure of the data in each currency, absolute. */
    private final Map<String, Double> largest = new HashMap<>();

    public OfferCheck(CompData data) {
        this.data = data;
        this.help = new CompHelp(data);
        this.report = new OfferReport(data);
        double usd = Money.multiplier(data.levelTable().unit());
        data.levels().forEach(r -> grow(data.levelTable().currency(), Stream.of(r.base(), r.equity(), r.ote()), usd));
        data.bands().forEach(b -> grow(b.currency(), Stream.of(b.base().high(), b.stock().high(), b.totalComp().high()),
                Money.multiplier(b.unit())));
        Negotiation n = data.negotiation();
        grow(n.currency(), Stream.concat(n.competingOffers().stream().map(CompData.CompetingOffer::amount),
                Stream.of(n.targetStock())), Money.multiplier(n.unit()));
    }

    private void grow(String currency, Stream<Double> values, double multiplier) {
        values.forEach(v -> largest.merge(currency, v * multiplier, Math::max));
    }

    /** The reply to an offer; problems (unknown level, mixed currencies, implausible amounts) are explained. */
    public CompReply check(CompQuestion q) {
        List<String> problems = new ArrayList<>();
        Set<String> notes = new LinkedHashSet<>();
        q.unknownLevels().forEach(l -> problems.add(help.noSuchLevel(l)));
        if (q.unmappedCompanyLevel()) {
            problems.add("The level mapping covers only " + help.equivalents() + "; give the Confluent level ("
                    + help.levelIds() + ").");
        }
        if (q.levels().size() > 1) {
            problems.add("The offer names more than one level; give one (" + help.levelIds() + ").");
        }
        LevelRow level = q.levels().isEmpty() ? null : data.level(q.levels().get(0)).orElse(null);
        GeoNote note = q.regions().stream().flatMap(r -> data.geo(r).stream()).findFirst().orElse(null);
        Band band = band(q, note, problems, notes);
        Map<Component, Amount> given = amounts(q, problems);
        if (level == null && band == null && q.unknownLevels().isEmpty() && !q.unknownRegion()
                && !q.unmappedCompanyLevel() && note == null) {
            problems.add("Say the level (" + help.levelIds() + ") or the region ("
                    + CompHelp.join(data.bands(), Band::name, ", ") + ") to compare with.");
        }
        Set<String> currencies = q.currencies();
        if (currencies.size() > 1) {
            problems.add("The offer mixes currencies (" + String.join(" and ", currencies) + "); give every amount in"
                    + " one currency. The data has no exchange rate to convert.");
        }
        String cur = currencies.size() == 1 ? currencies.iterator().next()
                : band != null ? band.currency() : data.levelTable().currency();
        if (currencies.isEmpty() && !given.isEmpty()) {
            notes.add("No currency given: I read the amounts as " + cur + ".");
        }
        if (band != null && currencies.size() == 1 && !cur.equals(band.currency())) {
            problems.add("The amounts are in " + cur + " but the " + band.name() + " band is in " + band.currency()
                    + ", and the data has no exchange rate to convert.");
        }
        List<Band> same = data.bands().stream().filter(b -> b.currency().equals(cur)).toList();
        if (band == null && note == null && !q.unknownRegion() && same.size() == 1) {
            band = same.get(0);
            notes.add("No region given: for a range I use the " + band.name() + " band, the only " + cur + " band in the data.");
        }
        String unit = band != null ? band.unit() : data.levelTable().unit();
        Map<Component, Double> abs = absolute(given, cur, unit, problems, notes);
        return problems.isEmpty() ? report.build(new OfferReport.Offer(q, level, band, note, given, abs, cur, unit, notes))
                : problemReply(problems);
    }

    private Band band(CompQuestion q, GeoNote note, List<String> problems, Set<String> notes) {
        List<Band> bands = q.regions().stream().flatMap(r -> data.band(r).stream()).toList();
        Band band = bands.size() == 1 ? bands.get(0) : bands.isEmpty() && note != null && note.nearestBand() != null
                ? data.band(note.nearestBand()).orElseThrow() : null;
        if (bands.size() > 1) {
            problems.add("The offer names more than one region; check one at a time.");
        } else if (bands.isEmpty() && note != null) {
            notes.add(note.name() + ": " + note.note() + " There is no " + note.name() + " band"
                    + (band != null ? ", so I compare with " + band.name() + ", the nearest." : "."));
        }
        if (q.unknownRegion() && band == null) {
            problems.add("I have no band for that place. " + help.whatExists());
        }
        return band;
    }

    private static Map<Component, Amount> amounts(CompQuestion q, List<String> problems) {
        Map<Component, Amount> byComponent = new EnumMap<>(Component.class);
        for (Amount a : q.amounts().stream().filter(a -> a.component() != null).toList()) {
            String name = a.component().label().toLowerCase();
            if (byComponent.containsKey(a.component())) {
                problems.add("There are two amounts for " + name + "; give one.");
                continue;
            }
            if (a.negative()) {
                problems.add("The " + name + " amount is negative; amounts must be positive.");
            } else if (a.percent() && a.component() != Component.BONUS) {
                problems.add("A percentage only fits the bonus; give " + name + " as an amount (e.g. 190k).");
            } else if (a.percent() && a.value() > 100) {
                problems.add("A bonus above 100% of base is not plausible.");
            } else if (a.value() == 0 && (a.component() == Component.BASE || a.component() == Component.TOTAL)) {
                problems.add("The " + name + " amount is zero.");
            }
            byComponent.put(a.component(), a);
        }
        if (byComponent.isEmpty()) {
            problems.add("I found no amounts tied to base, bonus, stock (RSUs) or total.");
        }
        return byComponent;
    }

    /** The amounts in absolute figures; a number with no unit ("190") is read in the unit of the data it is compared with. */
    private Map<Component, Double> absolute(Map<Component, Amount> given, String cur, String unit, List<String> problems,
                                            Set<String> notes) {
        Map<Component, Double> abs = new EnumMap<>(Component.class);
        given.values().stream().filter(a -> !a.percent()).forEach(a -> {
            boolean scaled = a.unitless() && a.absolute() < 1000;
            double v = scaled ? a.value() * Money.multiplier(unit) : a.absolute();
            if (scaled) {
                notes.add("No unit given: I read " + Money.num(a.value()) + " as " + Money.abs(cur, unit, v) + ".");
            }
            if (largest.containsKey(cur) && v > largest.get(cur) * PLAUSIBLE_FACTOR) {
                problems.add("The " + a.component().label().toLowerCase() + " amount is far larger than any " + cur
                        + " figure in the data (more than " + Money.num(PLAUSIBLE_FACTOR) + "× the largest); check the"
                        + " unit: k = thousand, L = lakh.");
            }
            abs.put(a.component(), v);
        });
        return abs;
    }

    private static CompReply problemReply(List<String> problems) {
        List<CompReply.Line> lines = new ArrayList<>(List.of(CompReply.line(CompReply.Kind.TEXT,
                strong("I couldn't check this offer:"))));
        new LinkedHashSet<>(problems).forEach(p -> lines.add(CompReply.line(CompReply.Kind.BULLET, p)));
        lines.add(CompReply.line(CompReply.Kind.TEXT, CompHelp.offerExample("Example: ", ".")));
        lines.add(NOT_ADVICE);
        return new CompReply(lines, List.of(), List.of(), false);
    }
}
