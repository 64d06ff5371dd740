package coach.progress;

import coach.grading.ScoredAnswer;
import coach.grading.ScoreBand;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A question answered below the strong band comes back after 1, 3, 7 and then every 14 days, counted from the last
 * attempt; an answer in the strong band ends its schedule. Computed from the graded history and a clock, so nothing
 * is stored that could drift from the grades themselves.
 */
final class SpacedReview {
    static final List<Duration> INTERVALS = List.of(Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7),
            Duration.ofDays(14));

    private SpacedReview() {}

    /** Review items due at {@code now}, oldest due first. */
    static List<Progress.ReviewItem> due(List<ScoredAnswer> history, Instant now, Function<String, String> criterionName) {
        Map<String, List<ScoredAnswer>> byQuestion = new LinkedHashMap<>();
        history.stream().filter(s -> !"follow_up".equals(s.kind()))
                .forEach(s -> byQuestion.computeIfAbsent(s.questionId(), k -> new ArrayList<>()).add(s));
        List<Progress.ReviewItem> due = new ArrayList<>();
        for (List<ScoredAnswer> attempts : byQuestion.values()) {
            ScoredAnswer last = attempts.get(attempts.size() - 1);
            if (last.overall() >= ScoreBand.STRONG.low()) continue;
            int weakRun = 0;
            for (int i = attempts.size() - 1; i >= 0 && attempts.get(i).overall() < ScoreBand.STRONG.low(); i--) weakRun++;
            Instant dueAt = last.gradedAt().plus(INTERVALS.get(Math.min(weakRun, INTERVALS.size()) - 1));
            if (dueAt.isAfter(now)) continue;
            String weakest = last.criteria().entrySet().stream().min(Map.Entry.comparingByValue())
                    .map(e -> criterionName.apply(e.getKey())).orElse("");
            long days = Duration.between(last.gradedAt(), now).toDays();
            String when = days == 0 ? "earlier today" : days == 1 ? "yesterday" : days + " days ago";
            String reason = "you scored " + last.overall() + " here " + when
                    + (weakest.isEmpty() ? "" : "; weakest: " + weakest);
            due.add(new Progress.ReviewItem(last.askedQuestionId(), last.questionId(), last.stageId(), last.overall(),
                    last.gradedAt(), dueAt, weakest, reason));
        }
        due.sort(Comparator.comparing(Progress.ReviewItem::dueAt));
        return due;
    }
}
