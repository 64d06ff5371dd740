package coach.progress;

import coach.config.Stage;
import coach.config.StageCatalog;
import coach.grading.Criterion;
import coach.grading.ScoredAnswer;
import coach.grading.GradingService;
import coach.grading.Rubric;
import coach.interview.InterviewService;
import coach.interview.Learner;
import coach.practice.PracticeCalendar;
import coach.practice.ReviewPicker;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the coach remembers about a learner, built from the stored per-criterion scores (so it reads the same
 * whichever grader graded): progress by stage and criterion with trends told in words, the streak, the questions
 * due for review, and what to practise next.
 */
public final class ProgressService {
    /** Trends need this many scores of a criterion; fewer and the coach says what it needs. */
    static final int MIN_FOR_TREND = 3;
    private static final int SPARK = 10;
    private final GradingService grading;
    private final InterviewService interviews;
    private final SelfRatings ratings;
    private final TeamView team;
    private final StageCatalog stages;
    private final PracticeCalendar calendar;
    private final Clock clock;

    public ProgressService(GradingService grading, InterviewService interviews, StageCatalog stages,
                           PracticeCalendar calendar, SelfRatings ratings, TeamView team, Clock clock) {
        this.team = team;
        this.interviews = interviews;
        this.ratings = ratings;
        this.grading = grading;
        this.stages = stages;
        this.calendar = calendar;
        this.clock = clock;
    }

    public Progress progress(Learner who) {
        List<ScoredAnswer> history = grading.history(who);
        List<Progress.StageProgress> byStage = stages(history);
        List<Progress.CriterionProgress> criteria = criteria(history);
        List<Progress.ReviewItem> due = SpacedReview.due(history, clock.instant(), this::criterionName);
        return new Progress(history.size(), byStage, criteria, calendar.streak(who), due, recommend(byStage, due),
                needs(history.size()), selfAssessment(history, ratings.byAnswer(who)));
    }

    /**
     * The learner's own rating of one of their answers (1–5); false if the answer is not theirs or the rating is
     * out of range. It may come before or after the grade: both count.
     */
    public boolean rate(Learner who, long answerId, int rating) {
        if (rating < 1 || rating > 5 || interviews.answer(who, answerId).isEmpty()) {
            return false;
        }
        ratings.save(who, answerId, rating, clock.instant());
        return true;
    }

    public TeamView team() {
        return team;
    }

    /** The oldest review due now, for a daily reminder set to "mix". */
    public Optional<ReviewPicker.Due> nextReview(Learner who) {
        return dueReviews(who).stream().findFirst().map(r -> new ReviewPicker.Due(r.stageId(), r.questionId()));
    }

    /** The questions due for review now, oldest first. */
    public List<Progress.ReviewItem> dueReviews(Learner who) {
        return SpacedReview.due(grading.history(who), clock.instant(), this::criterionName);
    }

    /** The learner's whole history as CSV: question, answer, score and criterion scores, with dates. */
    public String exportCsv(Learner who) {
        return HistoryExport.csv(interviews.answered(who), grading.history(who));
    }

