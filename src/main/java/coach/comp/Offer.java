package coach.comp;

import coach.comp.CompData.Band;
import coach.comp.CompData.GeoNote;
import coach.comp.CompData.LevelRow;
import coach.comp.CompQuestion.Amount;
import coach.comp.CompQuestion.Component;
import java.util.Map;
import java.util.Set;

/**
 * An offer that passed {@link OfferCheck}'s checks, as {@link OfferReport} and {@link OfferCounter} read it: amounts in
 * {@code abs} are absolute, in {@code cur}, shown in {@code unit}; {@code notes} say how the offer was read.
 */
record Offer(CompQuestion q, LevelRow level, Band band, GeoNote note, Map<Component, Amount> given,
             Map<Component, Double> abs, String cur, String unit, Set<String> notes) {
    /** The level's US medians apply: a level was given and the amounts are in the level table's currency. */
    boolean usMedian(CompData data) {
        return level != null && cur.equals(data.levelTable().currency());
    }

    /** What the component lines worked out, for the total and the counter. */
    record Figures(Double base, Double bonusPct, Double bonusAmount, Double stockYearly, Double stock4) {}
}
