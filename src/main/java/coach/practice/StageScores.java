package coach.practice;

import coach.interview.Learner;
import java.util.Map;

/** A learner's average score per stage practised, from whoever keeps the grades: what "mix" reminders rank stages by. */
@FunctionalInterface
public interface StageScores {
    StageScores NONE = who -> Map.of();

    Map<String, Double> averageByStage(Learner who);
}
