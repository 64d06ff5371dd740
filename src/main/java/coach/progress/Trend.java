package coach.progress;

import java.util.List;

/**
 * Which way a criterion is going over a learner's recent answers. Compares the first and second halves of the last
 * {@link #WINDOW} scores, so one lucky answer does not make a trend.
 */
public enum Trend {
    IMPROVING, FLAT, DECLINING, AT_CEILING;

    static final int WINDOW = 5;
    /** Half a level or more between the halves' means is a change; less is noise. */
    private static final double CHANGE = 0.5;

    static Trend of(List<Integer> scores) {
        List<Integer> recent = scores.subList(Math.max(0, scores.size() - WINDOW), scores.size());
        int half = recent.size() / 2;
        double before = recent.subList(0, half).stream().mapToInt(Integer::intValue).average().orElse(0);
        double after = recent.subList(recent.size() - half, recent.size()).stream().mapToInt(Integer::intValue).average().orElse(0);
        double mean = recent.stream().mapToInt(Integer::intValue).average().orElse(0);
        if (after - before >= CHANGE) return IMPROVING;
        if (before - after >= CHANGE) return DECLINING;
        return mean >= 4 ? AT_CEILING : FLAT;
    }

    /** A text sparkline of scores out of 100: "▂▃▅▆█". */
    static String sparkline(List<Integer> overall) {
        String bars = "▁▂▃▄▅▆▇█";
        StringBuilder sb = new StringBuilder();
        for (int score : overall) {
            sb.append(bars.charAt(Math.min(bars.length() - 1, Math.max(0, score) * bars.length() / 101)));
        }
        return sb.toString();
    }
}
