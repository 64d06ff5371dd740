package coach.comp;

import coach.comp.CompData.Band;
import coach.comp.CompData.LevelRow;
import coach.comp.CompData.Negotiation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that every number in a text is grounded: a figure of comp.yaml, a fact handed over with the text
 * (the templated answer), a simple derivation of comp.yaml figures (a stock grant ÷ its years, a percentage
 * of a base, the difference of two figures of the same kind), or the result of arithmetic the text states
 * ("$250K ÷ 4 = $62.5K", "$190K + $28.5K + $62.5K = $281K") whose operands are grounded.
 *
 * <p>Numbers are read with their currency and unit: 190k, $190K, £82K, ₹52L, 52 lakh, 15%, 15–25% (both
 * ends), 4 years, 2026, 1,000. A number matches within the precision it is written with ($91K matches
 * $91.25K; $189K does not match $188K). Immutable and thread-safe.
 */
public final class GroundingCheck {

    enum Kind { MONEY, PERCENT, PLAIN }

    /** A number in a text: its value (absolute for money), kind, currency if written, and written precision. */
    record Figure(double value, Kind kind, String currency, double tolerance, int start, int end, String written) {}

    /** The outcome: grounded when every number checked is; {@code ungrounded} lists those that are not. */
    public record Result(boolean grounded, int checked, List<String> ungrounded) {}

