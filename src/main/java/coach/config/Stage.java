package coach.config;

import java.util.List;

/** One stage of the interview loop, as the seed guide describes it. */
public record Stage(
        String id,
        String name,
        int order,
        List<String> aliases,
        String format,
        int durationMinutes,
        String focus,
        boolean behavioural,
        int minAnswerWords) {
}
