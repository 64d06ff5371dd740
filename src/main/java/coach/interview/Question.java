package coach.interview;

import java.util.List;

/** A question from a stage's bank, with what a strong answer covers and how an interviewer digs deeper. */
public record Question(String id, String text, String pillar, List<String> keyPoints, List<String> followUps) {
}
