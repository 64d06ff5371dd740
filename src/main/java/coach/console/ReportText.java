package coach.console;

import coach.config.Stage;
import coach.grading.CriterionScore;
import coach.grading.Grade;

/** A graded report as plain text for the terminal. */
final class ReportText {
    private ReportText() {}

    static String render(Grade g, Stage stage) {
        StringBuilder sb = new StringBuilder();
        sb.append("\n=== Score ").append(g.overall()).append("/100 · ").append(stage.name()).append(" ===\n");
        for (CriterionScore c : g.criteria()) {
            sb.append("\n").append(c.name()).append(" (weight ").append(Math.round(c.weight() * 100)).append("%): ")
                    .append(c.score()).append("/5\n");
            sb.append(c.evidence().isBlank() ? "  (no quote in your answer supports this)\n" : "  “" + c.evidence() + "”\n");
            if (!c.rationale().isBlank()) sb.append("  ").append(c.rationale()).append('\n');
        }
        if (!g.improvements().isEmpty()) {
            sb.append("\nThe two improvements worth most:\n");
            g.improvements().forEach(i -> sb.append("  • ").append(i).append('\n'));
        }
        if (!g.rewrite().isBlank()) {
            sb.append("\nSay it with impact:\n  ").append(g.rewrite()).append('\n');
        }
        sb.append("\nGraded by the ").append("offline".equals(g.grader()) ? "offline grader (deterministic)" : "LLM grader (" + g.grader() + ")");
        if (!g.note().isBlank()) sb.append(" · ").append(g.note());
        sb.append('\n');
        g.flags().forEach(f -> sb.append("! ").append(f).append('\n'));
        return sb.toString();
    }
}