    private static final Pattern FIGURE = Pattern.compile(
            "(?<![\\p{L}\\p{N}.,])(?<cur>[$£₹]|(?:usd|gbp|inr|rs\\.?)\\s?)?"
            + "(?<num>\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)"
            + "(?:\\s?(?<unit>k|lakhs?|lacs?|l|crores?|cr|million|mn|m|thousand|%|percent)(?![\\p{L}\\p{N}]))?"
            + "(?:\\s?(?<post>usd|gbp|inr|dollars?|pounds?|rupees?)(?![\\p{L}]))?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern RANGE_GAP = Pattern.compile("^\\s?[-–—]\\s?$|^\\s+to\\s+$");
    private static final Pattern LIST_ITEM = Pattern.compile("(?m)^\\s*\\d{1,2}\\.\\s");

    private final List<Figure> allowed = new ArrayList<>();

    public GroundingCheck(CompData data) {
        Map<String, List<Double>> byCategory = new HashMap<>();
        String lc = data.levelTable().currency();
        double lm = Money.multiplier(data.levelTable().unit());
        for (LevelRow r : data.levels()) {
            money(byCategory, lc, "levels:base", r.base() * lm);
            money(byCategory, lc, "levels:equity", r.equity() * lm);
            money(byCategory, lc, "levels:total", r.ote() * lm);
            money(byCategory, lc, "levels:bonus", r.base() * lm * r.bonusPercent() / 100);
            add(Kind.PERCENT, r.bonusPercent());
            data.geography().stream().filter(g -> g.basePremiumPercent() != null).forEach(g -> {
                money(null, lc, null, r.base() * lm * g.basePremiumPercent() / 100);
                money(null, lc, null, r.base() * lm * (1 + g.basePremiumPercent() / 100));
            });
        }
        data.bands().forEach(b -> band(byCategory, b));
        Negotiation n = data.negotiation();
        double nm = Money.multiplier(n.unit());
        for (double v : new double[] {n.targetStock(), n.expectedCounterStock().low(), n.expectedCounterStock().high(),
                n.acceptStock()}) {
            money(byCategory, n.currency(), "negotiation:equity", v * nm);
            money(null, n.currency(), null, v * nm / n.targetStockYears());
        }
        n.competingOffers().forEach(o -> money(byCategory, n.currency(), "negotiation:offer", o.amount() * nm));
        add(Kind.PLAIN, n.targetStockYears());
        for (double p : new double[] {n.targetBonusPercent(), n.agenticPremiumPercent().low(),
                n.agenticPremiumPercent().high(), n.acceptBonusPercent(), n.stockPushPercent()}) {
            add(Kind.PERCENT, p);
        }
        data.market().forEach(m -> add("percent".equals(m.unit()) ? Kind.PERCENT : Kind.PLAIN, m.value()));
        data.geography().stream().filter(g -> g.basePremiumPercent() != null)
                .forEach(g -> add(Kind.PERCENT, g.basePremiumPercent()));
        // differences of two figures of the same kind in the same table ("L5 base is $50k more than L4")
        byCategory.forEach((category, values) -> values.forEach(a -> values.stream().filter(b -> a > b)
                .forEach(b -> allowed.add(new Figure(a - b, Kind.MONEY, category.substring(0, 3), 0, 0, 0, "")))));
        // every number written in the file's text fields (dates, CPI, scripts, labels)
        List<String> texts = new ArrayList<>();
        data.sources().forEach(s -> { texts.add(s.title()); texts.add(s.date()); });
        texts.add(data.levelTable().basis());
        data.geography().forEach(g -> texts.add(g.note()));
        texts.add(data.levelMapping().text());
        data.market().forEach(m -> texts.add(m.label()));
        texts.add(n.dna());
        n.competingOffers().forEach(o -> texts.add(o.label()));
        n.levers().forEach(l -> { texts.add(l.name()); texts.add(l.script()); });
        texts.forEach(t -> allowed.addAll(extract(t)));
    }

    private void band(Map<String, List<Double>> byCategory, Band b) {
        String c = b.currency();
        double m = Money.multiplier(b.unit());
        String t = b.region() + ":";
        for (double v : new double[] {b.base().low(), b.base().high()}) {
            money(byCategory, c, t + "base", v * m);
            money(null, c, null, v * m * b.bonusPercent().low() / 100);
            money(null, c, null, v * m * b.bonusPercent().high() / 100);
        }
        for (double v : new double[] {b.stock().low(), b.stock().high()}) {
            money(byCategory, c, t + "equity", v * m);
            money(byCategory, c, t + "equity-year", v * m / b.stockYears());
        }
        money(byCategory, c, t + "total", b.totalComp().low() * m);
        money(byCategory, c, t + "total", b.totalComp().high() * m);
        add(Kind.PERCENT, b.bonusPercent().low());
        add(Kind.PERCENT, b.bonusPercent().high());
        add(Kind.PLAIN, b.stockYears());
    }

    private void money(Map<String, List<Double>> byCategory, String currency, String category, double value) {
        allowed.add(new Figure(value, Kind.MONEY, currency, 0, 0, 0, ""));
        if (byCategory != null) {
            byCategory.computeIfAbsent(currency + ":" + category, k -> new ArrayList<>()).add(value);
        }
    }

    private void add(Kind kind, double value) {
        allowed.add(new Figure(value, kind, null, 0, 0, 0, ""));
    }

    /** Checks a text against comp.yaml alone. */
    public Result check(String text) {
        return check(text, "");
    }

    /**
     * Checks a text; {@code facts} is text whose numbers count as grounded too (the templated answer the text
     * rephrases, which holds the user's own offer figures and the arithmetic already done).
     */
    public Result check(String text, String facts) {
        String t = text == null ? "" : text;
        List<Figure> known = new ArrayList<>(allowed);
        known.addAll(extract(facts == null ? "" : facts));
        List<Figure> figures = extract(t);
        boolean[] ok = new boolean[figures.size()];
        for (int i = 0; i < figures.size(); i++) {
            ok[i] = matches(figures.get(i), known);
        }
        // stated arithmetic: "a op b op c = d" with grounded operands grounds d; a wrong one never does
        List<StatedArithmetic.Equation> equations = StatedArithmetic.equations(t, figures);
        boolean[] wrong = new boolean[figures.size()];
        for (StatedArithmetic.Equation e : equations) {
            Double value = StatedArithmetic.evaluate(figures.subList(e.first(), e.result()), e.ops());
            Figure result = figures.get(e.result());
            if (value == null || Math.abs(value - result.value()) > result.tolerance() + 1e-6) {
                wrong[e.result()] = true;
                ok[e.result()] = false;
            }
        }
        // results ground later operands ("$170K + $17K + $37.5K = $224.5K" after "$150K ÷ 4 = $37.5K"): repeat
        boolean changed = true;
        while (changed) {
            changed = false;
            for (StatedArithmetic.Equation e : equations) {
                boolean operandsOk = true;
                for (int k = e.first(); k < e.result(); k++) {
                    operandsOk &= ok[k];
                }
                if (operandsOk && !wrong[e.result()] && !ok[e.result()]) {
                    ok[e.result()] = true;
                    known.add(figures.get(e.result()));
                    changed = true;
                }
            }
            for (int k = 0; k < figures.size(); k++) {
                if (!ok[k] && !wrong[k] && matches(figures.get(k), known)) {
                    ok[k] = changed = true;
                }
            }
        }
        List<String> bad = new ArrayList<>();
        for (int k = 0; k < figures.size(); k++) {
            if (!ok[k]) {
                bad.add(figures.get(k).written());
            }
        }
        return new Result(bad.isEmpty(), figures.size(), List.copyOf(bad));
    }

    private static boolean matches(Figure f, List<Figure> known) {
        for (Figure k : known) {
            double tol = f.tolerance() + 1e-6;
            switch (f.kind()) {
                case MONEY -> {
                    if (k.kind() == Kind.MONEY && (f.currency() == null || k.currency() == null
                            || f.currency().equals(k.currency())) && Math.abs(k.value() - f.value()) <= tol) {
                        return true;
                    }
                }
                case PERCENT -> {
                    if (k.kind() == Kind.PERCENT && Math.abs(k.value() - f.value()) <= tol) {
                        return true;
                    }
                }
                case PLAIN -> {
                    if (Math.abs(k.value() - f.value()) <= tol
                            || k.kind() == Kind.MONEY && (Math.abs(k.value() / 1e3 - f.value()) <= tol
                            || "INR".equals(k.currency()) && Math.abs(k.value() / 1e5 - f.value()) <= tol)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Every number in a text, with currency, unit and the precision it is written with. */
    static List<Figure> extract(String text) {
        List<Figure> out = new ArrayList<>();
        List<int[]> listItems = new ArrayList<>();
        Matcher li = LIST_ITEM.matcher(text);
        while (li.find()) {
            listItems.add(new int[] {li.start(), li.end()});
        }
        Matcher m = FIGURE.matcher(text);
        while (m.find()) {
            int start = m.start();
            if (listItems.stream().noneMatch(r -> start >= r[0] && start < r[1])) { // not "1. " numbering a list
                out.add(figure(m));
            }
        }
        // ranges: "15–25%", "10-15%", "$300K-340K": the first end takes the unit, currency and kind of the second
        for (int k = 0; k + 1 < out.size(); k++) {
            Figure a = out.get(k);
            Figure b = out.get(k + 1);
            if (RANGE_GAP.matcher(text.substring(a.end(), b.start())).matches()) {
                boolean aNoUnit = Character.isDigit(a.written().charAt(a.written().length() - 1));
                double mult = b.kind() == Kind.MONEY ? multiplierOf(b) : 1;
                if (aNoUnit && a.kind() == Kind.MONEY && b.kind() == Kind.MONEY && mult > 1) {
                    out.set(k, new Figure(a.value() * mult, Kind.MONEY, a.currency() != null ? a.currency() : b.currency(),
                            a.tolerance() * mult, a.start(), a.end(), a.written()));
                } else if (a.kind() == Kind.PLAIN && a.currency() == null && b.kind() != Kind.PLAIN) {
                    out.set(k, new Figure(a.value() * mult, b.kind(), b.currency(), a.tolerance() * mult,
                            a.start(), a.end(), a.written()));
                } else if (a.kind() == Kind.MONEY && a.currency() == null && b.currency() != null) {
                    out.set(k, new Figure(a.value(), a.kind(), b.currency(), a.tolerance(), a.start(), a.end(), a.written()));
                } else if (b.currency() == null && a.currency() != null && b.kind() == Kind.MONEY) {
                    out.set(k + 1, new Figure(b.value(), b.kind(), a.currency(), b.tolerance(), b.start(), b.end(), b.written()));
                }
            }
        }
        return out;
    }

    private static Figure figure(Matcher m) {
        String num = m.group("num");
        String unit = m.group("unit") == null ? "" : m.group("unit").toLowerCase(Locale.ROOT);
        String currency = Money.currencyOf(m.group("cur"), m.group("post"));
        int dot = num.indexOf('.');
        double step = Math.pow(10, -(dot < 0 ? 0 : num.length() - dot - 1));
        Kind kind = Kind.PLAIN;
        double mult = 1;
        switch (unit) {
            case "%", "percent" -> kind = Kind.PERCENT;
            case "k", "thousand" -> { kind = Kind.MONEY; mult = 1e3; }
            case "l", "lakh", "lakhs", "lac", "lacs" -> { kind = Kind.MONEY; mult = 1e5; currency = orInr(currency); }
            case "cr", "crore", "crores" -> { kind = Kind.MONEY; mult = 1e7; currency = orInr(currency); }
            case "m", "mn", "million" -> {
                if (currency != null || !unit.equals("m")) {
                    kind = Kind.MONEY;
                    mult = 1e6;
                }
            }
            default -> { }
        }
        kind = currency != null && kind == Kind.PLAIN ? Kind.MONEY : kind;
        return new Figure(Double.parseDouble(num.replace(",", "")) * mult, kind, currency, step / 2 * mult, m.start(),
                m.end(), m.group());
    }

    /** The unit multiplier a money figure was written with, recovered from value and tolerance. */
    private static double multiplierOf(Figure f) {
        String w = f.written().toLowerCase(Locale.ROOT);
        if (w.matches(".*\\d\\s?(l|lakhs?|lacs?)\\b.*") || w.endsWith("l")) {
            return 1e5;
        }
        if (w.matches(".*\\d\\s?(cr|crores?)$")) {
            return 1e7;
        }
        if (w.matches(".*\\d\\s?(m|mn|million)$")) {
            return 1e6;
        }
        if (w.matches(".*\\d\\s?(k|thousand)$")) {
            return 1e3;
        }
        return 1;
    }

    private static String orInr(String currency) {
        return currency == null ? "INR" : currency;
    }
}
