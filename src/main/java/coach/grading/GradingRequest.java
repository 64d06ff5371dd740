package coach.grading;

import coach.config.Stage;
import java.util.List;

/** What a grader needs: the stage, the question as asked, what a strong answer covers, the rubric, the answer. */
public record GradingRequest(Stage stage, String question, List<String> keyPoints, Rubric rubric, String answer) {
}
