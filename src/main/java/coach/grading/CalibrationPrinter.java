package coach.grading;

import coach.config.Stage;
import coach.config.StageCatalog;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints a calibration report: one table per split, then the gaming attempts. */
final class CalibrationPrinter {
    private CalibrationPrinter() {}

    static void print(Calibration.Report r, String grader, StageCatalog stages, PrintStream out) {
        out.printf(Locale.ROOT, "Calibration of the %s grader on %d answers (%d labelled, %d gaming attempts)%n", grader,
                r.scored().size(), r.labelled("all").size(), r.injections().size());
        out.println("Label bands: strong 70-100, adequate 40-69, weak 0-39. band = share of answers in their label's band;"
                + " dist = mean points outside it.");
        for (String split : List.of(Calibration.HOLDOUT, "tune", "all")) {
            List<Calibration.Scored> part = r.labelled(split);
            if (part.isEmpty()) continue;
            out.printf(Locale.ROOT, "%n== %s ==%n", switch (split) {
                case Calibration.HOLDOUT -> "HELD-OUT split (never tuned on)";
                case "tune" -> "tuning split";
                default -> "all labelled answers";
            });
            row(out, "overall", r.figures(part));
            for (Stage stage : stages.all()) {
                List<Calibration.Scored> inStage = part.stream().filter(s -> s.entry().stage().equals(stage.id())).toList();
                if (!inStage.isEmpty()) row(out, "  " + stage.id(), r.figures(inStage));
            }
            for (String bucket : CalibrationMetrics.LENGTH_BUCKETS) {
                List<Calibration.Scored> inBucket = part.stream()
                        .filter(s -> CalibrationMetrics.lengthBucket(s.words()).equals(bucket)).toList();
                if (!inBucket.isEmpty()) row(out, "  " + bucket, r.figures(inBucket));
            }
        }
        out.printf(Locale.ROOT, "%ngaming attempts (score vs honest version):%n");
        for (Calibration.Injection i : r.injections()) {
            out.printf(Locale.ROOT, "  %-22s %3d vs %3d (%s)  %s%n", i.id(), i.score(), i.honestScore(), i.honestId(),
                    i.held() ? "ok" : "ROSE");
        }
        out.printf(Locale.ROOT, "injections held: %d of %d%n", r.injections().stream().filter(Calibration.Injection::held)
                .count(), r.injections().size());
    }

    private static void row(PrintStream out, String name, CalibrationMetrics.Figures f) {
        out.printf(Locale.ROOT, "%-22s n=%3d  pairwise %.3f  Spearman %.3f  band %.3f  dist %5.1f  mean strong %5.1f"
                        + "  adequate %5.1f  weak %5.1f%n", name, f.answers(), f.pairwise(), f.spearman(), f.bandAgreement(),
                f.meanDistance(), f.meanByLabel().get("strong"), f.meanByLabel().get("adequate"), f.meanByLabel().get("weak"));
    }

    /** Every answer of the tuning split with its criterion scores: what tuning looks at (never the held-out split). */
    static void details(Calibration.Report r, PrintStream out) {
        out.println();
        for (Calibration.Scored s : r.labelled("tune")) {
            StringBuilder criteria = new StringBuilder();
            s.grade().criteria().forEach(c -> criteria.append(' ').append(c.criterionId(), 0, Math.min(6, c.criterionId().length()))
                    .append('=').append(c.score()));
            out.printf(Locale.ROOT, "%-24s %-8s %3d words %3d %s%s%n", s.entry().id(), s.entry().band(), s.words(),
                    s.score(), CalibrationMetrics.distance(s.point()) == 0 ? "  " : "✗ ", criteria);
        }
    }
}
