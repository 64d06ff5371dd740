package coach.comp;

import java.util.List;
import java.util.Set;

/**
 * What {@link CompParser} understood of a free-text message. Holds no user text: only ids and names from
 * comp.yaml, normalised tokens (such as {@code L9}) and numbers, so a reply built from it cannot echo
 * (and cannot ping anyone with) what a user typed.
 *
 * @param compQuestion     whether the message is about pay at all (ordinary chatter is false)
 * @param levels           level ids of the level table, in order of mention (e.g. {@code L4})
 * @param unknownLevels    levels the data does not have, normalised ({@code L9}, {@code staff})
 * @param mappedFrom       the level-mapping entry a level came through ("Google L4 ML"), or null
 * @param unmappedCompanyLevel a level at another company that the level mapping does not cover
 * @param regions          region ids in order of mention: bands ({@code london}), geography notes
 *                         ({@code bay-area}, {@code remote-midwest}) or {@code us} (the level table's region)
 * @param unknownRegion    a place the data has no figures for
 * @param components       pay components asked about; empty means "all"
 * @param period           first year, per year, or the whole grant, if said
 * @param currencies       currencies mentioned (USD, GBP, INR)
 * @param conversion       a currency conversion was asked for (the data has no exchange rate)
 * @param topics           negotiation, market figures, level mapping, agentic premium, help
 * @param marketIds        ids of the market figures asked about
 * @param amounts          amounts in the text and the component each one belongs to (offers)
 * @param ignored          components mentioned that the data has no figures for (sign-on bonus, relocation)
 */
public record CompQuestion(
        boolean compQuestion,
        List<String> levels,
        List<String> unknownLevels,
        String mappedFrom,
        boolean unmappedCompanyLevel,
        List<String> regions,
        boolean unknownRegion,
        Set<Component> components,
        Period period,
        Set<String> currencies,
        boolean conversion,
        Set<Topic> topics,
        Set<String> marketIds,
        List<Amount> amounts,
        Set<String> ignored) {

    public enum Component {
        BASE("Base"), BONUS("Bonus"), EQUITY("Stock"), TOTAL("Total");

        private final String label;

        Component(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Period { UNSPECIFIED, FIRST_YEAR, YEARLY, GRANT }

    public enum Topic { NEGOTIATION, MARKET, MAPPING, AGENTIC_PREMIUM, HELP }

    /**
     * An amount found in the text.
     *
     * @param component the component it belongs to, or null when none is near it
     * @param value     the number as written (190 for "190k")
     * @param absolute  value times its unit (190,000 for "190k"); equal to value when no unit was written
     * @param currency  USD, GBP or INR when written with the amount (or implied, as by lakh), else null
     * @param percent   written with % or "percent"
     * @param negative  written with a minus sign
     * @param unitless  a money amount written without unit (190), so its scale is a guess
     * @param years     for stock: the grant's years when stated ("over 4 years"), else null
     * @param perYear   for stock: stated as a yearly amount ("per year")
     */
    public record Amount(Component component, double value, double absolute, String currency, boolean percent,
                         boolean negative, boolean unitless, Integer years, boolean perYear) {}

    /** True when the text carries amounts tied to pay components: an offer (or part of one) to check. */
    public boolean isOffer() {
        return amounts.stream().anyMatch(a -> a.component() != null);
    }

    /** True when nothing the answerer can use was understood. */
    public boolean isEmpty() {
        return levels.isEmpty() && unknownLevels.isEmpty() && !unmappedCompanyLevel && regions.isEmpty()
                && !unknownRegion && components.isEmpty() && topics.isEmpty() && marketIds.isEmpty()
                && !conversion && !isOffer();
    }
}
