package coach.comp;

import coach.comp.CompData.Band;
import coach.comp.CompData.Negotiation;

/**
 * The negotiation guide in replies: the answer to "how do I negotiate?", the agentic premium, and the counter
 * proposal and script outline of an offer report.
 */
final class OfferCounter {
    private final CompData data;
    private final Negotiation n;

    OfferCounter(CompData data) {
        this.data = data;
        this.n = data.negotiation();
    }

    /** The answer to "how do I negotiate?": the guide's ask, its expected counter and its levers. */
    void guide(CompReply.Builder r) {
        String c = n.currency();
        String u = n.unit();
        r.text(CompReply.strong("Negotiating"), " (negotiation guide; Negotiation DNA: " + n.dna() + ")");
        r.bullet("The guide's ask: " + Money.inUnit(c, u, n.targetStock()) + " in RSUs over " + n.targetStockYears()
                + " years with a " + Money.pct(n.targetBonusPercent()) + " bonus and the "
                + Money.pctRange(n.agenticPremiumPercent()) + " Agentic AI Premium.");
        r.bullet("Its example competing offers: " + CompHelp.join(n.competingOffers(), o -> o.company() + " (" + o.label()
                + ") at " + Money.inUnit(c, u, o.amount()), "; ") + ". Cite competing offers only if you really have them.");
        r.bullet("Expected counter: " + Money.rangeInUnit(c, u, n.expectedCounterStock()) + " in RSUs; accept at "
                + Money.inUnit(c, u, n.acceptStock()) + "+ with a " + Money.pct(n.acceptBonusPercent()) + " bonus.");
        r.bullet("Streaming ML scarcity: push for " + Money.pct(n.stockPushPercent()) + " more RSUs.");
        r.text(CompReply.strong("Levers"), " (scripts shortened)");
        n.levers().forEach(l -> r.step(CompReply.strong(l.name()), ": \"" + l.script() + "\""));
        r.source(n.source()).caveat("the guide's counter figures are US dollars; for " + CompHelp.join(data.bands().stream()
                .filter(b -> !b.currency().equals(c)).toList(), Band::name, " or ") + " use the same levers with that band's"
                + " figures; not legal or tax advice");
    }

    void agentic(CompReply.Builder r) {
        CompData.Lever lever = n.levers().stream().filter(l -> l.id().equals("agentic-premium")).findFirst()
                .orElse(n.levers().get(0));
        r.text(CompReply.strong("Agentic AI Premium"), ": " + Money.pctRange(n.agenticPremiumPercent()) + ", for building"
                + " autonomous streaming agents (negotiation guide). The guide does not say which component it applies to.");
        r.bullet("Script: \"" + lever.script() + "\"").source(n.source());
    }

    void counter(CompReply.Builder r, OfferReport.Offer o, boolean usMedian, OfferReport.Figures f) {
        Band band = o.band();
        Double base = f.base();
        Double bonusPct = f.bonusPct();
        Double stock4 = f.stock4();
        r.text(CompReply.strong("Counter proposal"), " (negotiation guide levers)");
        if (stock4 != null) {
            r.bullet(stock(band, o.cur(), o.unit(), stock4));
        }
        if (bonusPct != null) {
            r.bullet(OfferReport.round1(bonusPct) < n.targetBonusPercent()
                    ? "Bonus: ask for " + Money.pct(n.targetBonusPercent()) + " (the guide's target"
                            + (band != null ? "; the band's top is " + Money.pct(band.bonusPercent().high()) : "") + ")."
                    : "Bonus: at or above the guide's " + Money.pct(n.targetBonusPercent()) + " target.");
        }
        if (base != null && band != null) {
            r.bullet(base >= band.base().high() * Money.multiplier(band.unit())
                    ? "Base: at or above the band's top; spend your asks on stock."
                    : "Base: ask toward the band's top of " + Money.inUnit(band.currency(), band.unit(), band.base().high())
                            + (usMedian && base < o.level().base() * Money.multiplier(data.levelTable().unit())
                            ? "; it is below the US " + o.level().level() + " median, a fair anchor" : "") + ".");
        }
        r.bullet("If you build autonomous streaming agents, cite the " + Money.pctRange(n.agenticPremiumPercent())
                + " Agentic AI Premium.");
        if (o.given().size() > 1) {
            script(r);
        }
    }

    private String stock(Band band, String cur, String unit, double stock4) {
        String nc = n.currency();
        String nu = n.unit();
        double pushed = stock4 * (1 + n.stockPushPercent() / 100);
        String push = Money.abs(cur, unit, stock4) + " + " + Money.pct(n.stockPushPercent()) + " × "
                + Money.abs(cur, unit, stock4) + " = " + Money.abs(cur, unit, pushed);
        if (cur.equals(nc) && stock4 < n.targetStock() * Money.multiplier(nu)) {
            // one number to ask for (the guide's target); the other figures explain it, so it reads as one plan
            return "Stock: ask for " + Money.inUnit(nc, nu, n.targetStock()) + " in RSUs over " + n.targetStockYears()
                    + " years with a " + Money.pct(n.targetBonusPercent()) + " bonus: one number, the guide's target."
                    + " Why this number: the streaming ML scarcity push of " + Money.pct(n.stockPushPercent())
                    + " more RSUs (" + push + ") " + (pushed < n.targetStock() * Money.multiplier(nu)
                    ? "falls short of it, so open at the target and give scarcity as the reason"
                    : "lands above it, so the target is a reasonable ask you can defend with scarcity")
                    + ". What to expect: the guide expects their counter at "
                    + Money.rangeInUnit(nc, nu, n.expectedCounterStock()) + " and says accept at "
                    + Money.inUnit(nc, nu, n.acceptStock()) + "+ with a " + Money.pct(n.acceptBonusPercent())
                    + " bonus, so a counter at or above that is a yes.";
        }
        if (cur.equals(nc)) {
            return "Stock: at or above the guide's target of " + Money.inUnit(nc, nu, n.targetStock()) + " over "
                    + n.targetStockYears() + " years; spend your asks on base and bonus.";
        }
        String top = band == null ? "" : Money.inUnit(band.currency(), band.unit(), band.stock().high());
        if (band != null && stock4 >= band.stock().high() * Money.multiplier(band.unit())) {
            return "Stock: at or above the band's top of " + top + "; the guide's scarcity lever (\"above-band"
                    + " equity\") supports holding it. Its counter figures are in " + nc + " for US offers, and the"
                    + " data has no exchange rate.";
        }
        return "Stock: push for " + Money.pct(n.stockPushPercent()) + " more RSUs (" + push + ")"
                + (band != null ? "; the band's top is " + top : "") + ". The guide's counter figures are in " + nc
                + " for US offers, and the data has no exchange rate.";
    }

    private void script(CompReply.Builder r) {
        r.text(CompReply.strong("Script outline"));
        r.step("Thank them and say you want to make it work.");
        n.levers().forEach(l -> r.step(l.name() + ": \"" + l.script() + "\""));
        r.step("The ask, then stop talking. Name competing offers only if you have them (the guide's example cites "
                + CompHelp.join(n.competingOffers(), c -> c.company() + " at " + Money.inUnit(n.currency(), n.unit(),
                c.amount()), " and ") + ").");
    }
}
