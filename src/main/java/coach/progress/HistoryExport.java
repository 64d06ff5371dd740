package coach.progress;

import coach.grading.ScoredAnswer;
import coach.interview.InterviewRepository.Answered;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A learner's history as CSV (Jackson's CSV writer, so quotes, commas and line breaks in answers are escaped as
 * RFC 4180 says): date, stage, question id, question, answer, overall score, then one column per criterion.
 */
final class HistoryExport {
    private static final CsvMapper CSV = new CsvMapper();

    private HistoryExport() {}

    static String csv(List<Answered> answers, List<ScoredAnswer> grades) {
        Map<Long, ScoredAnswer> byAnswer = new LinkedHashMap<>();
        grades.forEach(g -> byAnswer.put(g.answerId(), g));
        Set<String> criteria = new LinkedHashSet<>();
        grades.forEach(g -> criteria.addAll(g.criteria().keySet()));
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        List<String> columns = new ArrayList<>(List.of("date", "stage", "question_id", "question", "answer", "score"));
        columns.addAll(criteria);
        columns.forEach(schema::addColumn);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Answered a : answers) {
            Map<String, Object> row = new LinkedHashMap<>();
            ScoredAnswer g = byAnswer.get(a.answerId());
            row.put("date", a.answeredAt().toString());
            row.put("stage", a.stageId());
            row.put("question_id", a.questionId());
            row.put("question", a.prompt());
            row.put("answer", a.body());
            row.put("score", g == null ? "" : g.overall());
            for (String c : criteria) {
                row.put(c, g == null || !g.criteria().containsKey(c) ? "" : g.criteria().get(c));
            }
            rows.add(row);
        }
        try {
            return CSV.writer(schema.build()).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the history as CSV", e);
        }
    }
}
