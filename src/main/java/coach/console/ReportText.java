package coach.console;

import coach.config.Stage;
import coach.grading.Criterion;
import coach.grading.CriterionScore;
import coach.grading.Rubric;
import coach.grading.SessionSummary;
import coach.grading.AttemptChange;
import coach.grading.Grade;
import coach.grading.GradedAnswer;
import java.util.regex.Matcher;
import coach.grading.ScoreBand;

/** A graded report as plain text for the terminal. */
final class ReportText {
    private ReportText() {}

    static String rubric(Stage stage, Rubric rubric) {
        StringBuilder sb = new StringBuilder("Rubric · " + stage.name() + "\n" + ScoreBand.howScored() + "\n");
        for (Criterion c : rubric.criteria()) {
            sb.append("\n").append(c.name()).append(" · weight ").append(Math.round(c.weight() * 100)).append("%\n  ")
                    .append(c.description()).append('\n');
            for (int s = 5; s >= 1; s--) {
                sb.append("  ").append(s).append(": ").append(c.anchor(s)).append('\n');
            }
        }
        return sb.toString();
    }

    static String summary(SessionSummary s) {
        if (s.answers() == 0) {
            return "Session finished. No graded answers in it yet.";
        }
        StringBuilder sb = new StringBuilder("Session finished (" + String.join(", ", s.stageNames()) + "): " + s.answers()
                + " answer(s), average " + s.averageScore() + "/100, best " + s.bestScore() + "/100.\n");
        s.criteria().forEach(c -> sb.append(String.format(java.util.Locale.ROOT, "  %s: %.1f/5%n", c.name(), c.average())));
        sb.append("Practise next: ").append(s.criteria().get(0).name()).append('.');
        return sb.toString();
    }

    static String render(GradedAnswer graded, Stage stage) {
        String report = render(graded.grade(), stage);
        return AttemptChange.of(graded).map(c -> report.replaceFirst(" ===\n", Matcher.quoteReplacement(
                " ===\nAttempt " + c.attempt() + " · against your last attempt: " + c.summary() + "\n"))).orElse(report);
    }

    static String render(Grade g, Stage stage) {
        StringBuilder sb = new StringBuilder();
        sb.append("\n=== Score ").append(g.overall()).append("/100 · ").append(g.band().withRange()).append(" · ")
                .append(stage.name()).append(" ===\n");
        sb.append(g.band().label()).append(": ").append(g.band().meaning()).append(". Bands: ").append(ScoreBand.legend())
                .append(".\n");
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
        if (!g.advice().isBlank()) sb.append("\nLength: ").append(g.advice()).append('\n');
        sb.append("\nGraded by the ").append("offline".equals(g.grader()) ? "offline grader (deterministic)" : "LLM grader (" + g.grader() + ")");
        if (!g.note().isBlank()) sb.append(" · ").append(g.note());
        sb.append('\n');
        g.flags().forEach(f -> sb.append("! ").append(f).append('\n'));
        return sb.toString();
    }
}