    /**
     * Deletes every row about the learner that the core keeps (grades, practice, answers, questions, sessions), in
     * the order their references need; counts by table. The caller runs it in one transaction.
     */
    public Map<String, Integer> forget(Learner who) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("self_rating", ratings.forget(who));
        counts.put("team_member", team.forget(who, Optional.empty()));
        counts.putAll(grading.forget(who));
        counts.putAll(calendar.forget(who));
        counts.putAll(interviews.forget(who));
        return counts;
    }

    private List<Progress.StageProgress> stages(List<ScoredAnswer> history) {
        List<Progress.StageProgress> out = new ArrayList<>();
        for (Stage stage : stages.all()) {
            List<Integer> scores = history.stream().filter(s -> s.stageId().equals(stage.id())).map(ScoredAnswer::overall).toList();
            if (scores.isEmpty()) continue;
            List<Integer> last = scores.subList(Math.max(0, scores.size() - SPARK), scores.size());
            int average = (int) Math.round(scores.stream().mapToInt(Integer::intValue).average().orElse(0));
            out.add(new Progress.StageProgress(stage.id(), stage.name(), scores.size(), average, Trend.sparkline(last),
                    List.copyOf(last)));
        }
        return out;
    }

    private List<Progress.CriterionProgress> criteria(List<ScoredAnswer> history) {
        Map<String, List<Integer>> scores = new LinkedHashMap<>();
        Map<String, String> lastStage = new LinkedHashMap<>();
        for (ScoredAnswer s : history) {
            s.criteria().forEach((id, score) -> {
                scores.computeIfAbsent(id, k -> new ArrayList<>()).add(score);
                lastStage.put(id, s.stageId());
            });
        }
        List<Progress.CriterionProgress> out = new ArrayList<>();
        scores.forEach((id, list) -> {
            Optional<Criterion> criterion = criterion(lastStage.get(id), id);
            String name = criterion.map(Criterion::name).orElse(id);
            List<Integer> window = list.subList(Math.max(0, list.size() - Trend.WINDOW), list.size());
            Trend trend = list.size() >= MIN_FOR_TREND ? Trend.of(list) : Trend.FLAT;
            double average = list.stream().mapToInt(Integer::intValue).average().orElse(0);
            out.add(new Progress.CriterionProgress(id, name, list.size(), average, window.get(0),
                    window.get(window.size() - 1), trend, Narration.of(name, window, trend, criterion,
                    list.size() >= MIN_FOR_TREND)));
        });
        out.sort(Comparator.comparingDouble(Progress.CriterionProgress::average));
        return out;
    }

    private Progress.Recommendation recommend(List<Progress.StageProgress> byStage, List<Progress.ReviewItem> due) {
        if (!due.isEmpty()) {
            Progress.ReviewItem first = due.get(0);
            return new Progress.Recommendation(first.stageId(), stages.get(first.stageId()).name(),
                    "a question is due for review: " + first.reason(), Optional.of(first));
        }
        for (Stage stage : stages.all()) {
            if (byStage.stream().noneMatch(p -> p.stageId().equals(stage.id()))) {
                return new Progress.Recommendation(stage.id(), stage.name(), "you have not practised it yet",
                        Optional.empty());
            }
        }
        Progress.StageProgress weakest = byStage.stream().min(Comparator.comparingInt(Progress.StageProgress::average))
                .orElseThrow();
        return new Progress.Recommendation(weakest.stageId(), weakest.stageName(),
                "it is your lowest average (" + weakest.average() + ")", Optional.empty());
    }

    /**
     * How the learner's self-ratings compare with the grades: the mean of (rating − graded level), the graded level
     * being the mean of the answer's criterion scores (1–5).
     */
    static String selfAssessment(List<ScoredAnswer> history, Map<Long, Integer> ratings) {
        double gap = 0;
        int n = 0;
        for (ScoredAnswer s : history) {
            Integer rating = ratings.get(s.answerId());
            if (rating == null || s.criteria().isEmpty()) continue;
            gap += rating - s.criteria().values().stream().mapToInt(Integer::intValue).average().orElse(0);
            n++;
        }
        if (n == 0) {
            return "Rate your answers 1–5 while they are graded, and I will show how your view compares with the grade.";
        }
        double mean = gap / n;
        String over = n + (n == 1 ? " rated answer" : " rated answers");
        if (Math.abs(mean) < 0.5) {
            return "Your self-ratings match the grades (" + over + ").";
        }
        long points = Math.round(Math.abs(mean));
        return "You rate yourself about " + (points <= 1 ? "one point " : points + " points ") + (mean > 0 ? "above" : "below")
                + " the grade (" + over + ")" + (mean > 0 ? ": check your answers against the rubric's anchors before you submit."
                : ": your answers are better than you think.");
    }

    private static String needs(int answers) {
        if (answers == 0) {
            return "No graded answers yet. Start your first mock interview and I will track every criterion from there.";
        }
        if (answers < MIN_FOR_TREND) {
            return "With " + answers + (answers == 1 ? " answer" : " answers") + " I can show scores but not trends: "
                    + "trends need " + MIN_FOR_TREND + " answers. " + (MIN_FOR_TREND - answers) + " more to go.";
        }
        return "";
    }

    private Optional<Criterion> criterion(String stageId, String criterionId) {
        Rubric rubric = grading.rubrics().forStage(stageId);
        return rubric.criteria().stream().filter(c -> c.id().equals(criterionId)).findFirst();
    }

    private String criterionName(String criterionId) {
        for (Stage stage : stages.all()) {
            Optional<Criterion> c = criterion(stage.id(), criterionId);
            if (c.isPresent()) return c.get().name().toLowerCase(java.util.Locale.ROOT);
        }
        return criterionId;
    }
}
