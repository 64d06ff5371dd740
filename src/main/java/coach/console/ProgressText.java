package coach.console;

import coach.grading.ScoreBand;
import coach.progress.Progress;
import java.util.Locale;

/** A learner's progress as plain text for the terminal (`/stats`). */
final class ProgressText {
    private ProgressText() {}

    static String render(Progress p) {
        StringBuilder sb = new StringBuilder("\n=== Your progress ===\n");
        if (!p.needs().isEmpty()) sb.append(p.needs()).append('\n');
        if (p.answers() > 0) {
            sb.append("\nBy stage (average, last 10 scores):\n");
            for (Progress.StageProgress s : p.stages()) {
                sb.append(String.format(Locale.ROOT, "  %-20s %3d %-15s %s  (%d %s)%n", s.stageName(), s.average(),
                        ScoreBand.of(s.average()).label(), s.sparkline(), s.answers(), s.answers() == 1 ? "answer" : "answers"));
            }
            sb.append("\nBy criterion, weakest first:\n");
            for (Progress.CriterionProgress c : p.criteria()) {
                sb.append(String.format(Locale.ROOT, "  %.1f/5  %s%n", c.average(), c.narration()));
            }
        }
        sb.append("\nStreak: ").append(p.streak()).append(p.streak() == 1 ? " day" : " days").append('\n');
        sb.append("Self-assessment: ").append(p.selfAssessment()).append('\n');
        sb.append("Next: ").append(p.next().stageName()).append(", because ").append(p.next().reason()).append(".\n");
        if (!p.due().isEmpty()) {
            sb.append("Due for review: ").append(p.due().size()).append(" (/mock review asks the oldest)\n");
            p.due().stream().limit(5).forEach(r -> sb.append("  • ").append(r.reason()).append('\n'));
        }
        return sb.toString();
    }
}
