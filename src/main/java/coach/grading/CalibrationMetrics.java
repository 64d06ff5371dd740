package coach.grading;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The agreement figures between a grader's scores and the labels of the calibration set. A label names a band of
 * scores ({@link #LABEL_RANGE}): strong answers belong in 70–100, adequate ones in 40–69, weak ones below 40.
 */
final class CalibrationMetrics {
    static final Map<String, Integer> BAND_RANK = Map.of("weak", 1, "adequate", 2, "strong", 3);
    static final Map<String, int[]> LABEL_RANGE = Map.of("strong", new int[] {70, 100}, "adequate", new int[] {40, 69},
            "weak", new int[] {0, 39});

    /** One graded, labelled answer: its label, its score and its length in words. */
    record Point(String label, int score, int words) {}

    record Figures(int answers, double pairwise, double spearman, double bandAgreement, double meanDistance,
                   Map<String, Double> meanByLabel) {}

    private CalibrationMetrics() {}

    static Figures of(List<Point> points) {
        return new Figures(points.size(), pairwiseAccuracy(points), spearman(points), bandAgreement(points),
                meanDistance(points), Map.of(
                        "strong", mean(points, "strong"), "adequate", mean(points, "adequate"), "weak", mean(points, "weak")));
    }

    /** Of all pairs with different labels, the share the grader orders like the labels (a tie counts half). */
    static double pairwiseAccuracy(List<Point> points) {
        double agree = 0;
        int pairs = 0;
        for (int i = 0; i < points.size(); i++) {
            for (int j = i + 1; j < points.size(); j++) {
                int bi = BAND_RANK.get(points.get(i).label());
                int bj = BAND_RANK.get(points.get(j).label());
                if (bi == bj) continue;
                pairs++;
                int si = points.get(i).score();
                int sj = points.get(j).score();
                if (si == sj) agree += 0.5;
                else if ((si > sj) == (bi > bj)) agree += 1;
            }
        }
        return pairs == 0 ? 1 : agree / pairs;
    }

    /** Spearman's rank correlation between scores and label ranks (average ranks for ties). */
    static double spearman(List<Point> points) {
        double[] x = ranks(points.stream().mapToDouble(p -> BAND_RANK.get(p.label())).toArray());
        double[] y = ranks(points.stream().mapToDouble(Point::score).toArray());
        return pearson(x, y);
    }

    /** The share of answers whose score lands in their label's band. */
    static double bandAgreement(List<Point> points) {
        return points.isEmpty() ? 1 : (double) points.stream().filter(p -> distance(p) == 0).count() / points.size();
    }

    /** Mean distance in points from each score to its label's band (0 inside the band). */
    static double meanDistance(List<Point> points) {
        return points.stream().mapToInt(CalibrationMetrics::distance).average().orElse(0);
    }

    static int distance(Point p) {
        int[] range = LABEL_RANGE.get(p.label());
        return p.score() < range[0] ? range[0] - p.score() : p.score() > range[1] ? p.score() - range[1] : 0;
    }

    private static double mean(List<Point> points, String label) {
        return points.stream().filter(p -> p.label().equals(label)).mapToInt(Point::score).average().orElse(Double.NaN);
    }

    static double[] ranks(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] ranks = new double[values.length];
        for (int i = 0; i < order.length; ) {
            int j = i;
            while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) j++;
            double avg = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) ranks[order[k]] = avg;
            i = j + 1;
        }
        return ranks;
    }

    static double pearson(double[] x, double[] y) {
        int n = x.length;
        double mx = Arrays.stream(x).average().orElse(0);
        double my = Arrays.stream(y).average().orElse(0);
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }

    /** The length buckets the figures are broken down by. */
    static String lengthBucket(int words) {
        if (words < 40) return "under 40 words";
        if (words <= 90) return "40-90 words";
        if (words <= 150) return "91-150 words";
        return "over 150 words";
    }

    static final List<String> LENGTH_BUCKETS = List.of("under 40 words", "40-90 words", "91-150 words", "over 150 words");
}
