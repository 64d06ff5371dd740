package coach.comp;

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
 * given is read into an {@link Offer} (or the problems are listed), then the report is built from
 * sections, one line per component. Stateless and thread-safe.
 */
final class OfferCheck {
    /** An amount more than this many times the largest figure in the data (same currency) is not plausible. */
    static final double PLAUSIBLE_FACTOR = 10;

    private final CompData data;
    private final Wording words;
    private final CompHelp help;
    private final OfferReport report;
    /** The largest money figure of the data in each currency, absolute. */
    private final Map<String, Double> largest = new HashMap<>();

    OfferCheck(CompData data, Wording words) {
        this.data = data;
        this.words = words;
        this.help = new CompHelp(data, words);
        this.report = new OfferReport(data, words);
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
            problems.add(words.text("problem_unmapped_level", "equivalents", help.equivalents(), "level_ids", help.levelIds()));
        }
        if (q.levels().size() > 1) {
            problems.add(words.text("problem_two_levels", "level_ids", help.levelIds()));
        }
        LevelRow level = q.levels().isEmpty() ? null : data.level(q.levels().get(0)).orElse(null);
        GeoNote note = q.regions().stream().flatMap(r -> data.geo(r).stream()).findFirst().orElse(null);
        Band band = band(q, note, problems, notes);
        Map<Component, Amount> given = amounts(q, problems);
        if (level == null && band == null && q.unknownLevels().isEmpty() && !q.unknownRegion()
                && !q.unmappedCompanyLevel() && note == null) {
            problems.add(words.text("problem_no_level_or_region", "level_ids", help.levelIds(),
                    "bands", CompHelp.join(data.bands(), Band::name, ", ")));
        }
        Set<String> currencies = q.currencies();
        if (currencies.size() > 1) {
            problems.add(words.text("problem_mixed_currencies", "currencies", String.join(" and ", currencies)));
        }
        String cur = currencies.size() == 1 ? currencies.iterator().next()
                : band != null ? band.currency() : data.levelTable().currency();
        if (currencies.isEmpty() && !given.isEmpty()) {
            notes.add(words.text("note_no_currency", "currency", cur));
        }
        if (band != null && currencies.size() == 1 && !cur.equals(band.currency())) {
            problems.add(words.text("problem_band_currency", "currency", cur, "band", band.name(), "band_currency", band.currency()));
        }
        List<Band> same = data.bands().stream().filter(b -> b.currency().equals(cur)).toList();
        if (band == null && note == null && !q.unknownRegion() && same.size() == 1) {
            band = same.get(0);
            notes.add(words.text("note_no_region", "band", band.name(), "currency", cur));
        }
        String unit = band != null ? band.unit() : data.levelTable().unit();
        Map<Component, Double> abs = absolute(given, cur, unit, problems, notes);
        return problems.isEmpty() ? report.build(new Offer(q, level, band, note, given, abs, cur, unit, notes))
                : problemReply(problems);
    }

    private Band band(CompQuestion q, GeoNote note, List<String> problems, Set<String> notes) {
        List<Band> bands = q.regions().stream().flatMap(r -> data.band(r).stream()).toList();
        Band band = bands.size() == 1 ? bands.get(0) : bands.isEmpty() && note != null && note.nearestBand() != null
                ? data.band(note.nearestBand()).orElseThrow() : null;
        if (bands.size() > 1) {
            problems.add(words.text("problem_two_regions"));
        } else if (bands.isEmpty() && note != null) {
            notes.add(words.text("note_place", "place", note.name(), "note", note.note(), "nearest", band == null ? null : band.name()));
        }
        if (q.unknownRegion() && band == null) {
            problems.add(words.text("problem_unknown_region", "what_exists", help.whatExists()));
        }
        return band;
    }

    private Map<Component, Amount> amounts(CompQuestion q, List<String> problems) {
        Map<Component, Amount> byComponent = new EnumMap<>(Component.class);
        for (Amount a : q.amounts().stream().filter(a -> a.component() != null).toList()) {
            String name = a.component().label().toLowerCase();
            String problem = byComponent.containsKey(a.component()) ? "problem_two_amounts" : a.negative() ? "problem_negative"
                    : a.percent() && a.component() != Component.BONUS ? "problem_percent_not_bonus"
                    : a.percent() && a.value() > 100 ? "problem_bonus_over_100"
                    : a.value() == 0 && (a.component() == Component.BASE || a.component() == Component.TOTAL) ? "problem_zero" : null;
            if (problem != null) {
                problems.add(words.text(problem, "component", name));
            }
            byComponent.putIfAbsent(a.component(), a);
        }
        if (byComponent.isEmpty()) {
            problems.add(words.text("problem_no_amounts"));
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
                notes.add(words.text("note_no_unit", "value", Money.num(a.value()), "amount", Money.abs(cur, unit, v)));
            }
            if (largest.containsKey(cur) && v > largest.get(cur) * PLAUSIBLE_FACTOR) {
                problems.add(words.text("problem_implausible", "component", a.component().label().toLowerCase(),
                        "currency", cur, "factor", Money.num(PLAUSIBLE_FACTOR)));
            }
            abs.put(a.component(), v);
        });
        return abs;
    }

    private CompReply problemReply(List<String> problems) {
        return new CompReply.Builder(data).add(words.lines("offer_problems", "problems", List.copyOf(new LinkedHashSet<>(problems))))
                .build(false, OfferReport.NOT_ADVICE);
    }
}
