package coach.grading;

import coach.config.StageCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A finished session in numbers: answers graded, average and best score, and each criterion's average, weakest
 * first (what to practise next).
 */
public record SessionSummary(int answers, int averageScore, int bestScore, List<String> stageNames,
                             List<CriterionAverage> criteria) {

    public record CriterionAverage(String name, double average) {}

    static SessionSummary of(List<GradeRepository.SessionScore> rows, Rubrics rubrics, StageCatalog stages) {
        Map<Long, Integer> overallByGrade = new LinkedHashMap<>();
        Set<String> stageIds = new LinkedHashSet<>();
        Map<String, List<Integer>> byCriterionName = new LinkedHashMap<>();
        for (GradeRepository.SessionScore r : rows) {
            overallByGrade.put(r.gradeId(), r.overall());
            stageIds.add(r.stageId());
            String name = rubrics.forStage(r.stageId()).criteria().stream()
                    .filter(c -> c.id().equals(r.criterionId())).map(Criterion::name).findFirst().orElse(r.criterionId());
            byCriterionName.computeIfAbsent(name, k -> new ArrayList<>()).add(r.score());
        }
        List<CriterionAverage> criteria = byCriterionName.entrySet().stream()
                .map(e -> new CriterionAverage(e.getKey(), e.getValue().stream().mapToInt(Integer::intValue).average().orElse(0)))
                .sorted(Comparator.comparingDouble(CriterionAverage::average))
                .toList();
        int avg = (int) Math.round(overallByGrade.values().stream().mapToInt(Integer::intValue).average().orElse(0));
        int best = overallByGrade.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<String> names = stageIds.stream().map(id -> stages.find(id).map(s -> s.name()).orElse(id)).toList();
        return new SessionSummary(overallByGrade.size(), avg, best, names, criteria);
    }
}
