package coach.comp;

import coach.comp.GroundingCheck.Figure;
import coach.comp.GroundingCheck.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Arithmetic a text states ("$250K ÷ 4 = $62.5K"): where it is, and what it comes to. Stateless. */
final class StatedArithmetic {
    private static final Pattern OPERATOR = Pattern.compile("^\\s*([+−\\-×x*÷/=≈]|of)\\s*$");

    private StatedArithmetic() {}

    /** Figures first..result-1 joined by ops, then "=" (or "≈") and the figure at result. */
    record Equation(int first, int result, List<String> ops) {}

    static List<Equation> equations(String t, List<Figure> figures) {
        List<Equation> equations = new ArrayList<>();
        int i = 0;
        while (i < figures.size()) {
            int j = i;
            List<String> ops = new ArrayList<>();
            while (j + 1 < figures.size()) {
                Matcher m = OPERATOR.matcher(t.substring(figures.get(j).end(), figures.get(j + 1).start()));
                if (!m.matches()) {
                    break;
                }
                ops.add(m.group(1));
                j++;
            }
            int eq = ops.indexOf("=") >= 0 ? ops.indexOf("=") : ops.indexOf("≈");
            if (eq > 0 && eq == ops.size() - 1) {
                equations.add(new Equation(i, j, ops.subList(0, eq)));
            }
            i = j + 1;
        }
        return equations;
    }

    /** Evaluates figures joined by + − × ÷ (× and ÷ first); a percentage in a product counts as p/100. */
    static Double evaluate(List<Figure> operands, List<String> ops) {
        List<Double> terms = new ArrayList<>();
        List<String> addOps = new ArrayList<>();
        Double current = operands.get(0).value();
        boolean currentIsPercent = operands.get(0).kind() == Kind.PERCENT;
        for (int k = 0; k < ops.size(); k++) {
            String op = ops.get(k);
            Figure next = operands.get(k + 1);
            switch (op) {
                case "×", "x", "*", "of" -> {
                    double a = currentIsPercent ? current / 100 : current;
                    double b = next.kind() == Kind.PERCENT ? next.value() / 100 : next.value();
                    boolean bothPlainPercent = currentIsPercent && next.kind() == Kind.PERCENT;
                    current = a * b;
                    currentIsPercent = false;
                    if (bothPlainPercent) {
                        return null;
                    }
                }
                case "÷", "/" -> {
                    if (next.value() == 0 || next.kind() == Kind.PERCENT) {
                        return null;
                    }
                    current = current / next.value();
                }
                case "+", "-", "−" -> {
                    if (currentIsPercent) {
                        return null;
                    }
                    terms.add(current);
                    addOps.add(op);
                    current = next.value();
                    currentIsPercent = next.kind() == Kind.PERCENT;
                }
                default -> {
                    return null;
                }
            }
        }
        if (currentIsPercent && !terms.isEmpty()) {
            return null;
        }
        terms.add(current);
        double sum = terms.get(0);
        for (int k = 0; k < addOps.size(); k++) {
            sum = addOps.get(k).equals("+") ? sum + terms.get(k + 1) : sum - terms.get(k + 1);
        }
        return sum;
    }
}
