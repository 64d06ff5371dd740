package coach.comp;

import coach.comp.CompData.Band;
import coach.comp.CompData.LevelRow;
import coach.comp.CompData.Negotiation;
import coach.comp.CompData.Range;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

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

    /** A number in a text: its value (absolute for money), kind, currency if written, precision and unit multiplier. */
    record Figure(double value, Kind kind, String currency, double tolerance, int start, int end, String written, double mult) {
        Figure with(double value, Kind kind, String currency, double tolerance) {
            return new Figure(value, kind, currency, tolerance, start, end, written, mult);
        }
    }

    /** The outcome: grounded when every number checked is; {@code ungrounded} lists those that are not. */
    public record Result(boolean grounded, int checked, List<String> ungrounded) {}

    private static final Pattern FIGURE = Pattern.compile("(?<![\\p{L}\\p{N}.,])" + Money.AMOUNT,
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern RANGE_GAP = Pattern.compile("^\\s?[-–—]\\s?$|^\\s+to\\s+$");
    private static final Pattern LIST_ITEM = Pattern.compile("(?m)^\\s*\\d{1,2}\\.\\s");
    private static final Pattern OPERATOR = Pattern.compile("^\\s*([+−\\-×x*÷/=≈]|of)\\s*$");

    private final List<Figure> allowed = new ArrayList<>();
    /** Money figures by table and kind ("USD:levels:base"): the difference of two of one kind is grounded. */
    private final Map<String, List<Double>> byCategory = new HashMap<>();

    public GroundingCheck(CompData data) {
        String lc = data.levelTable().currency();
        double lm = Money.multiplier(data.levelTable().unit());
        for (LevelRow r : data.levels()) {
            Map.of("base", r.base(), "equity", r.equity(), "total", r.ote(), "bonus", r.base() * r.bonusPercent() / 100)
                    .forEach((kind, v) -> money(lc, "levels:" + kind, v * lm));
            add(Kind.PERCENT, r.bonusPercent());
            data.geography().stream().filter(g -> g.basePremiumPercent() != null).forEach(g -> {
                money(lc, null, r.base() * lm * g.basePremiumPercent() / 100);
                money(lc, null, r.base() * lm * (1 + g.basePremiumPercent() / 100));
                add(Kind.PERCENT, g.basePremiumPercent());
            });
        }
        data.bands().forEach(this::band);
        Negotiation n = data.negotiation();
        double nm = Money.multiplier(n.unit());
        for (double v : new double[] {n.targetStock(), n.expectedCounterStock().low(), n.expectedCounterStock().high(),
                n.acceptStock()}) {
            money(n.currency(), "negotiation:equity", v * nm);
            money(n.currency(), null, v * nm / n.targetStockYears());
        }
        n.competingOffers().forEach(o -> money(n.currency(), "negotiation:offer", o.amount() * nm));
        add(Kind.PLAIN, n.targetStockYears());
        Stream.of(n.targetBonusPercent(), n.agenticPremiumPercent().low(), n.agenticPremiumPercent().high(),
                n.acceptBonusPercent(), n.stockPushPercent()).forEach(p -> add(Kind.PERCENT, p));
        data.market().forEach(m -> add("percent".equals(m.unit()) ? Kind.PERCENT : Kind.PLAIN, m.value()));
        byCategory.forEach((category, values) -> values.forEach(a -> values.stream().filter(b -> a > b)
                .forEach(b -> allowed.add(new Figure(a - b, Kind.MONEY, category.substring(0, 3), 0, 0, 0, "", 1)))));
        // every number written in the file's text fields (dates, CPI, scripts, labels)
        List<String> texts = new ArrayList<>(List.of(data.levelTable().basis(), data.levelMapping().text(), n.dna()));
        data.sources().forEach(s -> { texts.add(s.title()); texts.add(s.date()); });
        data.geography().forEach(g -> texts.add(g.note()));
        data.market().forEach(m -> texts.add(m.label()));
        n.competingOffers().forEach(o -> texts.add(o.label()));
        n.levers().forEach(l -> { texts.add(l.name()); texts.add(l.script()); });
        texts.forEach(t -> allowed.addAll(extract(t)));
    }

    private void band(Band b) {
        String c = b.currency();
        double m = Money.multiplier(b.unit());
        for (Function<Range, Double> end : List.<Function<Range, Double>>of(Range::low, Range::high)) {
            money(c, b.region() + ":base", end.apply(b.base()) * m);
            money(c, null, end.apply(b.base()) * m * b.bonusPercent().low() / 100);
            money(c, null, end.apply(b.base()) * m * b.bonusPercent().high() / 100);
            money(c, b.region() + ":equity", end.apply(b.stock()) * m);
            money(c, b.region() + ":equity-year", end.apply(b.stock()) * m / b.stockYears());
            money(c, b.region() + ":total", end.apply(b.totalComp()) * m);
            add(Kind.PERCENT, end.apply(b.bonusPercent()));
        }
        add(Kind.PLAIN, b.stockYears());
    }

    private void money(String currency, String category, double value) {
        allowed.add(new Figure(value, Kind.MONEY, currency, 0, 0, 0, "", 1));
        if (category != null) {
            byCategory.computeIfAbsent(currency + ":" + category, k -> new ArrayList<>()).add(value);
        }
    }

    private void add(Kind kind, double value) {
        allowed.add(new Figure(value, kind, null, 0, 0, 0, "", 1));
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
        String[] ops = new String[figures.size()]; // ops[k]: the operator between figures k and k + 1, or null
        for (int k = 0; k + 1 < figures.size(); k++) {
            Matcher m = OPERATOR.matcher(t.substring(figures.get(k).end(), figures.get(k + 1).start()));
            ops[k] = m.matches() ? m.group(1) : null;
        }
        List<int[]> equations = equations(ops); // {first operand, result}; a wrong one never grounds its result
        boolean[] ok = new boolean[figures.size()];
        boolean[] wrong = new boolean[figures.size()];
        for (int[] e : equations) {
            Double value = evaluate(figures, ops, e[0], e[1]);
            wrong[e[1]] = value == null || Math.abs(value - figures.get(e[1]).value()) > figures.get(e[1]).tolerance() + 1e-6;
        }
        // grounded figures ground stated results, which ground later operands ("... = $37.5K" then "$37.5K + ..."): repeat
        for (boolean changed = true; changed; ) {
            changed = false;
            for (int k = 0; k < figures.size(); k++) {
                if (!ok[k] && !wrong[k] && matches(figures.get(k), known)) {
                    ok[k] = changed = true;
                }
            }
            for (int[] e : equations) {
                if (!ok[e[1]] && !wrong[e[1]] && IntStream.range(e[0], e[1]).allMatch(k -> ok[k])) {
                    ok[e[1]] = changed = true;
                    known.add(figures.get(e[1]));
                }
            }
        }
        List<String> bad = IntStream.range(0, figures.size()).filter(k -> !ok[k]).mapToObj(k -> figures.get(k).written()).toList();
        return new Result(bad.isEmpty(), figures.size(), bad);
    }

    private static boolean matches(Figure f, List<Figure> known) {
        double tol = f.tolerance() + 1e-6;
        return known.stream().anyMatch(k -> switch (f.kind()) {
            case MONEY -> k.kind() == Kind.MONEY && (f.currency() == null || k.currency() == null
                    || f.currency().equals(k.currency())) && Math.abs(k.value() - f.value()) <= tol;
            case PERCENT -> k.kind() == Kind.PERCENT && Math.abs(k.value() - f.value()) <= tol;
            case PLAIN -> Math.abs(k.value() - f.value()) <= tol || k.kind() == Kind.MONEY && (Math.abs(k.value() / 1e3
                    - f.value()) <= tol || "INR".equals(k.currency()) && Math.abs(k.value() / 1e5 - f.value()) <= tol);
        });
    }

    /** Stated arithmetic: figures joined by operators, ending "=" (or "≈") and a result, as {first, result} indexes. */
    private static List<int[]> equations(String[] ops) {
        List<int[]> equations = new ArrayList<>();
        for (int i = 0, j = 0; i < ops.length; i = ++j) {
            while (ops[j] != null) { // (the last figure has no operator after it)
                j++;
            }
            List<String> chain = Arrays.asList(ops).subList(i, j);
            int eq = chain.contains("=") ? chain.indexOf("=") : chain.indexOf("≈");
            if (eq > 0 && eq == chain.size() - 1) {
                equations.add(new int[] {i, j});
            }
        }
        return equations;
    }

    /** The operands joined by + − × ÷ (× and ÷ first); a percentage in a product counts as p/100. Null: not sound. */
    private static Double evaluate(List<Figure> xs, String[] ops, int first, int result) {
        double sum = 0;
        double term = xs.get(first).value();
        int sign = 1;
        boolean pct = xs.get(first).kind() == Kind.PERCENT;
        boolean added = false;
        for (int k = first + 1; k < result; k++) {
            Figure n = xs.get(k);
            boolean np = n.kind() == Kind.PERCENT;
            switch (ops[k - 1]) {
                case "×", "x", "*", "of" -> {
                    if (pct && np) {
                        return null;
                    }
                    term = (pct ? term / 100 : term) * (np ? n.value() / 100 : n.value());
                    pct = false;
                }
                case "÷", "/" -> {
                    if (n.value() == 0 || np) {
                        return null;
                    }
                    term /= n.value();
                }
                case "+", "-", "−" -> {
                    if (pct) {
                        return null;
                    }
                    sum += sign * term;
                    sign = ops[k - 1].equals("+") ? 1 : -1;
                    term = n.value();
                    pct = np;
                    added = true;
                }
                default -> {
                    return null;
                }
            }
        }
        return pct && added ? null : sum + sign * term;
    }

    /** Every number in a text, with currency, unit and the precision it is written with. */
    static List<Figure> extract(String text) {
        List<Figure> out = new ArrayList<>();
        List<int[]> listItems = LIST_ITEM.matcher(text).results().map(r -> new int[] {r.start(), r.end()}).toList();
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
                double mult = b.kind() == Kind.MONEY ? b.mult() : 1;
                if (Character.isDigit(a.written().charAt(a.written().length() - 1)) && a.kind() == Kind.MONEY && b.kind() == Kind.MONEY && mult > 1) {
                    out.set(k, a.with(a.value() * mult, Kind.MONEY, a.currency() != null ? a.currency() : b.currency(),
                            a.tolerance() * mult));
                } else if (a.kind() == Kind.PLAIN && a.currency() == null && b.kind() != Kind.PLAIN) {
                    out.set(k, a.with(a.value() * mult, b.kind(), b.currency(), a.tolerance() * mult));
                } else if (a.kind() == Kind.MONEY && a.currency() == null && b.currency() != null) {
                    out.set(k, a.with(a.value(), a.kind(), b.currency(), a.tolerance()));
                } else if (b.currency() == null && a.currency() != null && b.kind() == Kind.MONEY) {
                    out.set(k + 1, b.with(b.value(), b.kind(), a.currency(), b.tolerance()));
                }
            }
        }
        return out;
    }

    private static Figure figure(Matcher m) {
        String num = m.group("num");
        String unit = m.group("unit") == null ? "" : m.group("unit").toLowerCase(Locale.ROOT);
        String currency = Money.currencyOf(m.group("pre"), m.group("post"));
        double mult = unit.equals("m") && currency == null ? 1 : Money.unitMultiplier(unit); // "5m" alone: metres, minutes…
        currency = currency == null && mult >= 1e5 && mult != 1e6 ? "INR" : currency;
        Kind kind = unit.equals("%") || unit.equals("percent") ? Kind.PERCENT : mult > 1 || currency != null ? Kind.MONEY : Kind.PLAIN;
        int dot = num.indexOf('.');
        double step = Math.pow(10, -(dot < 0 ? 0 : num.length() - dot - 1));
        return new Figure(Double.parseDouble(num.replace(",", "")) * mult, kind, currency, step / 2 * mult, m.start(),
                m.end(), m.group(), mult);
    }
}
