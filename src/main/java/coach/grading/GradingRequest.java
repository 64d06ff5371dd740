package coach.grading;

import coach.config.Stage;
import java.util.List;

/** What a grader needs: the stage, the question as asked, what a strong answer covers, the rubric, the answer, and the workspace (for a fair share of the LLM). */
public record GradingRequest(Stage stage, String question, List<String> keyPoints, Rubric rubric, String answer,
                             String teamId) {
    /** A request outside any workspace (calibration, tests): all such requests share one fair share. */
    public GradingRequest(Stage stage, String question, List<String> keyPoints, Rubric rubric, String answer) {
        this(stage, question, keyPoints, rubric, answer, "");
    }

    public GradingRequest {
        teamId = teamId == null ? "" : teamId;
    }
}
