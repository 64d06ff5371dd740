package coach.comp;

import coach.comp.CompData.Band;
import coach.comp.CompData.Negotiation;
import java.util.List;
import java.util.Map;

/**
 * The negotiation guide in replies: the answer to "how do I negotiate?", the agentic premium, and the counter
 * proposal and script outline of an offer report. The words are in comp-replies.yaml.
 */
final class OfferCounter {
    private final CompData data;
    private final Negotiation n;
    private final Wording words;
    /** The guide's figures, as every negotiation template names them: the same for every reply, so made once. */
    private final Map<String, Object> figures;

    OfferCounter(CompData data, Wording words) {
        this.data = data;
        this.n = data.negotiation();
        this.words = words;
        this.figures = Map.copyOf(guideFigures());
    }

    private Map<String, Object> guideFigures() {
        List<Map<String, Object>> offers = n.competingOffers().stream().map(o -> Wording.values("company", o.company(),
                "label", o.label(), "amount", money(o.amount()), "more", o != n.competingOffers().get(n.competingOffers().size() - 1)))
                .toList();
        return Wording.values("dna", n.dna(), "target", money(n.targetStock()), "years", String.valueOf(n.targetStockYears()),
                "bonus", Money.pct(n.targetBonusPercent()), "premium", Money.pctRange(n.agenticPremiumPercent()),
                "offers", offers, "counter", Money.rangeInUnit(n.currency(), n.unit(), n.expectedCounterStock()),
                "accept", money(n.acceptStock()), "accept_bonus", Money.pct(n.acceptBonusPercent()),
                "push", Money.pct(n.stockPushPercent()), "levers", n.levers());
    }

    private String money(double inUnit) {
        return Money.inUnit(n.currency(), n.unit(), inUnit);
    }

    /** The answer to "how do I negotiate?": the guide's ask, its expected counter and its levers. */
    void guide(CompReply.Builder r) {
        r.add(words.lines("negotiation", figures)).source(n.source()).caveat(words.text("negotiation_caveat",
                "other_bands", CompHelp.join(data.bands().stream().filter(b -> !b.currency().equals(n.currency())).toList(),
                        Band::name, " or ")));
    }

    void agentic(CompReply.Builder r) {
        CompData.Lever lever = n.levers().stream().filter(l -> l.id().equals("agentic-premium")).findFirst()
                .orElse(n.levers().get(0));
        r.add(words.lines("agentic_premium", figures, Map.of("script", lever.script()))).source(n.source());
    }

    void counter(CompReply.Builder r, Offer o, boolean usMedian, Offer.Figures f) {
        Band band = o.band();
        Double base = f.base();
        boolean bonusBelow = f.bonusPct() != null && Money.round1(f.bonusPct()) < n.targetBonusPercent();
        boolean baseAtTop = base != null && band != null && base >= band.base().high() * Money.multiplier(band.unit());
        r.add(words.lines("counter", figures, Wording.values(
                "stock", f.stock4() == null ? null : stock(band, o.cur(), o.unit(), f.stock4()),
                "bonus_below_target", bonusBelow, "bonus_at_target", f.bonusPct() != null && !bonusBelow,
                "band_bonus_top", band == null ? null : Money.pct(band.bonusPercent().high()),
                "base_at_top", baseAtTop, "base_below_top", base != null && band != null && !baseAtTop,
                "band_base_top", band == null ? null : Money.inUnit(band.currency(), band.unit(), band.base().high()),
                "below_median", usMedian && base != null && base < o.level().base() * Money.multiplier(data.levelTable().unit()),
                "level", o.level() == null ? null : o.level().level(), "outline", o.given().size() > 1)));
    }

    private String stock(Band band, String cur, String unit, double stock4) {
        double pushed = stock4 * (1 + n.stockPushPercent() / 100);
        Map<String, Object> values = Wording.values("pushed", Money.abs(cur, unit, stock4) + " + " + Money.pct(n.stockPushPercent())
                + " × " + Money.abs(cur, unit, stock4) + " = " + Money.abs(cur, unit, pushed),
                "short", pushed < n.targetStock() * Money.multiplier(n.unit()), "currency", n.currency(),
                "band_stock_top", band == null ? null : Money.inUnit(band.currency(), band.unit(), band.stock().high()));
        String key = cur.equals(n.currency()) ? stock4 < n.targetStock() * Money.multiplier(n.unit())
                ? "counter_stock_to_target" : "counter_stock_at_target"
                : band != null && stock4 >= band.stock().high() * Money.multiplier(band.unit())
                ? "counter_stock_at_band_top" : "counter_stock_push";
        return words.text(key, figures, values);
    }
}
