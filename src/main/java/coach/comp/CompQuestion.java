package coach.comp;

import java.util.List;
import java.util.Set;

/**
 * What {@link CompParser} understood of a message. Holds no user text, only ids and names from comp.yaml,
 * normalised tokens ({@code L9}) and numbers, so a reply built from it cannot echo (or ping) what a user typed.
 * Levels and regions are ids in order of mention; regions are bands ({@code london}), geography notes
 * ({@code bay-area}) or {@code us}. {@code mappedFrom} is the level-mapping entry a level came through ("Google L4
 * ML"); {@code unmappedCompanyLevel} a level at another company the mapping does not cover; empty
 * {@code components} means "all"; {@code ignored} names components the data has no figures for (sign-on bonus).
 */
public record CompQuestion(boolean compQuestion, List<String> levels, List<String> unknownLevels, String mappedFrom,
                           boolean unmappedCompanyLevel, List<String> regions, boolean unknownRegion,
                           Set<Component> components, Period period, Set<String> currencies, boolean conversion,
                           Set<Topic> topics, Set<String> marketIds, List<Amount> amounts, Set<String> ignored) {

    public enum Component {
        BASE, BONUS, EQUITY, TOTAL;

        /** Base, Bonus, Stock, Total: equity is called stock in replies, as the bands do. */
        public String label() {
            return this == EQUITY ? "Stock" : name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
        }
    }

    public enum Period { UNSPECIFIED, FIRST_YEAR, YEARLY, GRANT }

    public enum Topic { NEGOTIATION, MARKET, MAPPING, AGENTIC_PREMIUM, HELP }

    /**
     * An amount found in the text: {@code value} as written (190 for "190k"), {@code absolute} times its unit
     * (190,000), the currency written with it (or implied, as by lakh) or null; {@code unitless}: a money amount
     * with no unit, so its scale is a guess; for stock, the grant's {@code years} when stated, or {@code perYear}.
     * {@code component} is null when no component word is next to it.
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
